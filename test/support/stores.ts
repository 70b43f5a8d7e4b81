/**
 * Every database test runs on both dialects from the same file (Kysely's own pattern):
 * SQLite always, PostgreSQL when STEVE_TEST_DATABASE_URL is set (CI sets it).
 * Each store is fresh: `:memory:` SQLite, or a throwaway PostgreSQL schema.
 */
import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { openStore, type Dialect, type Store } from '../../src/db/connect.js';

const pgUrl = process.env.STEVE_TEST_DATABASE_URL;
const only = process.env.DIALECTS?.split(',').map((s) => s.trim());

export const DIALECTS: Dialect[] = (['sqlite', 'postgres'] as const).filter((d) => (d === 'sqlite' || pgUrl) && (!only || only.includes(d)));

export function postgresTestUrl(): string | undefined {
  return pgUrl;
}

/** `migrate: false` leaves the database empty, for tests that build it the way an older Steve did. */
export async function freshStore(dialect: Dialect, options: { migrate?: boolean } = {}): Promise<Store> {
  if (dialect === 'sqlite') return openStore({ kind: 'sqlite', file: ':memory:' }, options);
  if (!pgUrl) throw new Error('STEVE_TEST_DATABASE_URL is not set');
  const schema = `t_${randomBytes(6).toString('hex')}`;
  const store = await openStore({ kind: 'postgres', url: pgUrl, schema }, options);
  return {
    ...store,
    close: async () => {
      await sql`drop schema if exists ${sql.id(schema)} cascade`.execute(store.db);
      await store.close();
    },
  };
}
