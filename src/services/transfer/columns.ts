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
  kind: 'text' | 'integer' | 'real';
  nullable: boolean;
  /** Position in the primary key, from 1; 0 when not part of it. */
  pk: number;
}

export async function tableColumns(db: Db, dialect: Dialect, table: string): Promise<ColumnInfo[]> {
  if (dialect === 'postgres') {
    const cols = await sql<{ column_name: string; data_type: string; is_nullable: string }>`
      select column_name, data_type, is_nullable from information_schema.columns
      where table_schema = current_schema() and table_name = ${table}
      order by ordinal_position`.execute(db);
    const pk = await sql<{ column_name: string; ordinal_position: number }>`
      select k.column_name, k.ordinal_position from information_schema.table_constraints c
      join information_schema.key_column_usage k
        on k.constraint_name = c.constraint_name and k.table_schema = c.table_schema and k.table_name = c.table_name
      where c.constraint_type = 'PRIMARY KEY' and c.table_schema = current_schema() and c.table_name = ${table}`.execute(db);
    const pkPos = new Map(pk.rows.map((r) => [r.column_name, Number(r.ordinal_position)]));
    return cols.rows.map((c) => ({ name: c.column_name, kind: kindOf(c.data_type), nullable: c.is_nullable === 'YES', pk: pkPos.get(c.column_name) ?? 0 }));
  }
  const r = await sql<{ name: string; type: string; notnull: number; pk: number }>`
    select name, type, "notnull", pk from pragma_table_info(${table}) order by cid`.execute(db);
  // SQLite lets a lone text primary key hold NULL unless declared NOT NULL; Steve never stores one.
  return r.rows.map((c) => ({ name: c.name, kind: kindOf(c.type), nullable: c.notnull === 0 && c.pk === 0, pk: c.pk }));
}

function kindOf(type: string): ColumnInfo['kind'] {
  if (/int/i.test(type)) return 'integer';
  if (/real|double|float/i.test(type)) return 'real';
  return 'text';
}

/**
 * How rows are ordered in an export: by primary key (read from the database, so new tables
 * need nothing here), except the audit trail, which follows its chain.
 */
export function orderKeyOf(table: string, columns: ColumnInfo[]): string[] {
  if (table === 'audit_events') return ['seq'];
  const pk = columns.filter((c) => c.pk > 0).sort((a, b) => a.pk - b.pk);
  return (pk.length > 0 ? pk : columns).map((c) => c.name);
}
