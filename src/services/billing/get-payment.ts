import { notFound } from '../../domain/errors.js';
import { requirePermission } from '../access.js';
import type { ServiceContext } from '../context.js';

export async function getPayment(ctx: ServiceContext, id: string) {
  requirePermission(ctx.actor, 'payments.read');
  const p = await ctx.db.selectFrom('payments').selectAll().where('id', '=', id).executeTakeFirst();
  if (!p) throw notFound('payment', id);
  const allocations = await ctx.db
    .selectFrom('payment_allocations')
    .innerJoin('invoices', 'invoices.id', 'payment_allocations.invoice_id')
    .innerJoin('clients', 'clients.id', 'invoices.client_id')
    .select([
      'payment_allocations.id',
      'payment_allocations.invoice_id',
      'invoices.number',
      'clients.name as client_name',
      'payment_allocations.amount_pence',
      'payment_allocations.allocated_on',
      'invoices.outstanding_pence',
    ])
    .where('payment_allocations.payment_id', '=', id)
    .orderBy('invoices.number')
    .execute();
  return {
    ...p,
    amount_pence: Number(p.amount_pence),
    unallocated_pence: Number(p.unallocated_pence),
    allocations: allocations.map((a) => ({ ...a, amount_pence: Number(a.amount_pence), outstanding_pence: Number(a.outstanding_pence) })),
  };
}
