import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { LOCK_FILE, MIGRATIONS_DIR, lockNewMigrations, lockProblems, readLock } from '../../scripts/migrations-lock.js';
import { KNOWN_MIGRATIONS } from '../../src/db/connect.js';

const root = join(import.meta.dirname, '..', '..');

describe('the migrations lock', () => {
  it('holds every committed migration, unchanged since it was locked', () => {
    expect(lockProblems(root)).toEqual([]);
    expect(Object.keys(readLock(root).migrations)).toEqual(KNOWN_MIGRATIONS);
  });

  describe('on a copy of the migrations', () => {
    let copy: string;
    afterEach(() => rmSync(copy, { recursive: true, force: true }));

    function copyMigrations(): string {
      copy = mkdtempSync(join(tmpdir(), 'steve-lock-'));
      cpSync(join(root, MIGRATIONS_DIR), join(copy, MIGRATIONS_DIR), { recursive: true });
      return copy;
    }

    it('an edited migration fails, saying to add a new migration instead, and the lock script will not accept it', () => {
      const dir = copyMigrations();
      const file = join(dir, MIGRATIONS_DIR, '0006-referrals.ts');
      writeFileSync(file, readFileSync(file, 'utf8').replace("'ack_days', 'integer'", "'ack_days', 'text'"));

      expect(lockProblems(dir)).toEqual([expect.stringMatching(/^Migration 0006-referrals has changed since it was locked\..*add a new migration instead\.$/)]);
      const before = readFileSync(join(dir, LOCK_FILE), 'utf8');
      expect(lockNewMigrations(dir).problems).toHaveLength(1);
      expect(readFileSync(join(dir, LOCK_FILE), 'utf8')).toBe(before);
    });

    it('a new migration missing from the lock fails until the lock script adds it, and only it', () => {
      const dir = copyMigrations();
      writeFileSync(join(dir, MIGRATIONS_DIR, '0099-something-new.ts'), 'export async function up(): Promise<void> {}\n');

      expect(lockProblems(dir)).toEqual([
        'Migration 0099-something-new is not in src/db/migrations/migrations.lock.json: run `npm run migrations:lock` to add it.',
      ]);
      expect(lockNewMigrations(dir)).toEqual({ added: ['0099-something-new'], problems: [] });
      expect(lockProblems(dir)).toEqual([]);
      const { migrations } = readLock(dir);
      expect(Object.keys(migrations)).toEqual([...KNOWN_MIGRATIONS, '0099-something-new']);
      expect(Object.entries(migrations).slice(0, -1)).toEqual(Object.entries(readLock(root).migrations));
    });

    it('a deleted migration fails', () => {
      const dir = copyMigrations();
      rmSync(join(dir, MIGRATIONS_DIR, '0003-calendar-feed.ts'));
      expect(lockProblems(dir)).toEqual([
        expect.stringContaining('Migration 0003-calendar-feed is in src/db/migrations/migrations.lock.json but its file is gone'),
      ]);
    });
  });
});
