/**
 * The one place that picks the database dialect. Everything else writes portable Kysely.
 * SQLite (the default, one file in the data folder) or PostgreSQL (a multi-clinician practice).
 * Opening a database runs the pending migrations, and refuses a database that a newer
 * Steve has written rather than guess at columns it does not know.
 */
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import SqliteDatabase from 'better-sqlite3-multiple-ciphers';
import { Kysely, Migrator, PostgresDialect, SqliteDialect, sql } from 'kysely';
import pg from 'pg';
import { AppError } from '../domain/errors.js';
import { MIGRATIONS } from './migrations/index.js';
import type { Database } from './schema.js';

// PostgreSQL `date` would become a JS Date at local midnight; bigint counts would be strings.
// Steve keeps dates as text already, but parse int8 so count(*) is a number on both dialects.
pg.types.setTypeParser(1082, (s: string) => s);
pg.types.setTypeParser(20, (s: string) => Number(s));

export type Dialect = 'sqlite' | 'postgres';

export interface Store {
  readonly db: Kysely<Database>;
  readonly dialect: Dialect;
  /** Where the data lives, for messages: a file path or the URL without its password. */
  readonly location: string;
  close(): Promise<void>;
}

export type StoreTarget =
  | { kind: 'sqlite'; file: string; key?: string | undefined }
  | { kind: 'postgres'; url: string; schema?: string | undefined };

export const SQLITE_FILE_NAME = 'steve.sqlite';

/** `--db` wins over `--data`; the data folder holds steve.sqlite. */
export function storeTarget(opts: { dataDir: string; databaseUrl?: string | undefined; dbKey?: string | undefined }): StoreTarget {
  if (opts.databaseUrl) return { kind: 'postgres', url: opts.databaseUrl };
  return { kind: 'sqlite', file: join(resolve(opts.dataDir), SQLITE_FILE_NAME), key: opts.dbKey };
}

export async function openStore(target: StoreTarget, options: { migrate?: boolean } = {}): Promise<Store> {
  const store = target.kind === 'sqlite' ? openSqlite(target) : await openPostgres(target);
  try {
    if (options.migrate !== false) await migrateToLatest(store.db);
  } catch (e) {
    await store.close();
    throw e;
  }
  return store;
}

function openSqlite(target: { file: string; key?: string | undefined }): Store {
  if (target.file !== ':memory:') mkdirSync(resolve(target.file, '..'), { recursive: true });
  const raw = new SqliteDatabase(target.file);
  if (target.key) {
    // Order matters for SQLCipher compatibility: cipher and legacy before the key (STACK.md).
    raw.pragma(`cipher='sqlcipher'`);
    raw.pragma('legacy=4');
    raw.pragma(`key='${target.key.replace(/'/g, "''")}'`);
  }
  try {
    raw.pragma('journal_mode = WAL');
  } catch (e) {
    raw.close();
    throw new AppError('VALIDATION', `Cannot open ${target.file}: it is not a Steve database, or the encryption key is wrong.`, { cause: e });
  }
  raw.pragma('foreign_keys = ON');
  raw.pragma('busy_timeout = 5000');
  raw.pragma('synchronous = NORMAL');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: raw }) });
  return { db, dialect: 'sqlite', location: target.file, close: () => db.destroy() };
}

async function openPostgres(target: { url: string; schema?: string | undefined }): Promise<Store> {
  const pool = new pg.Pool({
    connectionString: target.url,
    max: 10,
    ...(target.schema ? { options: `-c search_path=${target.schema}` } : {}),
  });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  try {
    if (target.schema) await sql`create schema if not exists ${sql.id(target.schema)}`.execute(db);
    else await sql`select 1`.execute(db);
  } catch (e) {
    await db.destroy();
    throw new AppError('VALIDATION', `Cannot reach PostgreSQL at ${redactUrl(target.url)}: ${(e as Error).message}`, { cause: e });
  }
  return { db, dialect: 'postgres', location: redactUrl(target.url), close: () => db.destroy() };
}

export function redactUrl(url: string): string {
  return url.replace(/\/\/([^:/@]+):[^@]*@/, '//$1:***@');
}

/** Names of migrations this build knows, in order. */
export const KNOWN_MIGRATIONS = Object.keys(MIGRATIONS);

export async function migrateToLatest(db: Kysely<Database>): Promise<void> {
  await refuseNewerDatabase(db);
  const migrator = new Migrator({ db, provider: { getMigrations: async () => MIGRATIONS } });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new AppError('INTERNAL', `Database migration ${failed} failed: ${(error as Error).message ?? String(error)}`, { cause: error });
  }
}

async function refuseNewerDatabase(db: Kysely<Database>): Promise<void> {
  const tables = await db.introspection.getTables({ withInternalKyselyTables: true });
  if (!tables.some((t) => t.name === 'kysely_migration')) return;
  const rows = await sql<{ name: string }>`select name from kysely_migration`.execute(db);
  const unknown = rows.rows.map((r) => r.name).filter((n) => !(n in MIGRATIONS));
  if (unknown.length > 0) {
    throw new AppError(
      'DB_TOO_NEW',
      `This database was written by a newer version of Steve (it has migration ${unknown.sort().at(-1)}, which this version does not know). Upgrade Steve to open it; nothing was changed.`,
    );
  }
}
