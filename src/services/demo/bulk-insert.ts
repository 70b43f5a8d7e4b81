/** Writing the demo's many generated rows a full statement at a time. */
import type { Database } from '../../db/schema.js';
import type { Db } from '../context.js';

/**
 * SQLite refuses statements with more than 32 766 bound values (PostgreSQL 65 535); staying
 * well under both keeps one code path. Rows per statement = this / columns.
 */
const VALUES_PER_STATEMENT = 4_000;

/** Every row must name the same columns, so no statement needs DEFAULT (SQLite has none in VALUES). */
export async function bulkInsert(trx: Db, table: keyof Database, rows: readonly object[]): Promise<void> {
  if (rows.length === 0) return;
  const perStatement = Math.max(1, Math.floor(VALUES_PER_STATEMENT / Object.keys(rows[0]!).length));
  for (let i = 0; i < rows.length; i += perStatement) {
    await trx
      .insertInto(table)
      .values(rows.slice(i, i + perStatement) as never)
      .execute();
  }
}
