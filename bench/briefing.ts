/**
 * Briefing benchmark: `steve brief` on the 50,000-client demo must answer in
 * < 300 ms for the whole command and < 50 ms for the briefing query, and grow with the open
 * tasks rather than with history (compare 5,000 and 50,000 clients).
 *
 *   npx tsx bench/briefing.ts            (builds the demos in the temp folder if missing)
 */
import { disabledLanguageModel } from '../src/adapters/disabled-language-model.js';
import { disabledMail } from '../src/adapters/disabled-mail.js';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fixedClock } from '../src/adapters/system-clock.js';
import { openStore, storeTarget } from '../src/db/connect.js';
import { cliActor } from '../src/services/context.js';
import { buildBriefing } from '../src/services/deadlines/build-briefing.js';

const TODAY = '2026-11-27';
const SIZES = (process.env.STEVE_BENCH_SIZES ?? '5000,50000').split(',').map(Number);

function ensureDemo(clients: number): string {
  const dir = join(tmpdir(), `steve-bench-brief-${clients}`);
  if (!existsSync(join(dir, 'steve.sqlite'))) {
    execFileSync('node', ['bin/steve.js', 'demo', '--data', dir, '--clients', String(clients), '--today', TODAY], { stdio: 'inherit' });
  }
  return dir;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const rows: string[] = [];
for (const n of SIZES) {
  const dir = ensureDemo(n);
  const store = await openStore(storeTarget({ dataDir: dir }));
  const ctx = { db: store.db, dialect: store.dialect, clock: fixedClock(TODAY), mail: disabledMail, languageModel: disabledLanguageModel, actor: cliActor };
  const open = await store.db
    .selectFrom('tasks')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('status', '=', 'open')
    .executeTakeFirstOrThrow();
  const all = await store.db
    .selectFrom('tasks')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  await buildBriefing(ctx, {}); // warm
  const times: number[] = [];
  for (let i = 0; i < 15; i++) {
    const t0 = performance.now();
    await buildBriefing(ctx, {});
    times.push(performance.now() - t0);
  }
  await store.close();
  const cmd: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t0 = performance.now();
    const r = spawnSync('node', ['bin/steve.js', 'brief', '--data', dir, '--json', '--date', TODAY], { encoding: 'utf8' });
    cmd.push(performance.now() - t0);
    if (r.status !== 0) throw new Error(r.stderr);
  }
  rows.push(
    `| ${n.toLocaleString('en-GB')} | ${Number(all.n).toLocaleString('en-GB')} | ${Number(open.n).toLocaleString('en-GB')} | ${median(times).toFixed(1)} ms | ${median(cmd).toFixed(0)} ms |`,
  );
}
console.log(`Briefing on SQLite, ${cpus().length} cores, today ${TODAY}\n`);
console.log('| clients | tasks (all) | open tasks | briefing query (median of 15) | `steve brief --json` whole command (median of 5) |');
console.log('|---|---|---|---|---|');
for (const r of rows) console.log(r);
