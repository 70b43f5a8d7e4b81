/**
 * Every migration, listed statically (no directory scanning, so a bundled CLI still finds them).
 * Forward-only and strictly ordered: append a new file with the next number, never edit, rename
 * or reorder one (migrations.lock.json holds each file's checksum, and a test compares them).
 * The names are stored in kysely_migration.
 */
import type { Migration } from 'kysely';
import * as m0001 from './0001-initial.js';
import * as m0002 from './0002-deadline-engine.js';
import * as m0003 from './0003-calendar-feed.js';
import * as m0004 from './0004-http-indexes.js';
import * as m0005 from './0005-money.js';
import * as m0006 from './0006-referrals.js';
import * as m0007 from './0007-documents.js';
import * as m0008 from './0008-inbox.js';
import * as m0009 from './0009-briefing-index.js';
import * as m0010 from './0010-converge-edited-migrations.js';
import * as m0011 from './0011-signatures.js';
import * as m0012 from './0012-password-resets.js';
import * as m0013 from './0013-triage-corrections.js';
import * as m0014 from './0014-task-events.js';

export const MIGRATIONS: Readonly<Record<string, Migration>> = {
  '0001-initial': m0001,
  '0002-deadline-engine': m0002,
  '0003-calendar-feed': m0003,
  '0004-http-indexes': m0004,
  '0005-money': m0005,
  '0006-referrals': m0006,
  '0007-documents': m0007,
  '0008-inbox': m0008,
  '0009-briefing-index': m0009,
  '0010-converge-edited-migrations': m0010,
  '0011-signatures': m0011,
  '0012-password-resets': m0012,
  '0013-triage-corrections': m0013,
  '0014-task-events': m0014,
};

/**
 * Migrations that change no exported row (indexes, and columns a release already exported), so
 * a practice export made before them imports as it is.
 */
export const ROW_NEUTRAL_MIGRATIONS: readonly string[] = ['0010-converge-edited-migrations'];
