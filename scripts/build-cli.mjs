// Bundles the `steve` command into dist/cli/ so it starts without compiling TypeScript on every
// run (tsx costs about a second). Runs on `npm ci` (the `prepare` script); bin/steve.js uses the
// bundle only while it is newer than every source file, and otherwise runs the sources via tsx.
import { build } from 'esbuild';
import { rmSync } from 'node:fs';

rmSync('dist/cli', { recursive: true, force: true });
await build({
  entryPoints: { main: 'src/main/cli.ts' },
  outdir: 'dist/cli',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'external',
  outExtension: { '.js': '.mjs' },
  logLevel: 'warning',
});
console.log('steve: command bundled into dist/cli/');
