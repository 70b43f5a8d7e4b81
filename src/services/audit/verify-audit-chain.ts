import type { Db } from '../context.js';
import { auditHash, GENESIS_HASH } from './append-audit.js';

export interface ChainReport {
  events: number;
  intact: boolean;
  /** The first sequence number whose hash does not follow from the one before. */
  broken_at: number | null;
}

export async function verifyAuditChain(db: Db): Promise<ChainReport> {
  const rows = await db.selectFrom('audit_events').selectAll().orderBy('seq').execute();
  let prev = GENESIS_HASH;
  let expectedSeq = 1;
  for (const r of rows) {
    if (r.seq !== expectedSeq || r.prev_hash !== prev || auditHash(prev, r) !== r.hash) {
      return { events: rows.length, intact: false, broken_at: r.seq };
    }
    prev = r.hash;
    expectedSeq++;
  }
  return { events: rows.length, intact: true, broken_at: null };
}
