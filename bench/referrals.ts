/**
 * Referral analytics benchmark: source health for every referrer on the
 * 50,000-client demo (two years of referrals) must take < 200 ms; the briefing's dormant
 * list is timed too, since it runs every morning.
 *
 *   npx tsx bench/referrals.ts        (builds the demo in the temp folder if missing)
 */
import { disabledLanguageModel } from '../src/adapters/disabled-language-model.js';
import { disabledMail } from '../src/adapters/disabled-mail.js';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fixedClock } from '../src/adapters/system-clock.js';
import { openStore, storeTarget } from '../src/db/connect.js';
import { cliActor } from '../src/services/context.js';
import { listDormantSources, referrerAnalytics } from '../src/services/referrals/referrer-analytics.js';

const TODAY = '2026-11-27';
const CLIENTS = Number(process.env.STEVE_BENCH_CLIENTS ?? 50_000);
const dir = process.env.STEVE_BENCH_DATA ?? join(tmpdir(), `steve-bench-referrals-${CLIENTS}`);
if (!existsSync(join(dir, 'steve.sqlite'))) {
  const t0 = performance.now();
  execFileSync('node', ['bin/steve.js', 'demo', '--data', dir, '--clients', String(CLIENTS), '--today', TODAY], { stdio: 'inherit' });
  console.log(`demo built in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const store = await openStore(storeTarget({ dataDir: dir }));
const ctx = { db: store.db, dialect: store.dialect, clock: fixedClock(TODAY), mail: disabledMail, languageModel: disabledLanguageModel, actor: cliActor };
const count = async (t: 'referrals' | 'referral_sources' | 'tasks') =>
  Number(
    (
      await store.db
        .selectFrom(t)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
const [referrals, sources, tasks] = [await count('referrals'), await count('referral_sources'), await count('tasks')];

/** Median wall and CPU milliseconds: on a shared box the CPU figure is the steadier one. */
async function time(fn: () => Promise<unknown>, runs = 15): Promise<{ wall: number; cpu: number }> {
  await fn(); // warm
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    await fn();
    wall.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
  }
  return { wall: median(wall), cpu: median(cpu) };
}
const analytics = await time(() => referrerAnalytics(ctx, { date: TODAY }));
const dormant = await time(() => listDormantSources(ctx, { date: TODAY }));
const a = await referrerAnalytics(ctx, { date: TODAY });
await store.close();

console.log(
  `Referral analytics on SQLite, ${cpus().length} cores, today ${TODAY}: ${CLIENTS.toLocaleString('en-GB')} clients, ${referrals.toLocaleString('en-GB')} referrals from ${sources} sources, ${tasks.toLocaleString('en-GB')} tasks\n`,
);
console.log('| what | wall, median of 15 | CPU, median of 15 | target | met |');
console.log('|---|---|---|---|---|');
console.log(
  `| referrer analytics (every source: quarters, conversion, revenue, ack time, report-backs, dormancy) | ${analytics.wall.toFixed(1)} ms | ${analytics.cpu.toFixed(1)} ms | < 200 ms | ${analytics.wall < 200 ? 'yes' : '**no**'} |`,
);
console.log(`| dormant sources (briefing companion) | ${dormant.wall.toFixed(1)} ms | ${dormant.cpu.toFixed(1)} ms | — | — |`);
console.log(
  `\nLoad average at the end: ${loadavg()
    .map((x) => x.toFixed(2))
    .join(', ')}`,
);
console.log(
  `\nDormant: ${a.referrers
    .filter((r) => r.dormant)
    .map((r) => r.name)
    .join('; ')}`,
);
