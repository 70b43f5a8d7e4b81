/**
 * `steve demo` and the first run of `steve start`: fills an empty database with a
 * realistic, entirely fictional practice so every screen has something to show.
 * Deterministic for a seed and a day (ids included); written in one transaction.
 */
import { sql } from 'kysely';
import { parseInput } from '../../contract/common.js';
import { password as passwordSchema } from '../../contract/practice.js';
import { parseLocalDate, type LocalDate } from '../../domain/calendar/local-date.js';
import { AppError, invalid } from '../../domain/errors.js';
import { appendAudit } from '../audit/append-audit.js';
import { syncCaseDeadlines, syncPracticeDeadlines } from '../deadlines/sync-deadlines.js';
import type { Db, ServiceContext } from '../context.js';
import { hashNewPassword } from '../users/password.js';
import { bulkInsert } from './bulk-insert.js';
import { addDemoReferrals } from './demo-referrals.js';
import { addDemoMoney } from './demo-money.js';
import { addDemoInbox } from './demo-inbox.js';
import { addDemoFindings } from './demo-findings.js';
import { DEMO_TABLES, type DemoData, type DemoTable } from './demo-data.js';
import { DemoGenerator } from './generate-demo-data.js';

export const DEMO_DEFAULTS = { seed: 1, clients: 60, password: 'demo-password' } as const;
export const DEMO_MAX_CLIENTS = 200_000;

export interface BuildDemoOptions {
  seed?: number;
  clients?: number;
  password?: string;
  today?: string;
  onProgress?: (done: number, total: number) => void;
}

export interface DemoSummary {
  practice: { id: string; name: string };
  seed: number;
  today: string;
  clients: number;
  counts: Record<DemoTable | 'audit_events', number>;
  users: { name: string; email: string; role: string; hcpc_number: string | null }[];
  password: string;
}

export async function assertEmptyDatabase(db: Db): Promise<void> {
  const practice = await db.selectFrom('practice').select('name').limit(1).executeTakeFirst();
  if (practice) {
    throw new AppError(
      'NOT_EMPTY',
      `This database already holds the practice "${practice.name}"; the demo is only built into an empty database, so nothing was written.`,
    );
  }
  const anyUser = await db.selectFrom('users').select('id').limit(1).executeTakeFirst();
  const anyClient = await db.selectFrom('clients').select('id').limit(1).executeTakeFirst();
  if (anyUser || anyClient) {
    throw new AppError('NOT_EMPTY', 'This database already holds users or clients; the demo is only built into an empty database, so nothing was written.');
  }
}

function checkOptions(opts: BuildDemoOptions, ctx: ServiceContext) {
  const seed = opts.seed ?? DEMO_DEFAULTS.seed;
  if (!Number.isInteger(seed) || seed < 0 || seed > 0xffff_ffff) throw invalid(`The seed must be a whole number from 0 to 4294967295, not ${seed}.`, 'seed');
  const clients = opts.clients ?? DEMO_DEFAULTS.clients;
  if (!Number.isInteger(clients) || clients < 1 || clients > DEMO_MAX_CLIENTS) {
    throw invalid(`The number of clients must be a whole number from 1 to ${DEMO_MAX_CLIENTS}, not ${clients}.`, 'clients');
  }
  const password = parseInput(passwordSchema, opts.password ?? DEMO_DEFAULTS.password);
  const today: LocalDate = opts.today === undefined ? ctx.clock.today() : parseLocalDate(opts.today, 'today');
  return { seed, clients, password, today };
}

/** Clients generated and written per step: small enough to keep memory flat, large enough for full statements. */
const CLIENTS_PER_BATCH = 1_000;

async function insertRows(trx: Db, data: DemoData, counts: Record<string, number>): Promise<void> {
  for (const table of DEMO_TABLES) {
    const rows = data[table];
    await bulkInsert(trx, table, rows);
    counts[table] = (counts[table] ?? 0) + rows.length;
  }
}

export async function buildDemoPractice(ctx: ServiceContext, opts: BuildDemoOptions = {}): Promise<DemoSummary> {
  const { seed, clients, password, today } = checkOptions(opts, ctx);
  // Refuse before the slow work; checked again inside the transaction, which is what counts.
  await assertEmptyDatabase(ctx.db);
  // One argon2 hash shared by the five demo users: hashing is deliberately slow.
  const passwordHash = await hashNewPassword(password);
  const gen = new DemoGenerator({ seed, clients, today, passwordHash });
  const counts = Object.fromEntries([...DEMO_TABLES, 'audit_events'].map((t) => [t, 0])) as DemoSummary['counts'];
  // Progress counts clients written, plus one step for the practice itself and one for the audit event.
  const total = clients + 2;
  opts.onProgress?.(0, total);

  const header = gen.header();
  await ctx.db.transaction().execute(async (trx) => {
    await assertEmptyDatabase(trx);
    if (ctx.dialect === 'sqlite') {
      // SQLite's default 2 MB page cache makes a big build thrash between the tables' indexes;
      // 256 MB for this connection (which a CLI run closes straight after) more than halves the time.
      await sql`pragma cache_size = -262144`.execute(trx);
    }
    await insertRows(trx, header, counts);
    opts.onProgress?.(1, total);
    for (let from = 0; from < clients; from += CLIENTS_PER_BATCH) {
      const to = Math.min(clients, from + CLIENTS_PER_BATCH);
      await insertRows(trx, gen.clientBatch(from, to), counts);
      opts.onProgress?.(1 + to, total);
    }
    // The statutory and contractual deadlines come from the engine, exactly as for a real practice.
    const engine = { clock: { now: () => new Date(`${today}T08:00:00.000Z`), today: () => today } };
    const made = await syncCaseDeadlines(trx, engine, undefined, { newId: () => gen.nextId() });
    const practiceMade = await syncPracticeDeadlines(trx, engine, 'england', { newId: () => gen.nextId() });
    counts.tasks += made.created + practiceMade.created;
    counts.tasks += (await addDemoReferrals(trx, { seed, today, newId: () => gen.nextId() })).tasks;
    await addDemoMoney(trx, { seed, today, newId: () => gen.nextId() });
    counts.correspondence += (await addDemoInbox(trx, ctx, { seed, today, newId: () => gen.nextId() })).correspondence;
    await addDemoFindings(trx, { seed, today, newId: () => gen.nextId() });
    await appendAudit(trx, ctx, { action: 'create', entity: 'practice', entity_id: header.practice[0]!.id, detail: `demo seed=${seed} clients=${clients}` });
    counts.audit_events = 1;
    opts.onProgress?.(total, total);
  });

  return {
    practice: { id: header.practice[0]!.id!, name: header.practice[0]!.name },
    seed,
    today,
    clients,
    counts,
    users: header.users.map((u) => ({ name: u.name, email: u.email, role: u.role, hcpc_number: u.hcpc_number ?? null })),
    password,
  };
}
