import { disabledLanguageModel } from '../../src/adapters/disabled-language-model.js';
import { disabledMail } from '../../src/adapters/disabled-mail.js';
import { Migrator, sql, type Kysely } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/adapters/system-clock.js';
import { KNOWN_MIGRATIONS, migrateToLatest, type Dialect, type Store } from '../../src/db/connect.js';
import { MIGRATIONS } from '../../src/db/migrations/index.js';
import { cliActor, type ServiceContext } from '../../src/services/context.js';
import { buildBriefing } from '../../src/services/deadlines/build-briefing.js';
import { listClients } from '../../src/services/clients/list-clients.js';
import { DIALECTS, freshStore } from '../support/stores.js';
import {
  LAST_UNORDERED_RELEASE,
  STOPPED_HALFWAY,
  UPGRADED_BUILD_BY_BUILD,
  expectSameSchema,
  migrateAsFormerReleases,
  recordedMigrations,
  schemaSnapshot,
  type FormerRun,
  type SchemaSnapshot,
} from './former-releases.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- databases of former releases have no schema type of today's
type AnyDb = Kysely<any>;

const AT = '2026-11-02T09:00:00.000Z';

/** A small practice in the shape of the first migration: every table a practice uses from day one. */
async function fillFirstMigrationPractice(db: AnyDb): Promise<void> {
  // One row per statement: a multi-row insert would set the columns one row leaves out to null, not to their defaults.
  const insert = async (table: string, rows: Record<string, unknown>[]) => {
    for (const row of rows) await db.insertInto(table).values(row).execute();
  };
  await db.insertInto('practice').values({ id: 'p1', name: 'Larkspur OT', default_jurisdiction: 'england', created_at: AT }).execute();
  await insert('users', [
    { id: 'u-owner', name: 'Priya Owner', email: 'owner@larkspur.test', role: 'owner', password_hash: 'x', created_at: AT },
    { id: 'u-ot', name: 'Sam Clinician', email: 'sam@larkspur.test', role: 'clinician', hcpc_number: 'OT12345', password_hash: 'x', created_at: AT },
  ]);
  await insert('organisations', [
    { id: 'o-la', name: 'Fictional County Council', kind: 'local_authority', created_at: AT },
    { id: 'o-ins', name: 'Imaginary Health Insurance', kind: 'insurer', created_at: AT },
  ]);
  await db.insertInto('contacts').values({ id: 'k-senco', organisation_id: 'o-la', name: 'Alex SENCo', updated_at: AT }).execute();
  await insert('clients', [
    { id: 'c-ada', name: 'Ada Testperson', dob: '2015-04-01', nhs_number: '9434765919', lead_clinician_id: 'u-ot', created_at: AT, updated_at: AT },
    { id: 'c-bob', name: 'Bob Madeup', dob: '1970-07-15', consent_insurer: 1, created_at: AT, updated_at: AT },
  ]);
  await db.insertInto('client_contacts').values({ id: 'cc1', client_id: 'c-ada', name: 'Ann Testperson', relationship: 'mother', is_carer: 1 }).execute();
  await insert('cases', [
    {
      id: 'case-ehcp',
      client_id: 'c-ada',
      title: 'EHCP advice',
      service_line: 'paediatric',
      funder_kind: 'local_authority',
      funder_org_id: 'o-la',
      jurisdiction: 'england',
      status: 'open',
      clinician_id: 'u-ot',
      opened_on: '2026-10-01',
      created_at: AT,
    },
    {
      id: 'case-ins',
      client_id: 'c-bob',
      title: 'Rehabilitation',
      service_line: 'adult',
      funder_kind: 'insurer',
      funder_org_id: 'o-ins',
      jurisdiction: 'england',
      status: 'open',
      clinician_id: 'u-owner',
      opened_on: '2026-10-10',
      created_at: AT,
    },
  ]);
  await db.insertInto('case_shares').values({ case_id: 'case-ins', user_id: 'u-ot' }).execute();
  await db
    .insertInto('ehcp_plans')
    .values({ id: 'e1', case_id: 'case-ehcp', la_org_id: 'o-la', la_reference: 'LA-123', plan_issued_on: '2026-03-01' })
    .execute();
  await db
    .insertInto('authorisations')
    .values({ id: 'a1', case_id: 'case-ins', insurer_org_id: 'o-ins', sessions_authorised: 6, valid_from: '2026-10-10', valid_until: '2027-04-10' })
    .execute();
  await db
    .insertInto('sessions')
    .values({
      id: 's1',
      case_id: 'case-ins',
      clinician_id: 'u-owner',
      on_date: '2026-10-20',
      duration_minutes: 60,
      kind: 'therapy',
      attendance: 'attended',
      authorisation_id: 'a1',
    })
    .execute();
  await insert('tasks', [
    {
      id: 't1',
      title: 'Send EHCP advice',
      kind: 'deadline',
      hardness: 'hard',
      due_on: '2026-11-20',
      status: 'open',
      assignee_id: 'u-ot',
      client_id: 'c-ada',
      case_id: 'case-ehcp',
      created_at: AT,
    },
    {
      id: 't2',
      title: 'Phone insurer',
      kind: 'task',
      hardness: 'soft',
      due_on: '2026-10-30',
      status: 'done',
      completed_on: '2026-10-29',
      client_id: 'c-bob',
      created_at: AT,
    },
  ]);
  await db
    .insertInto('correspondence')
    .values({
      id: 'm1',
      client_id: 'c-ada',
      case_id: 'case-ehcp',
      direction: 'in',
      channel: 'email',
      on_date: '2026-10-02',
      subject: 'Request for advice',
      created_at: AT,
    })
    .execute();
  await db
    .insertInto('documents')
    .values({
      id: 'd1',
      client_id: 'c-ada',
      case_id: 'case-ehcp',
      kind: 'ehcp-advice',
      version: 1,
      status: 'draft',
      title: 'EHCP advice',
      body: 'Draft',
      created_at: AT,
    })
    .execute();
  await db
    .insertInto('audit_events')
    .values({
      id: 'ev1',
      seq: 1,
      at: AT,
      user_id: 'u-owner',
      action: 'create',
      entity: 'client',
      entity_id: 'c-ada',
      client_id: 'c-ada',
      prev_hash: '',
      hash: 'h1',
    })
    .execute();
}

