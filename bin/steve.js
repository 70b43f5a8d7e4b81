#!/usr/bin/env node
// `npx steve` right after `npm ci`, with no build step. The `prepare` script bundles the command
// into dist/cli/ (fast start); while that bundle is missing or older than any source file (an
// edit since), the TypeScript sources run through tsx instead, so what runs is always the source.
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { BUILDS, buildStale } from '../scripts/build-freshness.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));

if (process.env.STEVE_FROM_SOURCE !== '1' && !buildStale(root, BUILDS.cli)) {
  await import(pathToFileURL(join(root, BUILDS.cli.output)).href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../src/main/cli.ts');
}
