/**
 * Import a whole-practice export into an empty database: all of it in one transaction,
 * or nothing. The audit chain arrives verbatim (its hashes still verify), and one 'import'
 * event is appended after it, chained onto the last imported hash.
 */
import type { Kysely } from 'kysely';
import { EXPORT_TABLES } from '../../db/schema.js';
import { AppError } from '../../domain/errors.js';
import { requirePermission } from '../access.js';
import { appendAudit } from '../audit/append-audit.js';
import { verifyAuditChain, type ChainReport } from '../audit/verify-audit-chain.js';
import type { Db, ServiceContext } from '../context.js';
import { tableColumns } from './columns.js';
import { checkEnvelope, checkRows, rowSchema, type Row } from './document.js';

/** SQLite allows at most 32,766 bound parameters in one statement (PostgreSQL 65,535). */
const MAX_PARAMS = 32_766;
const MAX_ROWS_PER_INSERT = 1_000;

export interface ImportSummary {
  practice: string | null;
  exported_at: string;
  tables: Record<string, number>;
  audit_chain: ChainReport;
}

export async function importPractice(ctx: ServiceContext, doc: unknown): Promise<ImportSummary> {
  requirePermission(ctx.actor, 'practice.import');
  await assertEmpty(ctx.db);
  const envelope = checkEnvelope(doc);

  // Validate every row before writing any, against the columns this database actually has.
  const plan: { table: (typeof EXPORT_TABLES)[number]; columns: string[]; rows: Row[] }[] = [];
  for (const table of EXPORT_TABLES) {
    const columns = await tableColumns(ctx.db, ctx.dialect, table);
    const rows = checkRows(table, envelope.tables[table]!, rowSchema(columns));
    plan.push({ table, columns: columns.map((c) => c.name), rows });
  }
  const practiceRows = plan[0]!.rows;
  if (practiceRows.length > 1) throw new AppError('VALIDATION', `This export holds ${practiceRows.length} practices; a database holds one.`);

  return ctx.db.transaction().execute(async (trx) => {
    // Checked again inside the transaction: another import may have landed since.
    await assertEmpty(trx);
    const anyTrx = trx as unknown as Kysely<Record<string, Row>>;
    const tables: Record<string, number> = {};
    let total = 0;
    for (const { table, columns, rows } of plan) {
      const perInsert = Math.max(1, Math.min(MAX_ROWS_PER_INSERT, Math.floor(MAX_PARAMS / columns.length)));
      for (let i = 0; i < rows.length; i += perInsert) {
        try {
          await anyTrx
            .insertInto(table)
            .values(rows.slice(i, i + perInsert))
            .execute();
        } catch (e) {
          // A broken reference or a duplicate id: the file does not hang together (hand-edited, or truncated).
          throw new AppError('VALIDATION', `Table ${table} could not be imported (${e instanceof Error ? e.message : String(e)}); nothing was imported.`, {
            cause: e,
          });
        }
      }
      tables[table] = rows.length;
      total += rows.length;
    }
    const practice = practiceRows[0] ?? null;
    await appendAudit(trx, ctx, {
      action: 'import',
      entity: 'practice',
      entity_id: practice ? String(practice.id) : null,
      detail: `rows=${total};exported_at=${envelope.exported_at}`,
    });
    return {
      practice: practice ? String(practice.name) : null,
      exported_at: envelope.exported_at,
      tables,
      audit_chain: await verifyAuditChain(trx, ctx.auditSeal ? { key: ctx.auditSeal.key() } : undefined),
    };
  });
}

/** An import never merges: any practice data already here (even a lone client) is refused. */
async function assertEmpty(db: Db): Promise<void> {
  const anyDb = db as unknown as Kysely<Record<string, Row>>;
  const holding: string[] = [];
  for (const table of EXPORT_TABLES) {
    const row = await anyDb.selectFrom(table).selectAll().limit(1).executeTakeFirst();
    if (row) holding.push(table);
  }
  if (holding.length === 0) return;
  const practice = await db.selectFrom('practice').select('name').executeTakeFirst();
  const what = practice ? `the practice "${practice.name}"` : `data (${holding.join(', ')})`;
  throw new AppError(
    'NOT_EMPTY',
    `Import needs an empty database, but this one already holds ${what}. Nothing was imported; choose a new --data folder or an empty PostgreSQL database.`,
  );
}
