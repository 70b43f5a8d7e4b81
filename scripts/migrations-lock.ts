/**
 * The migrations lock: each committed migration's name and a SHA-256 of its source file, so a
 * released migration that is edited (which old databases would never re-run) is caught. Read by
 * test/db/migrations-lock.test.ts; `npm run migrations:lock` adds new migrations to it.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const MIGRATIONS_DIR = join('src', 'db', 'migrations');
export const LOCK_FILE = join(MIGRATIONS_DIR, 'migrations.lock.json');
const MIGRATION_FILE = /^(\d{4}-[a-z0-9-]+)\.ts$/;

export interface MigrationsLock {
  /** Migration name → "sha256:<hex>" of its file. */
  migrations: Record<string, string>;
}

/** Line endings are normalised so a checkout with CRLF does not look like an edit. */
function checksum(source: string): string {
  return `sha256:${createHash('sha256').update(source.replace(/\r\n/g, '\n')).digest('hex')}`;
}

/** Every migration file under src/db/migrations, by name, in order, with its checksum. */
function migrationChecksums(root: string): Map<string, string> {
  const dir = join(root, MIGRATIONS_DIR);
  const names = readdirSync(dir)
    .map((f) => MIGRATION_FILE.exec(f)?.[1])
    .filter((n): n is string => n !== undefined)
    .sort();
  return new Map(names.map((n) => [n, checksum(readFileSync(join(dir, `${n}.ts`), 'utf8'))]));
}

export function readLock(root: string): MigrationsLock {
  const file = join(root, LOCK_FILE);
  if (!existsSync(file)) return { migrations: {} };
  return JSON.parse(readFileSync(file, 'utf8')) as MigrationsLock;
}

/** What differs between the migration files and the lock, each as a sentence saying what to do. */
export function lockProblems(root: string): string[] {
  const files = migrationChecksums(root);
  const locked = readLock(root).migrations;
  const problems: string[] = [];
  for (const [name, sum] of Object.entries(locked)) {
    const now = files.get(name);
    if (now === undefined) problems.push(`Migration ${name} is in ${LOCK_FILE} but its file is gone: a released migration must stay.`);
    else if (now !== sum)
      problems.push(
        `Migration ${name} has changed since it was locked. Databases that already ran it will never see the change: put the file back and add a new migration instead.`,
      );
  }
  for (const name of files.keys()) {
    if (!(name in locked)) problems.push(`Migration ${name} is not in ${LOCK_FILE}: run \`npm run migrations:lock\` to add it.`);
  }
  return problems;
}

/** Adds new migrations to the lock; never rewrites a locked one. Returns the names added. */
export function lockNewMigrations(root: string): { added: string[]; problems: string[] } {
  const files = migrationChecksums(root);
  const lock = readLock(root);
  const problems = lockProblems(root).filter((p) => !p.includes('is not in'));
  if (problems.length > 0) return { added: [], problems };
  const added = [...files.keys()].filter((n) => !(n in lock.migrations));
  const migrations = Object.fromEntries([...files].filter(([n]) => n in lock.migrations || added.includes(n)));
  writeFileSync(join(root, LOCK_FILE), `${JSON.stringify({ migrations } satisfies MigrationsLock, null, 2)}\n`);
  return { added, problems: [] };
}
