import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { KNOWN_MIGRATIONS, migrateToLatest, type Store } from '../../src/db/connect.js';
import { EXPORT_TABLES } from '../../src/db/schema.js';
import { DIALECTS, freshStore } from '../support/stores.js';

describe.each(DIALECTS)('migrations on %s', (dialect) => {
  let store: Store;
  afterEach(async () => store?.close());

  it('creates every table from an empty database', async () => {
    store = await freshStore(dialect);
    const names = (await store.db.introspection.getTables()).map((t) => t.name);
    for (const t of [...EXPORT_TABLES, 'auth_sessions', 'login_attempts']) expect(names).toContain(t);
  });

  it('running migrations again on an up-to-date database changes nothing', async () => {
    store = await freshStore(dialect);
    await migrateToLatest(store.db);
    const rows = await sql<{ name: string }>`select name from kysely_migration`.execute(store.db);
    expect(rows.rows.map((r) => r.name).sort()).toEqual([...KNOWN_MIGRATIONS]);
  });

  it('refuses a database written by a newer Steve, naming the unknown migration', async () => {
    store = await freshStore(dialect);
    await sql`insert into kysely_migration (name, timestamp) values ('9999-from-the-future', '2030-01-01T00:00:00Z')`.execute(store.db);
    await expect(migrateToLatest(store.db)).rejects.toMatchObject({ code: 'DB_TOO_NEW', message: expect.stringContaining('9999-from-the-future') });
  });
});
