/**
 * Databases as earlier releases of Steve left them, built with the migration texts and names
 * those releases had and in the order they ran them, and a snapshot of a database's schema
 * (tables, columns, indexes) to compare an upgraded database with a fresh one.
 */
import { Migrator, sql, type Kysely, type Migration } from 'kysely';
import { expect } from 'vitest';
import type { Store } from '../../src/db/connect.js';
import * as initial from '../../src/db/migrations/0001-initial.js';
import * as deadlineEngine from '../../src/db/migrations/0002-deadline-engine.js';
import * as calendarFeed from '../../src/db/migrations/0003-calendar-feed.js';
import * as httpIndexes from '../../src/db/migrations/0004-http-indexes.js';
import * as money from '../../src/db/migrations/0005-money.js';
import * as referrals from '../../src/db/migrations/0006-referrals.js';
import * as documents from '../../src/db/migrations/0007-documents.js';
import * as inbox from '../../src/db/migrations/0008-inbox.js';
import * as briefingIndex from '../../src/db/migrations/0009-briefing-index.js';
import * as briefingIndexFirstRelease from './former-migrations/briefing-index-first-release.js';
import * as moneyFirstRelease from './former-migrations/money-first-release.js';
import * as referralsFirstRelease from './former-migrations/referrals-first-release.js';
import * as referralsWithAckDays from './former-migrations/referrals-with-ack-days.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- databases of former releases have no schema type of today's
type AnyDb = Kysely<any>;

/** One run of an older Steve: the migrations its build had, under the names it gave them. */
export type FormerRun = Record<string, Migration>;

const foundation = { '0001-initial': initial, '0002-deadline-engine': deadlineEngine, '0003-calendar-feed': calendarFeed, '0004-http-indexes': httpIndexes };

/** The release just before strict ordering: every migration as today, under the old names, in one run. */
export const LAST_UNORDERED_RELEASE: FormerRun[] = [
  {
    ...foundation,
    '0004-money': money,
    '0005-referrals': referrals,
    '0006-documents': documents,
    '0007-inbox': inbox,
    '0008-briefing-index': briefingIndex,
  },
];

/**
 * A practice that upgraded build by build as the areas landed: referrals and the briefing index
 * first, then money, then the inbox and documents, each in the text first released, so the
 * recorded timestamps are out of name order and the edited migrations ran their first text.
 */
export const UPGRADED_BUILD_BY_BUILD: FormerRun[] = [
  { ...foundation, '0005-referrals': referralsFirstRelease, '0008-briefing-index': briefingIndexFirstRelease },
  { '0004-money': moneyFirstRelease },
  { '0007-inbox': inbox },
  { '0006-documents': documents },
];

/** Last opened by a build that had referrals (with ack_days) and the briefing index but not yet money, documents or the inbox. */
export const STOPPED_HALFWAY: FormerRun[] = [{ ...foundation, '0005-referrals': referralsWithAckDays, '0008-briefing-index': briefingIndex }];

/**
 * Runs each former build's migrations as it did (any order allowed), one build after another,
 * each a minute after the last, as the recorded timestamps of a real practice would show.
 */
export async function migrateAsFormerReleases(db: AnyDb, runs: FormerRun[], fill?: (db: AnyDb, afterRun: number) => Promise<void>): Promise<void> {
  const known: FormerRun = {};
  for (const [i, run] of runs.entries()) {
    Object.assign(known, run);
    const migrations = { ...known };
    const { error } = await new Migrator({ db, provider: { getMigrations: async () => migrations }, allowUnorderedMigrations: true }).migrateToLatest();
    if (error) throw error;
    const at = new Date(Date.UTC(2026, 10, 27, 8, i)).toISOString();
    await db.updateTable('kysely_migration').set({ timestamp: at }).where('name', 'in', Object.keys(run)).execute();
    await fill?.(db, i);
  }
}

export async function recordedMigrations(db: AnyDb): Promise<string[]> {
  const rows = await db.selectFrom('kysely_migration').select(['name', 'timestamp']).orderBy('timestamp').orderBy('name').execute();
  return rows.map((r: { name: string }) => r.name);
}

export interface SchemaSnapshot {
  tables: Record<string, string[]>;
  indexes: Record<string, string>;
}

/** Tables with their columns (name, type, nullability, default), and every index's definition. */
export async function schemaSnapshot(store: Store): Promise<SchemaSnapshot> {
  const tables: Record<string, string[]> = {};
  for (const t of await store.db.introspection.getTables()) {
    tables[t.name] = t.columns
      .map((c) => `${c.name} ${c.dataType.toLowerCase()}${c.isNullable ? '' : ' not null'}${c.hasDefaultValue ? ' default' : ''}`)
      .sort();
  }
  const indexes: Record<string, string> = {};
  if (store.dialect === 'postgres') {
    const r = await sql<{ indexname: string; indexdef: string }>`
      select indexname, indexdef from pg_indexes where schemaname = current_schema() and tablename not like 'kysely_migration%'`.execute(store.db);
    for (const row of r.rows) indexes[row.indexname] = row.indexdef.replace(/ON \S+\./, 'ON ');
  } else {
    for (const table of Object.keys(tables)) {
      const list = await sql<{ name: string; unique: number; partial: number }>`select name, "unique", partial from pragma_index_list(${table})`.execute(
        store.db,
      );
      for (const ix of list.rows) {
        const columns = await sql<{ name: string | null }>`select name from pragma_index_info(${ix.name}) order by seqno`.execute(store.db);
        const text = await sql<{ sql: string | null }>`select sql from sqlite_master where type = 'index' and name = ${ix.name}`.execute(store.db);
        const where = ix.partial ? / where (.*)$/is.exec(text.rows[0]?.sql ?? '')?.[1]?.replace(/\s+/g, ' ') : undefined;
        indexes[ix.name] = `${ix.unique ? 'unique ' : ''}on ${table} (${columns.rows.map((c) => c.name).join(', ')})${where ? ` where ${where}` : ''}`;
      }
    }
  }
  return { tables, indexes };
}

/** The two schemas are the same: same tables with the same columns, same indexes defined alike. */
export function expectSameSchema(actual: SchemaSnapshot, expected: SchemaSnapshot): void {
  expect(Object.keys(actual.tables).sort()).toEqual(Object.keys(expected.tables).sort());
  for (const [table, columns] of Object.entries(expected.tables)) expect({ table, columns: actual.tables[table] }).toEqual({ table, columns });
  expect(Object.keys(actual.indexes).sort()).toEqual(Object.keys(expected.indexes).sort());
  for (const [index, definition] of Object.entries(expected.indexes)) expect({ index, definition: actual.indexes[index] }).toEqual({ index, definition });
}
