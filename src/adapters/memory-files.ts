/**
 * Files held in memory, with the same behaviour as the disk: folders exist when made or when
 * a file is in them, writing into a missing folder fails, and a streamed write appears only
 * when committed. For tests of commands that read and write files, and for dry runs.
 */
import { FileError, type Files, type FileWriter } from '../ports/files.js';

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8');

export interface MemoryFiles extends Files {
  /** Makes a folder (and the folders above it). */
  makeFolder(path: string): void;
  /** Every file held, by path: what the code under test wrote. */
  snapshot(): Map<string, Uint8Array>;
}

function normalise(path: string): string {
  const parts: string[] = [];
  for (const p of path.split('/')) {
    if (p === '' || p === '.') continue;
    if (p === '..') parts.pop();
    else parts.push(p);
  }
  return `/${parts.join('/')}`;
}

function parentOf(path: string): string {
  const i = path.lastIndexOf('/');
  return i <= 0 ? '/' : path.slice(0, i);
}

/** Paths are POSIX-style; a relative path is taken from the root. */
export function memoryFiles(initial: Record<string, string | Uint8Array> = {}): MemoryFiles {
  const files = new Map<string, Uint8Array>();
  const folders = new Set<string>(['/']);

  const makeFolder = (path: string) => {
    for (let p = normalise(path); !folders.has(p); p = parentOf(p)) folders.add(p);
  };
  const checkWritable = (path: string) => {
    const p = normalise(path);
    if (folders.has(p)) throw new FileError('is_a_folder', path, `Cannot write ${path}: it is a folder.`);
    if (files.has(parentOf(p))) throw new FileError('not_a_folder', path, `Cannot write ${path}: part of the path is a file, not a folder.`);
    if (!folders.has(parentOf(p))) throw new FileError('not_found', path, `Cannot write ${path}: no such folder.`);
  };
  const put = (path: string, content: string | Uint8Array) => {
    checkWritable(path);
    files.set(normalise(path), typeof content === 'string' ? encoder.encode(content) : new Uint8Array(content));
  };
  const get = (path: string): Uint8Array => {
    const p = normalise(path);
    const content = files.get(p);
    if (content) return new Uint8Array(content);
    if (folders.has(p)) throw new FileError('is_a_folder', path, `Cannot read ${path}: it is a folder.`);
    throw new FileError('not_found', path, `Cannot read ${path}: no such file.`);
  };

  for (const [path, content] of Object.entries(initial)) {
    makeFolder(parentOf(normalise(path)));
    put(path, content);
  }

  return {
    readBytes: async (path) => get(path),
    readText: async (path) => decoder.decode(get(path)),
    write: async (path, content) => put(path, content),
    async openWriter(path): Promise<FileWriter> {
      // Fails now, as opening a file in a missing folder does, rather than at commit.
      checkWritable(path);
      const pieces: string[] = [];
      let open = true;
      return {
        async write(text) {
          if (!open) throw new FileError('failed', path, `Cannot write ${path}: the file was already closed.`);
          pieces.push(text);
        },
        async commit() {
          if (!open) throw new FileError('failed', path, `Cannot write ${path}: the file was already closed.`);
          open = false;
          put(path, pieces.join(''));
        },
        async abort() {
          open = false;
        },
      };
    },
    async kind(path) {
      const p = normalise(path);
      return files.has(p) ? 'file' : folders.has(p) ? 'folder' : null;
    },
    async list(folder) {
      const p = normalise(folder);
      if (files.has(p)) throw new FileError('not_a_folder', folder, `Cannot read ${folder}: it is a file, not a folder.`);
      if (!folders.has(p)) throw new FileError('not_found', folder, `Cannot read ${folder}: no such folder.`);
      const prefix = p === '/' ? '/' : `${p}/`;
      const names = new Set<string>();
      for (const q of [...files.keys(), ...folders]) {
        if (q !== p && q.startsWith(prefix)) names.add(q.slice(prefix.length).split('/')[0]!);
      }
      return [...names].sort();
    },
    join: (folder, name) => `${folder.replace(/\/+$/, '')}/${name}`,
    makeFolder,
    snapshot: () => new Map([...files].map(([k, v]) => [k, new Uint8Array(v)])),
  };
}
