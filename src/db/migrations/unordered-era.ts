/**
 * Releases before 0010 applied migrations in any order and recorded two of them as 0004, so a
 * database they wrote may carry the old names, timestamps out of name order, or gaps (a build
 * that did not have a migration yet). Before the strict migrator runs, such a database is
 * brought to what strict ordering expects: old names become today's, the era's missing
 * migrations run as those releases would have run them, and the era is recorded in name order.
 */
import { Migrator, type Kysely, type Migration } from 'kysely';
import { AppError } from '../../domain/errors.js';

/** What the releases before strict ordering called a migration, and what it is called now. */
export const FORMER_NAMES: Readonly<Record<string, string>> = {
  '0004-money': '0005-money',
  '0005-referrals': '0006-referrals',
  '0006-documents': '0007-documents',
  '0007-inbox': '0008-inbox',
  '0008-briefing-index': '0009-briefing-index',
};

/** The migrations those releases may have applied in any order, by today's names, in order. */
const UNORDERED_ERA: readonly string[] = [
  '0001-initial',
  '0002-deadline-engine',
  '0003-calendar-feed',
  '0004-http-indexes',
  '0005-money',
  '0006-referrals',
  '0007-documents',
  '0008-inbox',
  '0009-briefing-index',
];

interface Recorded {
  name: string;
  timestamp: string;
}

/** The order Kysely's migrator reads executed migrations in: by timestamp, then by name. */
function inRunOrder(rows: readonly Recorded[]): Recorded[] {
  return [...rows].sort((a, b) =>
    a.timestamp === b.timestamp ? a.name.localeCompare(b.name) : new Date(a.timestamp).getTime() - new Date(b.timestamp).getTime(),
  );
}

/**
 * Safe to run on every open: it changes nothing on a database already in order. Runs only
 * after the caller has checked that every recorded name is known (old or new).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function settleUnorderedEra(db: Kysely<any>, migrations: Readonly<Record<string, Migration>>): Promise<void> {
  const recorded = async (): Promise<Recorded[]> => await db.selectFrom('kysely_migration').select(['name', 'timestamp']).execute();
  // Only a database that needs it is written to, so opening one never waits on another writer for nothing.
  if ((await recorded()).some((r) => r.name in FORMER_NAMES)) {
    await db.transaction().execute(async (trx) => {
      for (const [former, now] of Object.entries(FORMER_NAMES)) {
        await trx.updateTable('kysely_migration').set({ name: now }).where('name', '=', former).execute();
      }
    });
  }

  const eraRecorded = async () => (await recorded()).filter((r) => UNORDERED_ERA.includes(r.name));
  const era = inRunOrder(await eraRecorded());
  if (era.every((r, i) => r.name === UNORDERED_ERA[i])) return;

  const eraMigrations = Object.fromEntries(UNORDERED_ERA.map((name) => [name, migrations[name]!]));
  const migrator = new Migrator({ db, provider: { getMigrations: async () => eraMigrations }, allowUnorderedMigrations: true });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new AppError('INTERNAL', `Database migration ${failed} failed: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }

  // The first run's timestamp is kept; the others follow it a millisecond apart in name order.
  const first = Math.min(...(await eraRecorded()).map((r) => new Date(r.timestamp).getTime()));
  await db.transaction().execute(async (trx) => {
    for (const [i, name] of UNORDERED_ERA.entries()) {
      await trx
        .updateTable('kysely_migration')
        .set({ timestamp: new Date(first + i).toISOString() })
        .where('name', '=', name)
        .execute();
    }
  });
}
