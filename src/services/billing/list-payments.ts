import { requirePermission } from '../access.js';
import type { ServiceContext } from '../context.js';

export async function listPayments(ctx: ServiceContext, input: { payer_org_id?: string; client_id?: string; with_credit?: boolean; limit?: number } = {}) {
  requirePermission(ctx.actor, 'payments.read');
  let q = ctx.db.selectFrom('payments').selectAll().orderBy('received_on', 'desc').orderBy('id', 'desc');
  if (input.payer_org_id) q = q.where('payer_org_id', '=', input.payer_org_id);
  if (input.client_id) q = q.where('client_id', '=', input.client_id);
  if (input.with_credit) q = q.where('unallocated_pence', '>', 0);
  const rows = await q.limit(Math.min(input.limit ?? 200, 1000)).execute();
  return { payments: rows.map((p) => ({ ...p, amount_pence: Number(p.amount_pence), unallocated_pence: Number(p.unallocated_pence) })) };
}
