/**
 * Benchmark of the aged-debt report (target: < 200 ms on the 50 000-client demo), on SQLite.
 * Builds the 50 000-client demo through the real CLI, then adds a year of invoicing to it
 * (the demo generator has no invoices yet): three invoices per client, to insurers,
 * solicitors, local authorities or the client, a quarter still owing, spread over every
 * bucket, a few held until settlement. Times `agedDebt` (median of 7 after one warm-up).
 * Run: npx tsx bench/money.ts   (prints a Markdown section for bench/RESULTS.md)
 */
import { disabledLanguageModel } from '../src/adapters/disabled-language-model.js';
import { disabledMail } from '../src/adapters/disabled-mail.js';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fixedClock } from '../src/adapters/system-clock.js';
import { openStore } from '../src/db/connect.js';
import { addDays, type LocalDate } from '../src/domain/calendar/local-date.js';
import { agedDebt } from '../src/services/billing/aged-debt.js';
import { cliActor, type ServiceContext } from '../src/services/context.js';

const root = resolve(import.meta.dirname, '..');
const TODAY = '2026-11-27' as LocalDate;
const CLIENTS = Number(process.env.BENCH_MONEY_CLIENTS ?? 50_000);
const dir = mkdtempSync(join(tmpdir(), 'steve-bench-money-'));

try {
  const t0 = performance.now();
  const r = spawnSync(join(root, 'bin', 'steve.js'), ['demo', '--data', dir, '--today', TODAY, '--clients', String(CLIENTS), '--json'], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
    env: { ...process.env, STEVE_DATABASE_URL: '' },
  });
  if (r.status !== 0) throw new Error(`steve demo failed: ${r.stderr}`);
  console.error(`demo built in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

  const store = await openStore({ kind: 'sqlite', file: join(dir, 'steve.sqlite') });
  const ctx: ServiceContext = {
    db: store.db,
    dialect: store.dialect,
    clock: fixedClock(TODAY),
    mail: disabledMail,
    languageModel: disabledLanguageModel,
    actor: cliActor,
  };
  const clients = await store.db.selectFrom('clients').select(['id', 'name']).orderBy('id').execute();
  const orgs = await store.db
    .selectFrom('organisations')
    .select(['id', 'name', 'kind'])
    .where('kind', 'in', ['insurer', 'solicitor', 'local_authority'])
    .orderBy('id')
    .execute();
  const payerKind: Record<string, string> = { insurer: 'insurer', solicitor: 'solicitor', local_authority: 'local_authority' };
  // A fixed linear congruential sequence, so every run invoices the same way.
  let seed = 12345;
  const rnd = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const rows = [];
  let n = 0;
  for (const c of clients) {
    for (let k = 0; k < 3; k++) {
      const issued = addDays(TODAY, -Math.floor(rnd() * 365));
      const org = rnd() < 0.6 ? orgs[Math.floor(rnd() * orgs.length)]! : null;
      const total = 6_000 + Math.floor(rnd() * 40) * 500;
      const owing = rnd() < 0.25;
      const deferred = org?.kind === 'solicitor' && rnd() < 0.3 ? 1 : 0;
      n++;
      rows.push({
        id: `bench-inv-${String(n).padStart(7, '0')}`,
        number: `B-${String(n).padStart(7, '0')}`,
        kind: 'invoice',
        credits_invoice_id: null,
        client_id: c.id,
        case_id: null,
        authorisation_id: null,
        payer_kind: org ? payerKind[org.kind]! : 'self_pay',
        payer_org_id: org?.id ?? null,
        payer_name: org?.name ?? c.name,
        issued_on: issued,
        due_on: deferred ? null : addDays(issued, org ? 30 : 14),
        status: 'issued',
        deferred,
        total_pence: total,
        paid_pence: owing ? 0 : total,
        credited_pence: 0,
        written_off_pence: 0,
        outstanding_pence: owing ? total : 0,
        membership_number: '',
        authorisation_code: '',
        client_dob: null,
        treatment_from: null,
        treatment_to: null,
        override_reason: null,
        notes: '',
        voided_on: null,
        void_reason: null,
        created_by: null,
        created_at: `${issued}T12:00:00.000Z`,
      });
    }
  }
  for (let i = 0; i < rows.length; i += 1000)
    await store.db
      .insertInto('invoices')
      .values(rows.slice(i, i + 1000))
      .execute();
  console.error(`added ${rows.length} invoices (${rows.filter((x) => x.outstanding_pence > 0).length} owing)`);

  await agedDebt(ctx);
  const times: number[] = [];
  let last: Awaited<ReturnType<typeof agedDebt>> | null = null;
  for (let i = 0; i < 7; i++) {
    const s = performance.now();
    last = await agedDebt(ctx);
    times.push(performance.now() - s);
  }
  await store.close();
  const median = [...times].sort((a, b) => a - b)[3]!;
  console.log(`## money

Aged-debt report (\`agedDebt\`, the service behind \`steve debt\` and \`GET /api/debt\`) on the ${CLIENTS.toLocaleString('en-GB')}-client demo on SQLite,
with ${rows.length.toLocaleString('en-GB')} invoices added over the year before ${TODAY} (a quarter owing, ${last!.payers.length} payers). ${cpus().length} cores; run \`npx tsx bench/money.ts\`.

| measure | result | target |
|---|---|---|
| aged debt, median of 7 (after one warm-up) | ${median.toFixed(1)} ms | < 200 ms |
| slowest of 7 | ${Math.max(...times).toFixed(1)} ms | |
| total owed / debtor days | £${(last!.total / 100).toLocaleString('en-GB')} / ${last!.debtor_days} | |
`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
