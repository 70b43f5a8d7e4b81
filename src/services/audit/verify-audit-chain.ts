import type { Db } from '../context.js';
import { auditHash, GENESIS_HASH, KEYED_PREFIX, keyedAuditHash } from './append-audit.js';
import { openHead, type AuditHead } from './audit-head.js';

export interface ChainReport {
  events: number;
  intact: boolean;
  /** The first sequence number whose hash does not follow from the one before, or the first missing one. */
  broken_at: number | null;
  /** What is wrong, in words, when the chain is not intact. */
  problem?: string;
  /** The checkpoint compared against (kept outside the database), when there is one. */
  checkpoint?: { seq: number; at: string };
}

export interface ChainSeal {
  key: Buffer;
  /** The checkpoint file's text; null when there is none; undefined to skip the truncation check (an import). */
  head?: string | null;
}

/**
 * Walks the chain from the first event. With the practice's key, keyed events are checked too;
 * with its checkpoint, events from `keyed_from` on must be keyed (no quiet downgrade to plain
 * SHA-256 that anyone could recompute) and the table must still reach the checkpointed head.
 */
export async function verifyAuditChain(db: Db, seal?: ChainSeal): Promise<ChainReport> {
  const rows = await db.selectFrom('audit_events').selectAll().orderBy('seq').execute();
  const events = rows.length;
  let head: AuditHead | null = null;
  if (seal?.head) {
    const opened = openHead(seal.key, seal.head);
    if (opened === 'forged')
      return { events, intact: false, broken_at: null, problem: 'The checkpoint of the audit chain has been altered or was signed with another key.' };
    head = opened;
  }
  const checkpoint = head ? { checkpoint: { seq: head.seq, at: head.at } } : {};
  const broken = (seq: number, problem: string): ChainReport => ({ events, intact: false, broken_at: seq, problem, ...checkpoint });

  let prev = GENESIS_HASH;
  let expectedSeq = 1;
  for (const r of rows) {
    if (r.seq !== expectedSeq) return broken(r.seq, `Event ${expectedSeq} is missing before event ${r.seq}.`);
    if (r.prev_hash !== prev) return broken(r.seq, `Event ${r.seq} does not follow from the event before it.`);
    const keyed = r.hash.startsWith(KEYED_PREFIX);
    if (keyed && !seal) return broken(r.seq, `Event ${r.seq} is signed with the practice's audit key, which was not given.`);
    if (!keyed && head?.keyed_from && r.seq >= head.keyed_from) return broken(r.seq, `Event ${r.seq} should be signed with the audit key but is not.`);
    const expected = keyed ? keyedAuditHash(seal!.key, prev, r) : auditHash(prev, r);
    if (expected !== r.hash) return broken(r.seq, `Event ${r.seq} has been changed since it was written.`);
    prev = r.hash;
    expectedSeq++;
  }
  if (head) {
    if (events < head.seq) return broken(events + 1, `The newest events are missing: the checkpoint records ${head.seq}, the table holds ${events}.`);
    if (rows[head.seq - 1] && rows[head.seq - 1]!.hash !== head.hash) return broken(head.seq, `Event ${head.seq} is not the one the checkpoint recorded.`);
  } else if (seal && seal.head === null && rows.some((r) => r.hash.startsWith(KEYED_PREFIX))) {
    return { events, intact: false, broken_at: null, problem: 'The checkpoint of the audit chain is missing, so deleted newest events could not be noticed.' };
  }
  return { events, intact: true, broken_at: null, ...checkpoint };
}
