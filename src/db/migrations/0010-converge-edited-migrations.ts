/**
 * Frozen. Three migrations were edited after databases had already run them: 0005-money
 * (owed-invoice partial indexes in place of invoices_open_idx), 0006-referrals (referrals.ack_days,
 * the source-tally index in place of referrals_received_idx, a wider tasks_rule_id_idx) and
 * 0009-briefing-index (other columns). A database that ran an earlier text of them is brought to
 * the schema of one created today; one created today already has it all, and nothing changes.
 */
import { PostgresAdapter, sql, type Kysely } from 'kysely';
import { workingCalendar } from '../../domain/calendar/bank-holidays.js';
import type { LocalDate } from '../../domain/calendar/local-date.js';
import { DIVISION_OF } from '../../domain/deadlines/rules.js';
import { workingDaysBetween } from '../../domain/referrals/referrals.js';
import { JURISDICTIONS, type Jurisdiction } from '../../domain/vocabulary.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Db = Kysely<any>;

/** The indexes an earlier text created under a name today's schema no longer has. */
const DROPPED = ['invoices_open_idx', 'referrals_received_idx', 'referrals_source_received_idx'];

/** Indexes whose columns changed in an edit, as today's migrations create them. */
const RESHAPED: { name: string; table: string; columns: string[] }[] = [
  { name: 'referrals_source_tally_idx', table: 'referrals', columns: ['source_id', 'received_on', 'ack_days', 'status'] },
  { name: 'tasks_rule_id_idx', table: 'tasks', columns: ['rule_id', 'trigger_ref', 'status', 'due_on', 'completed_on', 'trigger_on'] },
  { name: 'tasks_briefing_idx', table: 'tasks', columns: ['status', 'due_on', 'snoozed_until', 'assignee_id', 'client_id'] },
];

export async function up(db: Db): Promise<void> {
  const referrals = (await db.introspection.getTables()).find((t) => t.name === 'referrals');
  if (referrals && !referrals.columns.some((c) => c.name === 'ack_days')) {
    await db.schema.alterTable('referrals').addColumn('ack_days', 'integer').execute();
  }
  await fillAckDays(db);

  for (const name of DROPPED) await db.schema.dropIndex(name).ifExists().execute();
  for (const index of RESHAPED) {
    const now = await indexColumns(db, index.name);
    if (now.join() === index.columns.join()) continue;
    if (now.length > 0) await db.schema.dropIndex(index.name).execute();
    await db.schema.createIndex(index.name).on(index.table).columns(index.columns).execute();
  }
  // The same definitions as 0005-money's, so both paths leave identical indexes.
  await sql`create index if not exists invoices_owed_idx on invoices (deferred, payer_org_id, due_on, outstanding_pence, client_id) where status = 'issued' and kind = 'invoice' and outstanding_pence > 0`.execute(
    db,
  );
  await sql`create index if not exists invoices_owed_client_idx on invoices (deferred, client_id, outstanding_pence, due_on) where status = 'issued' and kind = 'invoice' and outstanding_pence > 0`.execute(
    db,
  );
  await sql`create index if not exists invoices_issued_idx on invoices (issued_on, total_pence) where status = 'issued' and kind = 'invoice'`.execute(db);
}

/**
 * Referrals acknowledged before the column existed would count as never acknowledged in source
 * health; their working days are counted as acknowledging one counts them today.
 */
async function fillAckDays(db: Db): Promise<void> {
  const rows: { id: string; received_on: string; acknowledged_on: string }[] = await db
    .selectFrom('referrals')
    .select(['id', 'received_on', 'acknowledged_on'])
    .where('ack_days', 'is', null)
    .where('acknowledged_on', 'is not', null)
    .execute();
  if (rows.length === 0) return;
  const practice: { default_jurisdiction: string } | undefined = await db.selectFrom('practice').select('default_jurisdiction').executeTakeFirst();
  const jurisdiction = JURISDICTIONS.find((j): j is Jurisdiction => j === practice?.default_jurisdiction) ?? 'england';
  const calendar = workingCalendar(DIVISION_OF[jurisdiction]);
  for (const r of rows) {
    const days = workingDaysBetween(r.received_on as LocalDate, r.acknowledged_on as LocalDate, calendar);
    await db.updateTable('referrals').set({ ack_days: days }).where('id', '=', r.id).execute();
  }
}

/** An index's columns in order, or none when there is no such index in this schema. */
async function indexColumns(db: Db, name: string): Promise<string[]> {
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    const r = await sql<{ column: string }>`
      select a.attname as column
      from pg_index i
      join pg_class c on c.oid = i.indexrelid
      join pg_namespace n on n.oid = c.relnamespace and n.nspname = current_schema()
      cross join lateral unnest(i.indkey) with ordinality as k(attnum, position)
      join pg_attribute a on a.attrelid = i.indrelid and a.attnum = k.attnum
      where c.relname = ${name}
      order by k.position`.execute(db);
    return r.rows.map((row) => row.column);
  }
  const r = await sql<{ name: string }>`select name from pragma_index_info(${name}) order by seqno`.execute(db);
  return r.rows.map((row) => row.name);
}
