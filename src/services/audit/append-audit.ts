/**
 * The audit trail: who did what to which record, when. Tamper-evident by a hash chain:
 * each event's hash covers its content and the previous event's hash, so editing or
 * deleting any row breaks verification from that row on (verify-audit-chain.ts).
 *
 * With an audit seal (the practice's own key, kept outside the database) each hash is an
 * HMAC, written `hmac-sha256:<hex>`, so whoever can edit rows cannot recompute the hashes;
 * without one (tests, a bare import) the hash is a plain SHA-256 as before.
 */
import { createHash, createHmac } from 'node:crypto';
import { sql } from 'kysely';
import { newId } from '../../db/ids.js';
import type { AuditSeal } from '../../ports/audit-seal.js';
import { actorUserId, nowIso, type Db, type ServiceContext } from '../context.js';

export interface AuditEntry {
  action: 'read' | 'create' | 'update' | 'delete' | 'sign_in' | 'sign_out' | 'sign_in_failed' | 'export' | 'import' | string;
  entity: string;
  entity_id?: string | null;
  client_id?: string | null;
  /** Field names and ids only: never clinical content or personal details (nothing sensitive in logs). */
  detail?: string;
}

export const GENESIS_HASH = '0'.repeat(64);
export const KEYED_PREFIX = 'hmac-sha256:';

export interface AuditContent {
  seq: number;
  at: string;
  user_id: string | null;
  action: string;
  entity: string;
  entity_id: string | null;
  client_id: string | null;
  detail: string;
}

const material = (prevHash: string, e: AuditContent): string =>
  [prevHash, e.seq, e.at, e.user_id ?? '', e.action, e.entity, e.entity_id ?? '', e.client_id ?? '', e.detail].join('\u001f');

export function auditHash(prevHash: string, e: AuditContent): string {
  return createHash('sha256').update(material(prevHash, e)).digest('hex');
}

export function keyedAuditHash(key: Buffer, prevHash: string, e: AuditContent): string {
  return KEYED_PREFIX + createHmac('sha256', key).update(material(prevHash, e)).digest('hex');
}

/** Call inside the transaction that makes the change, so the change and its record land together. */
export async function appendAudit(
  db: Db,
  ctx: Pick<ServiceContext, 'actor' | 'clock' | 'dialect'> & { auditSeal?: AuditSeal | undefined },
  entry: AuditEntry,
): Promise<void> {
  if (ctx.dialect === 'postgres') {
    // Serialise appends across servers sharing one database so the chain has no forks.
    await sql`select pg_advisory_xact_lock(7354201)`.execute(db);
  }
  const last = await db.selectFrom('audit_events').select(['seq', 'hash']).orderBy('seq', 'desc').limit(1).executeTakeFirst();
  const seq = (last?.seq ?? 0) + 1;
  const prev_hash = last?.hash ?? GENESIS_HASH;
  const row = {
    seq,
    at: nowIso(ctx),
    user_id: actorUserId(ctx.actor),
    action: entry.action,
    entity: entry.entity,
    entity_id: entry.entity_id ?? null,
    client_id: entry.client_id ?? null,
    detail: entry.detail ?? (ctx.actor.kind === 'system' ? ctx.actor.label : ''),
  };
  const hash = ctx.auditSeal ? keyedAuditHash(ctx.auditSeal.key(), prev_hash, row) : auditHash(prev_hash, row);
  await db
    .insertInto('audit_events')
    .values({ id: newId(), ...row, prev_hash, hash })
    .execute();
}
