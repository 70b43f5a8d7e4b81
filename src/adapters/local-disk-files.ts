/**
 * Files on this computer's disk, the Files port as the CLI and the server use it. Whole-file
 * writes and streamed writes go to a ".partial" file beside the target and are renamed into
 * place at the end, so a failure never leaves a truncated file that looks whole.
 */
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { FileError, type FileErrorReason, type Files, type FileWriter } from '../ports/files.js';

function failure(e: unknown, path: string, doing: 'read' | 'write'): FileError {
  const code = e instanceof Error && 'code' in e ? String(e.code) : '';
  const reason: FileErrorReason =
    code === 'ENOENT'
      ? 'not_found'
      : code === 'EISDIR'
        ? 'is_a_folder'
        : code === 'ENOTDIR'
          ? 'not_a_folder'
          : code === 'EACCES' || code === 'EPERM'
            ? 'denied'
            : 'failed';
  const why =
    reason === 'not_found'
      ? doing === 'read'
        ? 'no such file'
        : 'no such folder'
      : reason === 'is_a_folder'
        ? 'it is a folder'
        : reason === 'not_a_folder'
          ? 'part of the path is a file, not a folder'
          : reason === 'denied'
            ? 'permission denied'
            : e instanceof Error
              ? e.message
              : String(e);
  return new FileError(reason, path, `Cannot ${doing} ${path}: ${why}.`, { cause: e });
}

async function attempt<T>(path: string, doing: 'read' | 'write', run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (e) {
    throw e instanceof FileError ? e : failure(e, path, doing);
  }
}

export const localDiskFiles: Files = {
  readBytes: (path) => attempt(path, 'read', async () => new Uint8Array(await readFile(path))),
  readText: (path) => attempt(path, 'read', () => readFile(path, 'utf8')),

  async write(path, content) {
    const partial = `${path}.partial`;
    await attempt(path, 'write', async () => {
      try {
        await writeFile(partial, content);
        await rename(partial, path);
      } catch (e) {
        await rm(partial, { force: true });
        throw e;
      }
    });
  },

  async openWriter(path): Promise<FileWriter> {
    const partial = `${path}.partial`;
    const stream = createWriteStream(partial, { encoding: 'utf8' });
    let broken: unknown = null;
    stream.on('error', (e) => (broken ??= e));
    const abort = async () => {
      stream.destroy();
      await rm(partial, { force: true });
    };
    // Opening fails (no such folder) asynchronously; wait for it so the caller learns at once.
    await Promise.race([once(stream, 'open'), once(stream, 'error')]).catch(() => undefined);
    if (broken) {
      await abort();
      throw failure(broken, path, 'write');
    }
    return {
      async write(text) {
        if (broken) throw failure(broken, path, 'write');
        if (!stream.write(text)) await Promise.race([once(stream, 'drain'), once(stream, 'error')]).catch(() => undefined);
        if (broken) throw failure(broken, path, 'write');
      },
      async commit() {
        stream.end();
        await once(stream, 'close');
        if (broken) {
          await rm(partial, { force: true });
          throw failure(broken, path, 'write');
        }
        await attempt(path, 'write', () => rename(partial, path));
      },
      abort,
    };
  },

  async kind(path) {
    try {
      return (await stat(path)).isDirectory() ? 'folder' : 'file';
    } catch (e) {
      if (failure(e, path, 'read').reason === 'not_found') return null;
      throw failure(e, path, 'read');
    }
  },

  list: (folder) => attempt(folder, 'read', async () => (await readdir(folder)).sort()),
  join,
};
