/**
 * Consistent copies of a SQLite practice while it is in use. `VACUUM INTO` reads the database
 * in one transaction, so writers carry on and the copy is exactly the state at its start; an
 * encrypted database's copy is encrypted with the same key (SQLite3 Multiple Ciphers), and
 * SQLite's page-by-page backup API refuses to copy one into a plain file.
 */
import { existsSync } from 'node:fs';
import { sql, type Kysely } from 'kysely';
import { AppError } from '../domain/errors.js';
import type { Database } from './schema.js';

export async function copySqliteInto(db: Kysely<Database>, out: string): Promise<void> {
  if (existsSync(out)) throw new AppError('CONFLICT', `${out} already exists: choose another file, or move it away first.`);
  await sql`vacuum into ${out}`.execute(db);
}
