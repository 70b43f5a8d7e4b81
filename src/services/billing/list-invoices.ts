import { parseInput } from '../../contract/common.js';
import { listInvoicesInput, type ListInvoicesInput } from '../../contract/money.js';
import type { ServiceContext } from '../context.js';
import { invoiceQuery, presentInvoice } from './invoice-view.js';

export async function listInvoices(ctx: ServiceContext, input: ListInvoicesInput = {}) {
  const opts = parseInput(listInvoicesInput, input);
  const today = ctx.clock.today();
  let q = invoiceQuery(ctx.db, ctx);
  if (opts.client_id) q = q.where('invoices.client_id', '=', opts.client_id);
  if (opts.case_id) q = q.where('invoices.case_id', '=', opts.case_id);
  if (opts.payer_org_id) q = q.where('invoices.payer_org_id', '=', opts.payer_org_id);
  const status = opts.status ?? 'all';
  if (status === 'void') q = q.where('invoices.status', '=', 'void');
  else if (status !== 'all') {
    q = q.where('invoices.status', '=', 'issued').where('invoices.kind', '=', 'invoice');
    if (status === 'paid') q = q.where('invoices.outstanding_pence', '=', 0);
    else q = q.where('invoices.outstanding_pence', '>', 0);
    if (status === 'deferred') q = q.where('invoices.deferred', '=', 1);
    if (status === 'outstanding' || status === 'overdue') q = q.where('invoices.deferred', '=', 0);
    if (status === 'overdue') q = q.where('invoices.due_on', '<', today);
  }
  const rows = await q
    .orderBy('invoices.issued_on', 'desc')
    .orderBy('invoices.number', 'desc')
    .limit(opts.limit ?? 200)
    .offset(opts.offset ?? 0)
    .execute();
  return { invoices: rows.map((r) => presentInvoice(r, today)) };
}
