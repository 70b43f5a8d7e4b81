/**
 * The one build-staleness check, on a made-up tree with set modification times: a build is
 * stale when its output is missing or anything it is made from (a file, or a folder whose files
 * came and went) is newer; node_modules and dot-entries never count.
 */
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BUILDS, buildStale, newestMtime } from '../../scripts/build-freshness.mjs';

const T0 = new Date('2026-11-27T09:00:00Z');
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);

describe('build freshness', () => {
  let root: string;
  const put = (path: string, minutes: number) => {
    const full = join(root, path);
    mkdirSync(join(full, '..'), { recursive: true });
    writeFileSync(full, path);
    utimesSync(full, at(minutes), at(minutes));
  };
  const touchDir = (path: string, minutes: number) => utimesSync(join(root, path), at(minutes), at(minutes));
  const build = { output: 'dist/app/index.html', sources: ['app', 'app.config.ts'] };

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'steve-freshness-'));
    put('app/a.ts', 0);
    put('app/deep/b.ts', 1);
    put('app.config.ts', 0);
    touchDir('app/deep', 1);
    touchDir('app', 1);
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it.each([
    ['the output is missing', () => {}, true],
    ['the output is newer than every source', () => put('dist/app/index.html', 5), false],
    ['the output was made in the same instant as the newest source', () => put('dist/app/index.html', 1), false],
    [
      'a source file changed since',
      () => {
        put('dist/app/index.html', 5);
        put('app/deep/b.ts', 6);
      },
      true,
    ],
    [
      'a single-file source changed since',
      () => {
        put('dist/app/index.html', 5);
        put('app.config.ts', 6);
      },
      true,
    ],
    [
      'a file was deleted since (only its folder changed)',
      () => {
        put('dist/app/index.html', 5);
        touchDir('app/deep', 7);
      },
      true,
    ],
    [
      'only node_modules or a dot-file changed since',
      () => {
        put('dist/app/index.html', 5);
        put('app/node_modules/x/index.js', 9);
        put('app/.b.ts.swp', 9);
        touchDir('app/node_modules', 1);
        touchDir('app', 1);
      },
      false,
    ],
  ] as const)('%s: stale is %s', (_what, arrange, stale) => {
    arrange();
    expect(buildStale(root, build)).toBe(stale);
  });

  it('a source that does not exist counts as nothing, and newestMtime of nothing is 0', () => {
    put('dist/app/index.html', 5);
    expect(buildStale(root, { ...build, sources: [...build.sources, 'missing'] })).toBe(false);
    expect(newestMtime(join(root, 'missing'))).toBe(0);
  });

  it('the web build is made from the folders the web app imports, the CLI bundle from all of src', () => {
    expect(BUILDS.web.sources).toEqual(expect.arrayContaining(['web', 'vite.config.ts', 'src/domain', 'src/contract']));
    expect(BUILDS.cli).toEqual({ output: 'dist/cli/main.mjs', sources: ['src'] });
  });
});
