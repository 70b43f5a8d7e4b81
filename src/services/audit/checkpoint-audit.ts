/**
 * Records the chain's head outside the database after work that may have added events (each
 * request, each command). It only ever moves forward: a table that has lost its newest rows
 * must not overwrite the evidence that they existed.
 */
import type { ServiceDeps } from '../context.js';
import { KEYED_PREFIX } from './append-audit.js';
import { openHead, sealHead } from './audit-head.js';

export async function checkpointAudit(deps: Pick<ServiceDeps, 'db' | 'clock' | 'auditSeal'>): Promise<void> {
  const seal = deps.auditSeal;
  if (!seal) return;
  const last = await deps.db.selectFrom('audit_events').select(['seq', 'hash']).orderBy('seq', 'desc').limit(1).executeTakeFirst();
  if (!last) return;
  const key = seal.key();
  const text = await seal.readHead();
  const before = text === null ? null : openHead(key, text);
  if (before === 'forged') return;
  if (before && before.seq >= last.seq) return;
  let keyed_from = before?.keyed_from ?? null;
  if (keyed_from === null) {
    const first = await deps.db.selectFrom('audit_events').select('seq').where('hash', 'like', `${KEYED_PREFIX}%`).orderBy('seq').limit(1).executeTakeFirst();
    keyed_from = first?.seq ?? null;
  }
  await seal.writeHead(sealHead(key, { seq: last.seq, hash: last.hash, keyed_from, at: deps.clock.now().toISOString() }));
}
