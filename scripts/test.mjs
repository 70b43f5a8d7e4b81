// The test command (`npm test`): the format check, lint, architecture check and typecheck, then every
// Vitest suite (both database dialects when STEVE_TEST_DATABASE_URL is set), ending with the plain
// "N passed, N failed" line CI reads; each failed check counts as one failure.
//
// The four checks are independent and mostly single-threaded, so they run at once (about half the
// time on two cores); each one's output is held back and printed in the order above.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';

const bin = (name) => `node_modules/.bin/${name}`;

const CHECKS = [
  ['format', bin('prettier'), ['--check', '.', '--log-level', 'warn']],
  ['lint', bin('eslint'), ['.']],
  ['architecture', bin('depcruise'), ['src', 'web', '--config', '.dependency-cruiser.cjs', '--output-type', 'err']],
  ['typecheck', bin('tsc'), ['--noEmit', '-p', 'tsconfig.json']],
];

function runHeld(cmd, args) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { env: process.env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('error', (e) => resolve({ status: 1, output: output + String(e) }));
    child.on('close', (code) => resolve({ status: code ?? 1, output }));
  });
}

console.log(
  process.env.STEVE_TEST_DATABASE_URL ? 'databases: SQLite and PostgreSQL' : 'databases: SQLite only (set STEVE_TEST_DATABASE_URL to add PostgreSQL)',
);

const results = await Promise.all(CHECKS.map(([, cmd, args]) => runHeld(cmd, args)));
let checksFailed = 0;
CHECKS.forEach(([name], i) => {
  const { status, output } = results[i];
  if (output.trim()) process.stdout.write(output.endsWith('\n') ? output : `${output}\n`);
  console.log(`${name}: ${status === 0 ? 'ok' : 'failed'}`);
  if (status !== 0) checksFailed += 1;
});

rmSync('.vitest.json', { force: true });
const vitest =
  spawnSync(bin('vitest'), ['run', '--reporter=default', '--reporter=json', '--outputFile=.vitest.json', ...process.argv.slice(2)], {
    stdio: 'inherit',
    env: process.env,
  }).status ?? 1;

let passed = 0;
let failed = checksFailed;
if (existsSync('.vitest.json')) {
  const r = JSON.parse(readFileSync('.vitest.json', 'utf8'));
  passed = r.numPassedTests;
  failed += r.numFailedTests + (r.numRuntimeErrorTestSuites ?? 0);
} else {
  failed += 1;
}
console.log(`${passed} passed, ${failed} failed`);
process.exitCode = failed === 0 && vitest === 0 ? 0 : 1;
