// The test command (`npm test`): type-check, then every Vitest suite (both database dialects
// when STEVE_TEST_DATABASE_URL is set), ending with the plain "N passed, N failed" line CI reads.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';

const bin = (name) => `node_modules/.bin/${name}`;
const run = (cmd, args) => spawnSync(cmd, args, { stdio: 'inherit', env: process.env }).status ?? 1;

console.log(
  process.env.STEVE_TEST_DATABASE_URL ? 'databases: SQLite and PostgreSQL' : 'databases: SQLite only (set STEVE_TEST_DATABASE_URL to add PostgreSQL)',
);

const tsc = run(bin('tsc'), ['--noEmit', '-p', 'tsconfig.json']);
if (tsc !== 0) console.error('typecheck: failed');

rmSync('.vitest.json', { force: true });
const vitest = run(bin('vitest'), ['run', '--reporter=default', '--reporter=json', '--outputFile=.vitest.json', ...process.argv.slice(2)]);

let passed = 0;
let failed = 0;
if (existsSync('.vitest.json')) {
  const r = JSON.parse(readFileSync('.vitest.json', 'utf8'));
  passed = r.numPassedTests;
  failed = r.numFailedTests + (r.numRuntimeErrorTestSuites ?? 0);
} else {
  failed = 1;
}
if (tsc !== 0) failed += 1;
console.log(`${passed} passed, ${failed} failed`);
process.exitCode = failed === 0 && vitest === 0 && tsc === 0 ? 0 : 1;
