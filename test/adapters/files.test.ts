/**
 * The Files port's contract, run against both adapters, so the in-memory one used in command
 * tests behaves as the disk does: missing files and folders, atomic writes, streamed writes.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { localDiskFiles } from '../../src/adapters/local-disk-files.js';
import { memoryFiles } from '../../src/adapters/memory-files.js';
import { FileError, type Files } from '../../src/ports/files.js';

interface Setup {
  files: Files;
  /** An existing, empty folder to work in. */
  root: string;
  done(): void;
}

const ADAPTERS: [string, () => Setup][] = [
  [
    'local disk',
    () => {
      const root = mkdtempSync(join(tmpdir(), 'steve-files-'));
      return { files: localDiskFiles, root, done: () => rmSync(root, { recursive: true, force: true }) };
    },
  ],
  [
    'memory',
    () => {
      const files = memoryFiles();
      files.makeFolder('/work');
      return { files, root: '/work', done: () => undefined };
    },
  ],
];

describe.each(ADAPTERS)('Files on %s', (_name, setUp) => {
  let s: Setup;
  afterEach(() => s.done());
  const at = (...names: string[]) => names.reduce((p, n) => s.files.join(p, n), s.root);

  it('writes text and bytes and reads them back exactly', async () => {
    s = setUp();
    const bytes = new Uint8Array(256).map((_, i) => i);
    await s.files.write(at('a.bin'), bytes);
    await s.files.write(at('b.txt'), 'Siân – £12.50\r\nline two\n');
    expect(await s.files.readBytes(at('a.bin'))).toEqual(bytes);
    expect(await s.files.readText(at('b.txt'))).toBe('Siân – £12.50\r\nline two\n');
    await s.files.write(at('b.txt'), 'replaced');
    expect(await s.files.readText(at('b.txt'))).toBe('replaced');
  });

  it('says what is at a path, and lists a folder sorted, without half-written files', async () => {
    s = setUp();
    await s.files.write(at('zeta.eml'), 'z');
    await s.files.write(at('alpha.txt'), 'a');
    expect(await s.files.kind(at('alpha.txt'))).toBe('file');
    expect(await s.files.kind(s.root)).toBe('folder');
    expect(await s.files.kind(at('nothing.txt'))).toBeNull();
    expect(await s.files.list(s.root)).toEqual(['alpha.txt', 'zeta.eml']);
  });

  it('a missing file or folder is a FileError naming the path', async () => {
    s = setUp();
    await expect(s.files.readText(at('missing.json'))).rejects.toSatisfy(
      (e: unknown) =>
        e instanceof FileError && e.reason === 'not_found' && e.code === 'VALIDATION' && e.message === `Cannot read ${at('missing.json')}: no such file.`,
    );
    await expect(s.files.readBytes(s.root)).rejects.toMatchObject({ reason: 'is_a_folder' });
    await expect(s.files.write(at('no-folder', 'x.txt'), 'x')).rejects.toMatchObject({
      reason: 'not_found',
      message: expect.stringMatching(/^Cannot write .*x\.txt: no such folder\.$/),
    });
    await expect(s.files.list(at('no-folder'))).rejects.toMatchObject({ reason: 'not_found' });
    expect(await s.files.list(s.root)).toEqual([]);
  });

  it('a streamed write appears only when committed, and an aborted one leaves nothing', async () => {
    s = setUp();
    const w = await s.files.openWriter(at('export.json'));
    await w.write('{"a":');
    expect(await s.files.kind(at('export.json'))).toBeNull();
    await w.write('1}\n');
    await w.commit();
    expect(await s.files.readText(at('export.json'))).toBe('{"a":1}\n');

    const broken = await s.files.openWriter(at('export.json'));
    await broken.write('{"trunc');
    await broken.abort();
    expect(await s.files.readText(at('export.json'))).toBe('{"a":1}\n');
    expect(await s.files.list(s.root)).toEqual(['export.json']);
  });

  it('opening a writer in a missing folder fails at once and leaves nothing', async () => {
    s = setUp();
    await expect(s.files.openWriter(at('no-folder', 'x.json'))).rejects.toMatchObject({
      reason: 'not_found',
      message: `Cannot write ${at('no-folder', 'x.json')}: no such folder.`,
    });
    expect(await s.files.list(s.root)).toEqual([]);
  });
});

describe('Files on local disk only', () => {
  it('a failed whole-file write leaves neither the file nor its .partial', async () => {
    const root = mkdtempSync(join(tmpdir(), 'steve-files-'));
    try {
      // A folder where the file should go makes the final rename fail after the content is written.
      mkdirSync(join(root, 'taken.txt'));
      await expect(localDiskFiles.write(join(root, 'taken.txt'), 'x')).rejects.toBeInstanceOf(FileError);
      expect(await localDiskFiles.list(root)).toEqual(['taken.txt']);
      expect(await localDiskFiles.kind(join(root, 'taken.txt'))).toBe('folder');
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
