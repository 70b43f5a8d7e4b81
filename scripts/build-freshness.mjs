// Whether a build is older than what it is built from: the one check behind bin/steve.js (run
// the CLI bundle or the sources), `steve start`/`steve serve` (rebuild the web app) and the
// browser tests (rebuild before a run). Plain JavaScript, so bin/steve.js can use it before
// anything compiles TypeScript.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** What each build is made from, relative to the repository root. */
export const BUILDS = {
  // The command bundle holds every file under src/.
  cli: { output: 'dist/cli/main.mjs', sources: ['src'] },
  // The web app imports the domain and the contract as well as its own folder.
  web: { output: 'dist/web/index.html', sources: ['web', 'vite.config.ts', 'src/domain', 'src/contract'] },
};

/**
 * The newest modification time of a file or anything under a folder, the folders included (a
 * deleted or renamed file changes only its folder). node_modules and dot-entries (editor swap
 * files, .DS_Store) are not sources. 0 when the path does not exist.
 */
export function newestMtime(path) {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs;
  for (const name of readdirSync(path)) {
    if (name === 'node_modules' || name.startsWith('.')) continue;
    newest = Math.max(newest, newestMtime(join(path, name)));
  }
  return newest;
}

/** True when the build's output is missing or older than any of its sources. */
export function buildStale(root, build) {
  const output = join(root, build.output);
  if (!existsSync(output)) return true;
  const built = statSync(output).mtimeMs;
  return build.sources.some((source) => newestMtime(join(root, source)) > built);
}
