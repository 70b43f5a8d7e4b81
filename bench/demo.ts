/**
 * Benchmark of `steve demo` on SQLite, end to end through the real CLI (process start-up included):
 *   - the default demo (60 clients), median of 3 runs, target < 5 s;
 *   - a 50 000-client demo, one run, target < 60 s;
 *   - `steve clients list --json` on the 50 000-client database, median of 3 runs, target < 1 s.
 * Each build goes into a fresh temporary data folder, removed afterwards.
 * Run: npx tsx bench/demo.ts   (prints a Markdown section for bench/RESULTS.md)
 */
import { disabledLanguageModel } from '../src/adapters/disabled-language-model.js';
import { disabledMail } from '../src/adapters/disabled-mail.js';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { systemClock } from '../src/adapters/system-clock.js';
import { openStore } from '../src/db/connect.js';
import { listClients } from '../src/services/clients/list-clients.js';
import { cliActor } from '../src/services/context.js';

const root = resolve(import.meta.dirname, '..');
const steve = join(root, 'bin', 'steve.js');
const TODAY = '2026-11-27';
const BIG = Number(process.env.BENCH_DEMO_CLIENTS ?? 50_000);

// CPU seconds (user + system) of the child, via GNU time: unlike wall time, they hardly move when other work shares the cores.
const TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : null;

function run(args: string[]): { seconds: number; cpu: number; stdout: string } {
  const t0 = performance.now();
  const [cmd, argv] = TIME ? [TIME, ['-f', 'CPU %U %S', steve, ...args]] : [steve, args];
  const r = spawnSync(cmd, argv, { cwd: root, encoding: 'utf8', maxBuffer: 512 * 1024 * 1024, env: { ...process.env, STEVE_DATABASE_URL: '' } });
  const seconds = (performance.now() - t0) / 1000;
  if (r.status !== 0) throw new Error(`steve ${args.join(' ')} failed (${r.status}): ${r.stderr}`);
  const m = /CPU ([\d.]+) ([\d.]+)\s*$/.exec(r.stderr);
  const cpu = m ? Number(m[1]) + Number(m[2]) : Number.NaN;
  return { seconds, cpu, stdout: r.stdout };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const fmt = (s: number) => s.toFixed(2);
const dirs: string[] = [];
const fresh = () => {
  const d = mkdtempSync(join(tmpdir(), 'steve-bench-demo-'));
  dirs.push(d);
  return d;
};

try {
  const small: number[] = [];
  const smallCpu: number[] = [];
  for (let i = 0; i < 3; i++) {
    const r = run(['demo', '--data', fresh(), '--today', TODAY, '--json']);
    small.push(r.seconds);
    smallCpu.push(r.cpu);
    if (i === 0) console.error(`default demo: ${JSON.stringify(JSON.parse(r.stdout).counts)}`);
  }
  console.error(`default demo runs: ${small.map(fmt).join(', ')} s`);

  const bigDir = fresh();
  const big = run(['demo', '--data', bigDir, '--today', TODAY, '--clients', String(BIG), '--json']);
  const bigCounts = JSON.parse(big.stdout).counts as Record<string, number>;
  const rows = Object.values(bigCounts).reduce((a, b) => a + b, 0);
  const size = statSync(join(bigDir, 'steve.sqlite')).size;
  console.error(`${BIG}-client demo: ${fmt(big.seconds)} s (CPU ${fmt(big.cpu)} s), ${rows} rows, ${(size / 1e6).toFixed(0)} MB`);

  const list: number[] = [];
  const listCpu: number[] = [];
  let listed = 0;
  for (let i = 0; i < 3; i++) {
    const r = run(['clients', 'list', '--json', '--data', bigDir]);
    list.push(r.seconds);
    listCpu.push(r.cpu);
    listed = (JSON.parse(r.stdout) as unknown[]).length;
  }
  console.error(`clients list runs: ${list.map(fmt).join(', ')} s (${listed} clients)`);

  // Where the CLI's time goes: process start-up (tsx compiling and loading every command) against the listing itself.
  const startup: number[] = [];
  const startupCpu: number[] = [];
  for (let i = 0; i < 3; i++) {
    const r = run(['--help']);
    startup.push(r.seconds);
    startupCpu.push(r.cpu);
  }
  const store = await openStore({ kind: 'sqlite', file: join(bigDir, 'steve.sqlite') });
  const inProcess: number[] = [];
  try {
    const ctx = { db: store.db, dialect: store.dialect, clock: systemClock, mail: disabledMail, languageModel: disabledLanguageModel, actor: cliActor };
    for (let i = 0; i < 3; i++) {
      const t0 = performance.now();
      JSON.stringify(await listClients(ctx, {}), null, 2);
      inProcess.push((performance.now() - t0) / 1000);
    }
  } finally {
    await store.close();
  }
  console.error(`start-up (--help): ${startup.map(fmt).join(', ')} s; listClients + JSON in process: ${inProcess.map(fmt).join(', ')} s`);

  const ok = (v: number, target: number) => (v < target ? 'yes' : '**no**');
  const cpu = cpus();
  console.log(
    [
      '## Demo practice',
      '',
      `Command: \`npx tsx bench/demo.ts\` — the real CLI (\`./bin/steve.js\`, tsx start-up included) on SQLite, each build into a fresh temp folder, \`--today ${TODAY}\`, seed 1.`,
      `Machine: ${cpu.length} × ${cpu[0]?.model.trim() ?? 'unknown CPU'}, Node ${process.version}. Run ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC; ` +
        `load average at the end ${loadavg()
          .map((l) => l.toFixed(1))
          .join(' / ')} (other work shared the 2 cores, so wall times are pessimistic).`,
      '',
      '| what | wall-clock runs (s) | wall figure (s) | CPU user+sys (s) | target | met (wall) |',
      '|---|---|---:|---:|---|---|',
      `| \`steve demo\` (60 clients) | ${small.map(fmt).join(', ')} | median ${fmt(median(small))} | median ${fmt(median(smallCpu))} | < 5 s | ${ok(median(small), 5)} |`,
      `| \`steve demo --clients ${BIG}\` (${rows.toLocaleString('en-GB')} rows, ${(size / 1e6).toFixed(0)} MB) | ${fmt(big.seconds)} | ${fmt(big.seconds)} | ${fmt(big.cpu)} | < 60 s | ${ok(big.seconds, 60)} |`,
      `| \`steve clients list --json\` on it (${listed.toLocaleString('en-GB')} clients) | ${list.map(fmt).join(', ')} | median ${fmt(median(list))} | median ${fmt(median(listCpu))} | < 1 s | ${ok(median(list), 1)} |`,
      `| of which CLI start-up alone (\`steve --help\`) | ${startup.map(fmt).join(', ')} | median ${fmt(median(startup))} | median ${fmt(median(startupCpu))} | – | – |`,
      `| of which \`listClients\` + JSON, in process | ${inProcess.map(fmt).join(', ')} | median ${fmt(median(inProcess))} | – | – | – |`,
      '',
      `Rows in the ${BIG}-client demo: ${Object.entries(bigCounts)
        .map(([t, n]) => `${t} ${n.toLocaleString('en-GB')}`)
        .join(', ')}.`,
    ].join('\n'),
  );
} finally {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
}
