/**
 * Triage throughput on one core: reads every .eml/.txt of a corpus into memory once, then
 * triages them sequentially for a fixed number of rounds (after a warm-up round) and prints
 * documents per second. Target: at least 200 .eml/.txt documents a second.
 *
 *   npx tsx bench/triage.ts [DIR] [--rounds N]
 */
import { readFileSync, readdirSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { LocalDate } from '../src/domain/calendar/local-date.js';
import { isTriageError, triageDocument } from '../src/triage/triage.js';

const args = process.argv.slice(2);
const roundsAt = args.indexOf('--rounds');
const rounds = roundsAt >= 0 ? Number(args[roundsAt + 1]) : 25;
const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dir = resolve(args.find((a, i) => !a.startsWith('-') && args[i - 1] !== '--rounds') ?? join(repo, '..', 'shared', 'fixtures', 'triage'));
const docs = readdirSync(dir)
  .filter((f) => /\.(eml|txt)$/i.test(f))
  .sort()
  .map((f) => ({ name: f, bytes: readFileSync(join(dir, f)) }));
const today = '2026-11-27' as LocalDate;

async function round(): Promise<number> {
  let errors = 0;
  for (const d of docs) if (isTriageError(await triageDocument(d.name, d.bytes, { today }))) errors++;
  return errors;
}

await round();
const times: number[] = [];
let errors = 0;
const cpu0 = process.cpuUsage();
for (let i = 0; i < rounds; i++) {
  const t0 = performance.now();
  errors += await round();
  times.push(performance.now() - t0);
}
const cpu = process.cpuUsage(cpu0);
const cpuSeconds = (cpu.user + cpu.system) / 1e6;
const total = times.reduce((a, b) => a + b, 0);
const perDoc = times.map((t) => t / docs.length).sort((a, b) => a - b);
// CPU time is what "one core" means on a shared machine: wall time also counts other processes' turns.
const rate = (docs.length * rounds) / cpuSeconds;
const wallRate = (docs.length * rounds) / (total / 1000);
const eml = docs.filter((d) => d.name.endsWith('.eml')).length;
console.log(`Triage benchmark: ${docs.length} documents (${eml} .eml, ${docs.length - eml} .txt) × ${rounds} rounds, one process, sequential`);
console.log(`CPU: ${cpus()[0]?.model ?? 'unknown'}; Node ${process.version}`);
console.log(`  documents per CPU-second  ${rate.toFixed(0)}   (target ≥ 200: ${rate >= 200 ? 'PASS' : 'FAIL'})`);
console.log(
  `  documents per wall second ${wallRate.toFixed(0)}   (load average ${loadavg()
    .map((x) => x.toFixed(1))
    .join(' / ')})`,
);
console.log(`  ms per document        median ${perDoc[Math.floor(perDoc.length / 2)]!.toFixed(2)}, worst round ${perDoc[perDoc.length - 1]!.toFixed(2)}`);
console.log(`  unreadable             ${errors}`);
process.exitCode = rate >= 200 ? 0 : 1;
