/** `steve audit verify` and GET /api/audit/verify: the chain checked with the practice's key and against its checkpoint. */
import { can, forbidden } from '../access.js';
import type { ServiceContext } from '../context.js';
import { verifyAuditChain, type ChainReport } from './verify-audit-chain.js';

export async function checkAuditTrail(ctx: ServiceContext): Promise<ChainReport> {
  if (!can(ctx.actor, 'audit.read')) throw forbidden('Only the practice owner can check the audit log.');
  const seal = ctx.auditSeal;
  return verifyAuditChain(ctx.db, seal ? { key: seal.key(), head: await seal.readHead() } : undefined);
}
