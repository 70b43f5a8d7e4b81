/**
 * The columns of a table as the open database has them, in declaration order. Read from the
 * database rather than listed here, so a later migration's columns travel in exports without
 * this module changing. PostgreSQL is asked about the current schema only: test stores and
 * shared servers may hold other schemas with the same table names.
 */
import { sql } from 'kysely';
import type { Db } from '../context.js';
import type { Dialect } from '../../db/connect.js';

export interface ColumnInfo {
  name: string;
  kind: 'text' | 'integer';
  nullable: boolean;
}

export async function tableColumns(db: Db, dialect: Dialect, table: string): Promise<ColumnInfo[]> {
  if (dialect === 'postgres') {
    const r = await sql<{ column_name: string; data_type: string; is_nullable: string }>`
      select column_name, data_type, is_nullable from information_schema.columns
      where table_schema = current_schema() and table_name = ${table}
      order by ordinal_position`.execute(db);
    return r.rows.map((c) => ({ name: c.column_name, kind: kindOf(c.data_type), nullable: c.is_nullable === 'YES' }));
  }
  const r = await sql<{ name: string; type: string; notnull: number; pk: number }>`
    select name, type, "notnull", pk from pragma_table_info(${table}) order by cid`.execute(db);
  // SQLite lets a lone text primary key hold NULL unless declared NOT NULL; Steve never stores one.
  return r.rows.map((c) => ({ name: c.name, kind: kindOf(c.type), nullable: c.notnull === 0 && c.pk === 0 }));
}

function kindOf(type: string): 'text' | 'integer' {
  return /int/i.test(type) ? 'integer' : 'text';
}

/** How rows are ordered in an export: by primary key, except the audit trail which follows its chain. */
export const ORDER_KEYS: Record<string, readonly string[]> = {
  case_shares: ['case_id', 'user_id'],
  audit_events: ['seq'],
};

export function orderKeyOf(table: string): readonly string[] {
  return ORDER_KEYS[table] ?? ['id'];
}
