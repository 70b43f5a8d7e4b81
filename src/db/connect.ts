/**
 * The one place that picks the database dialect. Everything else writes portable Kysely.
 * SQLite (the default, one file in the data folder) or PostgreSQL (a multi-clinician practice).
 * Opening a database runs the pending migrations, and refuses a database that a newer
 * Steve has written rather than guess at columns it does not know.
 */
import { chmodSync, existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import SqliteDatabase from 'better-sqlite3-multiple-ciphers';
import {
  Kysely,
  Migrator,
  PostgresDialect,
  SqliteDialect,
  sql,
  type DatabaseIntrospector,
  type DatabaseMetadataOptions,
  type SchemaMetadata,
  type TableMetadata,
} from 'kysely';
import { AppError } from '../domain/errors.js';
import { MIGRATIONS, ROW_NEUTRAL_MIGRATIONS } from './migrations/index.js';
import { FORMER_NAMES, settleUnorderedEra } from './migrations/unordered-era.js';
import type { Database } from './schema.js';

// PostgreSQL `date` would become a JS Date at local midnight; bigint counts would be strings.
// Steve keeps dates as text already, but parse int8 so count(*) is a number on both dialects.
// The driver loads only when a PostgreSQL URL is given, so the SQLite default starts faster.
async function loadPg() {
  const pg = (await import('pg')).default;
  pg.types.setTypeParser(1082, (s: string) => s);
  pg.types.setTypeParser(20, (s: string) => Number(s));
  return pg;
}

export type Dialect = 'sqlite' | 'postgres';

export interface Store {
  readonly db: Kysely<Database>;
  readonly dialect: Dialect;
  /** Where the data lives, for messages: a file path or the URL without its password. */
  readonly location: string;
  close(): Promise<void>;
}

export type StoreTarget = { kind: 'sqlite'; file: string; key?: string | undefined } | { kind: 'postgres'; url: string; schema?: string | undefined };

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
  // Health records: the folder only its owner may enter, the files only its owner may read.
  if (target.file !== ':memory:') mkdirSync(resolve(target.file, '..'), { recursive: true, mode: 0o700 });
  const created = target.file !== ':memory:' && !existsSync(target.file);
  const raw = new SqliteDatabase(target.file);
  if (created) chmodSync(target.file, 0o600);
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
  const pg = await loadPg();
  const pool = new pg.Pool({
    connectionString: target.url,
    max: 10,
    ...(target.schema ? { options: `-c search_path=${target.schema}` } : {}),
  });
  const db = new Kysely<Database>({ dialect: new CurrentSchemaPostgresDialect({ pool }) });
  try {
    if (target.schema) await sql`create schema if not exists ${sql.id(target.schema)}`.execute(db);
    else await sql`select 1`.execute(db);
  } catch (e) {
    await db.destroy();
    throw new AppError('VALIDATION', `Cannot reach PostgreSQL at ${redactUrl(target.url)}: ${e instanceof Error ? e.message : String(e)}`, { cause: e });
  }
  return { db, dialect: 'postgres', location: redactUrl(target.url), close: () => db.destroy() };
}

/**
 * Kysely's PostgreSQL introspection lists every schema's tables and looks each schema up by
 * name, so another schema's kysely_migration (a second practice, a parallel test) is taken for
 * this one's, and a schema dropped meanwhile makes it fail. Steve only ever means the current schema.
 */
class CurrentSchemaPostgresDialect extends PostgresDialect {
  override createIntrospector(db: Kysely<unknown>): DatabaseIntrospector {
    const inner = super.createIntrospector(db);
    const getTables = async (options?: DatabaseMetadataOptions): Promise<TableMetadata[]> => {
      const r = await sql<{
        table_schema: string;
        table_name: string;
        table_type: string;
        column_name: string;
        data_type: string;
        is_nullable: string;
        column_default: string | null;
      }>`
        select t.table_schema, t.table_name, t.table_type, c.column_name, c.data_type, c.is_nullable, c.column_default
        from information_schema.tables t
        join information_schema.columns c on c.table_schema = t.table_schema and c.table_name = t.table_name
        where t.table_schema = current_schema()
        order by t.table_name, c.ordinal_position`.execute(db);
      const tables = new Map<string, TableMetadata & { columns: TableMetadata['columns'][number][] }>();
      for (const row of r.rows) {
        if (!options?.withInternalKyselyTables && /^kysely_migration(_lock)?$/.test(row.table_name)) continue;
        let t = tables.get(row.table_name);
        if (!t) tables.set(row.table_name, (t = { name: row.table_name, schema: row.table_schema, isView: row.table_type === 'VIEW', columns: [] }));
        t.columns.push({
          name: row.column_name,
          dataType: row.data_type,
          isNullable: row.is_nullable === 'YES',
          hasDefaultValue: row.column_default !== null,
          isAutoIncrementing: row.column_default?.startsWith('nextval(') ?? false,
        });
      }
      return [...tables.values()];
    };
    return {
      getSchemas: (): Promise<SchemaMetadata[]> => inner.getSchemas(),
      getTables,
      getMetadata: async (options?: DatabaseMetadataOptions) => ({ tables: await getTables(options) }),
    };
  }
}

export function redactUrl(url: string): string {
  return url.replace(/\/\/([^:/@]+):[^@]*@/, '//$1:***@');
}

/** Names of migrations this build knows, in order. */
export const KNOWN_MIGRATIONS = Object.keys(MIGRATIONS).sort();

/** A recorded migration under the name this build gives it (releases before strict ordering named some differently). */
export function currentMigrationName(name: string): string {
  return FORMER_NAMES[name] ?? name;
}

/** Whether a practice export lacking this migration still holds every row as this build stores it. */
export function changesNoExportedRow(name: string): boolean {
  return ROW_NEUTRAL_MIGRATIONS.includes(name);
}

/**
 * Strictly in order: a migration with a lower name than one already run is refused, so every
 * database gets the same steps in the same order. Databases written before strict ordering are
 * settled first (migrations/unordered-era.ts).
 */
export async function migrateToLatest(db: Kysely<Database>): Promise<void> {
  if (await hasMigrationTable(db)) {
    await refuseNewerDatabase(db);
    await settleUnorderedEra(db, MIGRATIONS);
  }
  const migrator = new Migrator({ db, provider: { getMigrations: async () => ({ ...MIGRATIONS }) }, allowUnorderedMigrations: false });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new AppError('INTERNAL', `Database migration ${failed} failed: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
}

async function hasMigrationTable(db: Kysely<Database>): Promise<boolean> {
  const tables = await db.introspection.getTables({ withInternalKyselyTables: true });
  return tables.some((t) => t.name === 'kysely_migration');
}

async function refuseNewerDatabase(db: Kysely<Database>): Promise<void> {
  const rows = await sql<{ name: string }>`select name from kysely_migration`.execute(db);
  const unknown = rows.rows.map((r) => r.name).filter((n) => !(n in MIGRATIONS) && !(n in FORMER_NAMES));
  if (unknown.length > 0) {
    throw new AppError(
      'DB_TOO_NEW',
      `This database was written by a newer version of Steve (it has migration ${unknown.sort().at(-1)}, which this version does not know). Upgrade Steve to open it; nothing was changed.`,
    );
  }
}
