/**
 * Export the whole practice as one JSON document (document.ts), written out table by table
 * in pages so a 50,000-client practice never sits in memory as one string.
 *
 * Password hashes travel (users can sign in after a move); sign-in sessions and login
 * attempts do not (they are not practice data). Every value is written exactly as stored,
 * so an import followed by a re-export gives the same tables.
 */
import { sql, type Kysely, type RawBuilder } from 'kysely';
import { KNOWN_MIGRATIONS } from '../../db/connect.js';
import { EXPORT_TABLES } from '../../db/schema.js';
import { requirePermission } from '../access.js';
import { appendAudit } from '../audit/append-audit.js';
import { nowIso, type Db, type ServiceContext } from '../context.js';
import { orderKeyOf, tableColumns, type ColumnInfo } from './columns.js';
import { EXPORT_FORMAT, EXPORT_VERSION, type Row } from './document.js';

/** Receives the document as complete lines (without the final newline); may be async for backpressure. */
export type ExportSink = (lines: string) => void | Promise<void>;

export interface ExportSummary {
  exported_at: string;
  tables: Record<string, number>;
}

const PAGE = 1000;

export async function exportPractice(ctx: ServiceContext, sink: ExportSink, opts: { pageSize?: number } = {}): Promise<ExportSummary> {
  requirePermission(ctx.actor, 'practice.export');
  const pageSize = opts.pageSize ?? PAGE;
  const exported_at = nowIso(ctx);
  // Recorded (and committed) before any data leaves, so even an export that fails half-way is on record.
  await ctx.db.transaction().execute((trx) => appendAudit(trx, ctx, { action: 'export', entity: 'practice', detail: `tables=${EXPORT_TABLES.length}` }));

  const counts: Record<string, number> = {};
  // One snapshot for the whole file, so rows written late agree with rows written early.
  await ctx.db
    .transaction()
    .setIsolationLevel('repeatable read')
    .execute(async (trx) => {
      const header = { format: EXPORT_FORMAT, version: EXPORT_VERSION, migrations: KNOWN_MIGRATIONS, exported_at };
      await sink(`${JSON.stringify(header).slice(0, -1)},"tables":{`);
      for (let t = 0; t < EXPORT_TABLES.length; t++) {
        const table = EXPORT_TABLES[t]!;
        const columns = await tableColumns(trx, ctx.dialect, table);
        await sink(`${JSON.stringify(table)}:[`);
        let pending: string | null = null;
        let n = 0;
        for await (const page of pages(trx, ctx.dialect, table, columns, pageSize)) {
          const lines: string[] = [];
          if (pending !== null) lines.push(`${pending},`);
          for (let i = 0; i < page.length - 1; i++) lines.push(`${rowJson(page[i]!, columns)},`);
          pending = rowJson(page[page.length - 1]!, columns);
          n += page.length;
          if (lines.length > 0) await sink(lines.join('\n'));
        }
        if (pending !== null) await sink(pending);
        await sink(t < EXPORT_TABLES.length - 1 ? '],' : ']');
        counts[table] = n;
      }
      await sink('}}');
    });
  return { exported_at, tables: counts };
}

/** Keys in column order, so both dialects write byte-identical rows. */
function rowJson(row: Row, columns: ColumnInfo[]): string {
  const o: Row = {};
  for (const c of columns) o[c.name] = row[c.name] ?? null;
  return JSON.stringify(o);
}

/**
 * Keyset pages in primary-key order. Text keys compare bytewise on PostgreSQL too
 * (collate "C"), matching SQLite, so both dialects write rows in the same order.
 */
async function* pages(db: Db, dialect: ServiceContext['dialect'], table: string, columns: ColumnInfo[], pageSize: number): AsyncGenerator<Row[]> {
  const anyDb = db as unknown as Kysely<Record<string, Row>>;
  const keys = orderKeyOf(table, columns);
  const kindOf = new Map(columns.map((c) => [c.name, c.kind]));
  const keyExpr = (k: string): RawBuilder<unknown> =>
    dialect === 'postgres' && kindOf.get(k) === 'text' ? sql`${sql.ref(k)} collate "C"` : sql`${sql.ref(k)}`;
  let after: Row | null = null;
  for (;;) {
    let q = anyDb.selectFrom(table).select(columns.map((c) => c.name));
    if (after) {
      const last: Row = after;
      // (k1, k2, …) > (v1, v2, …), spelt out because SQLite and PostgreSQL collate row values differently.
      q = q.where(({ or, and }) =>
        or(keys.map((k, i) => and([...keys.slice(0, i).map((p) => sql<boolean>`${keyExpr(p)} = ${last[p]}`), sql<boolean>`${keyExpr(k)} > ${last[k]}`]))),
      );
    }
    for (const k of keys) q = q.orderBy(keyExpr(k));
    const rows = (await q.limit(pageSize).execute()) as Row[];
    if (rows.length === 0) return;
    yield rows;
    if (rows.length < pageSize) return;
    after = rows[rows.length - 1]!;
  }
}
