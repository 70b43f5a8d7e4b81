/**
 * Frozen. A secret per-user calendar feed URL: only a SHA-256 of the token
 * is stored, so a database copy does not reveal live feed addresses; revoking clears it.
 */
import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('users').addColumn('calendar_token_hash', 'text').execute();
  await db.schema.createIndex('users_calendar_token_idx').on('users').column('calendar_token_hash').execute();
}
