/**
 * Frozen. What a signature shows: a user's qualifications and professional body memberships
 * (beside the HCPC number they already carry), and on each signed document version a snapshot
 * of the signer as they were at signing, so a signed document reads the same after the
 * signer's details change.
 */
import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('users').addColumn('qualifications', 'text').execute();
  await db.schema.alterTable('users').addColumn('professional_bodies', 'text').execute();
  await db.schema.alterTable('document_versions').addColumn('signature', 'text').execute();
}
