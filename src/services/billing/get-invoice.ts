import type { ServiceContext } from '../context.js';
import { findInvoice, presentInvoice } from './invoice-view.js';

export async function getInvoice(ctx: ServiceContext, ref: string) {
  const today = ctx.clock.today();
  const inv = await findInvoice(ctx.db, ctx, ref);
  const [lines, allocations, writeOffs, creditNotes, client] = await Promise.all([
    ctx.db.selectFrom('invoice_lines').selectAll().where('invoice_id', '=', inv.id).orderBy('position').execute(),
    ctx.db
      .selectFrom('payment_allocations')
      .innerJoin('payments', 'payments.id', 'payment_allocations.payment_id')
      .select([
        'payment_allocations.id',
        'payment_allocations.payment_id',
        'payment_allocations.amount_pence',
        'payment_allocations.allocated_on',
        'payments.received_on',
        'payments.reference',
        'payments.method',
      ])
      .where('payment_allocations.invoice_id', '=', inv.id)
      .orderBy('payment_allocations.allocated_on')
      .orderBy('payment_allocations.id')
      .execute(),
    ctx.db.selectFrom('write_offs').selectAll().where('invoice_id', '=', inv.id).orderBy('on_date').execute(),
    ctx.db
      .selectFrom('invoices')
      .select(['id', 'number', 'issued_on', 'total_pence', 'notes'])
      .where('credits_invoice_id', '=', inv.id)
      .orderBy('number')
      .execute(),
    ctx.db.selectFrom('clients').select(['address', 'postcode']).where('id', '=', inv.client_id).executeTakeFirst(),
  ]);
  const num = <T extends Record<string, unknown>>(r: T, keys: (keyof T)[]) => ({ ...r, ...Object.fromEntries(keys.map((k) => [k, Number(r[k])])) });
  return {
    ...presentInvoice(inv, today),
    client_address: client?.address ?? '',
    client_postcode: client?.postcode ?? '',
    lines: lines.map((l) => num(l, ['position', 'quantity_hundredths', 'unit_pence', 'amount_pence'])),
    payments: allocations.map((a) => num(a, ['amount_pence'])),
    write_offs: writeOffs.map((w) => num(w, ['amount_pence'])),
    credit_notes: creditNotes.map((cn) => num(cn, ['total_pence'])),
  };
}
