import { can, forbidden } from '../access.js';
import type { ServiceContext } from '../context.js';

export interface ListAuditOptions {
  client_id?: string;
  entity_id?: string;
  limit?: number;
  before_seq?: number;
}

/** Only the owner reads the audit log: it names every client anyone has touched. */
export async function listAudit(ctx: ServiceContext, opts: ListAuditOptions = {}) {
  if (!can(ctx.actor, 'audit.read')) throw forbidden('Only the practice owner can read the audit log.');
  let q = ctx.db
    .selectFrom('audit_events as a')
    .leftJoin('users as u', 'u.id', 'a.user_id')
    .select(['a.seq', 'a.at', 'a.user_id', 'u.name as user_name', 'a.action', 'a.entity', 'a.entity_id', 'a.client_id', 'a.detail'])
    .orderBy('a.seq', 'desc')
    .limit(Math.min(opts.limit ?? 200, 1000));
  if (opts.client_id) q = q.where('a.client_id', '=', opts.client_id);
  if (opts.entity_id) q = q.where('a.entity_id', '=', opts.entity_id);
  if (opts.before_seq) q = q.where('a.seq', '<', opts.before_seq);
  return q.execute();
}