async function count(db: AnyDb, table: string): Promise<number> {
  const r = await sql<{ n: number }>`select count(*) as n from ${sql.table(table)}`.execute(db);
  return Number(r.rows[0]!.n);
}

/** What a newly created database looks like, to compare an upgraded one with. */
async function freshSchema(dialect: Dialect) {
  const fresh = await freshStore(dialect);
  try {
    return await schemaSnapshot(fresh);
  } finally {
    await fresh.close();
  }
}

// Each test builds two or three whole databases; on a busy machine PostgreSQL needs longer than the default.
describe.each(DIALECTS)('upgrading on %s', { timeout: 120_000 }, (dialect) => {
  let store: Store;
  afterEach(async () => store?.close());
  let fresh: Promise<SchemaSnapshot> | undefined;
  const newDatabaseSchema = () => (fresh ??= freshSchema(dialect));

  it('a database with the first migration only, filled, migrates to the latest and keeps every row', async () => {
    store = await freshStore(dialect, { migrate: false });
    const migrator = new Migrator({ db: store.db, provider: { getMigrations: async () => ({ ...MIGRATIONS }) } });
    expect((await migrator.migrateTo('0001-initial')).error).toBeUndefined();
    await fillFirstMigrationPractice(store.db);

    await migrateToLatest(store.db);

    expect(await recordedMigrations(store.db)).toEqual(KNOWN_MIGRATIONS);
    const counts = Object.fromEntries(
      await Promise.all(
        [
          'practice',
          'users',
          'organisations',
          'contacts',
          'clients',
          'client_contacts',
          'cases',
          'case_shares',
          'ehcp_plans',
          'authorisations',
          'sessions',
          'tasks',
          'correspondence',
          'documents',
          'audit_events',
        ].map(async (t) => [t, await count(store.db, t)] as const),
      ),
    );
    expect(counts).toEqual({
      practice: 1,
      users: 2,
      organisations: 2,
      contacts: 1,
      clients: 2,
      client_contacts: 1,
      cases: 2,
      case_shares: 1,
      ehcp_plans: 1,
      authorisations: 1,
      sessions: 1,
      tasks: 2,
      correspondence: 1,
      documents: 1,
      audit_events: 1,
    });
    // Columns later migrations added are there, with their defaults on the old rows.
    expect(await store.db.selectFrom('sessions').select(['id', 'duration_minutes', 'fee_pence', 'miles_hundredths']).execute()).toEqual([
      { id: 's1', duration_minutes: 60, fee_pence: null, miles_hundredths: 0 },
    ]);
    expect(await store.db.selectFrom('documents').select(['id', 'body', 'options', 'sent_at']).execute()).toEqual([
      { id: 'd1', body: 'Draft', options: '{}', sent_at: null },
    ]);
    expect(await store.db.selectFrom('tasks').select(['id', 'due_on', 'rule_key']).orderBy('id').execute()).toEqual([
      { id: 't1', due_on: '2026-11-20', rule_key: null },
      { id: 't2', due_on: '2026-10-30', rule_key: null },
    ]);
    expect(await store.db.selectFrom('ehcp_plans').select(['la_reference', 'draft_served_on']).execute()).toEqual([
      { la_reference: 'LA-123', draft_served_on: null },
    ]);
    expect(await store.db.selectFrom('users').select(['email', 'calendar_token_hash']).orderBy('email').execute()).toEqual([
      { email: 'owner@larkspur.test', calendar_token_hash: null },
      { email: 'sam@larkspur.test', calendar_token_hash: null },
    ]);
    // Tables later migrations created are there and empty.
    for (const t of ['invoices', 'payments', 'referral_sources', 'referrals', 'document_versions', 'inbox_items', 'ehcp_events', 'compliance_items']) {
      expect(await count(store.db, t)).toBe(0);
    }
    // And the services read the upgraded practice.
    const ctx: ServiceContext = {
      db: store.db,
      dialect: store.dialect,
      clock: fixedClock('2026-11-16'),
      mail: disabledMail,
      languageModel: disabledLanguageModel,
      actor: cliActor,
    };
    expect((await listClients(ctx)).map((c) => c.name)).toEqual(['Ada Testperson', 'Bob Madeup']);
    expect((await buildBriefing(ctx, {})).items.map((i) => i.title)).toEqual(['Send EHCP advice']);

    expectSameSchema(await schemaSnapshot(store), await newDatabaseSchema());
  });

  it.each<[string, FormerRun[]]>([
    ['the last release before strict ordering', LAST_UNORDERED_RELEASE],
    ['a practice that upgraded build by build (old names, timestamps out of order, the first texts of edited migrations)', UPGRADED_BUILD_BY_BUILD],
    ['a database last opened by a build without money, documents or the inbox', STOPPED_HALFWAY],
  ])('%s opens with today’s names, in order, and the same schema as a new database', async (_label, runs) => {
    store = await freshStore(dialect, { migrate: false });
    await migrateAsFormerReleases(store.db, runs);
    expect(await recordedMigrations(store.db)).toContain('0005-referrals');

    await migrateToLatest(store.db);

    expect(await recordedMigrations(store.db)).toEqual(KNOWN_MIGRATIONS);
    expectSameSchema(await schemaSnapshot(store), await newDatabaseSchema());
    // Opening again changes nothing.
    const before = await sql`select name, timestamp from kysely_migration order by name`.execute(store.db);
    await migrateToLatest(store.db);
    expect((await sql`select name, timestamp from kysely_migration order by name`.execute(store.db)).rows).toEqual(before.rows);
  });

  it('referrals acknowledged before ack_days existed get their working days counted', async () => {
    store = await freshStore(dialect, { migrate: false });
    await migrateAsFormerReleases(store.db, UPGRADED_BUILD_BY_BUILD, async (db, afterRun) => {
      if (afterRun !== 0) return;
      await fillFirstMigrationPractice(db);
      await db.insertInto('referral_sources').values({ id: 'rs1', name: 'Dr Imaginary GP', kind: 'gp', created_at: AT }).execute();
      const referral = { source_id: 'rs1', service_line: 'adult', status: 'pending', ack_due_on: '2026-11-04', created_at: AT };
      await db
        .insertInto('referrals')
        .values([
          // Received on a Friday, acknowledged the next Tuesday: Monday and Tuesday are two working days.
          { ...referral, id: 'r1', client_id: 'c-bob', received_on: '2026-10-30', acknowledged_on: '2026-11-03' },
          { ...referral, id: 'r2', client_id: 'c-ada', received_on: '2026-11-02', acknowledged_on: null },
        ])
        .execute();
    });

    await migrateToLatest(store.db);

    expect(await store.db.selectFrom('referrals').select(['id', 'acknowledged_on', 'ack_days']).orderBy('id').execute()).toEqual([
      { id: 'r1', acknowledged_on: '2026-11-03', ack_days: 2 },
      { id: 'r2', acknowledged_on: null, ack_days: null },
    ]);
    expect(await count(store.db, 'clients')).toBe(2);
  });

  it('a database under the old names that also carries an unknown migration is refused, and nothing is renamed', async () => {
    store = await freshStore(dialect, { migrate: false });
    await migrateAsFormerReleases(store.db, LAST_UNORDERED_RELEASE);
    await sql`insert into kysely_migration (name, timestamp) values ('9999-from-the-future', '2030-01-01T00:00:00.000Z')`.execute(store.db);
    const before = await recordedMigrations(store.db);

    await expect(migrateToLatest(store.db)).rejects.toMatchObject({ code: 'DB_TOO_NEW', message: expect.stringContaining('9999-from-the-future') });
    expect(await recordedMigrations(store.db)).toEqual(before);
  });

  it('a migration recorded out of order after strict ordering began is refused rather than skipped', async () => {
    store = await freshStore(dialect);
    const last = KNOWN_MIGRATIONS.at(-1)!;
    await sql`update kysely_migration set timestamp = '2020-01-01T00:00:00.000Z' where name = ${last}`.execute(store.db);

    await expect(migrateToLatest(store.db)).rejects.toMatchObject({ code: 'INTERNAL', message: expect.stringContaining('corrupted migrations') });
  });
});
