/**
 * Every migration, listed statically (no directory scanning, so a bundled CLI still finds them).
 * Forward-only: append, never edit or reorder. The names are stored in kysely_migration.
 */
import type { Migration } from 'kysely';
import * as m0001 from './0001-initial.js';
import * as m0002 from './0002-deadline-engine.js';
import * as m0003 from './0003-calendar-feed.js';
import * as m0004 from './0004-http-indexes.js';
import * as m0004money from './0004-money.js';
import * as m0005 from './0005-referrals.js';
import * as m0006 from './0006-documents.js';
import * as m0007 from './0007-inbox.js';
import * as m0008 from './0008-briefing-index.js';

export const MIGRATIONS: Record<string, Migration> = {
  '0001-initial': m0001,
  '0002-deadline-engine': m0002,
  '0003-calendar-feed': m0003,
  '0004-http-indexes': m0004,
  '0004-money': m0004money,
  '0005-referrals': m0005,
  '0006-documents': m0006,
  '0007-inbox': m0007,
  '0008-briefing-index': m0008,
};
