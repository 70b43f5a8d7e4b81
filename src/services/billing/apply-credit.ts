import type { z } from 'zod';
import { parseInput } from '../../contract/common.js';
import { applyCreditInput } from '../../contract/money.js';
import { newId } from '../../db/ids.js';
import { AppError, invalid, notFound } from '../../domain/errors.js';
import { formatPounds } from '../../domain/money/pence.js';
import type { FunderKind } from '../../domain/vocabulary.js';
import { requirePermission } from '../access.js';
import { appendAudit } from '../audit/append-audit.js';
import { nowIso, type ServiceContext } from '../context.js';
import { findInvoice } from './invoice-view.js';
import { reduceOutstanding } from './invoice-balance.js';
import { syncChaseTasks } from './money-tasks.js';
import { assertPayable } from './payment-payer.js';
import { getPayment } from './get-payment.js';

/** Uses a payer's credit (an earlier over-payment) against one of their invoices. */
export async function applyCredit(ctx: ServiceContext, paymentId: string, input: z.input<typeof applyCreditInput>) {
  requirePermission(ctx.actor, 'payments.record');
  const data = parseInput(applyCreditInput, input);
  await ctx.db.transaction().execute(async (trx) => {
    const p = await trx.selectFrom('payments').selectAll().where('id', '=', paymentId).executeTakeFirst();
    if (!p) throw notFound('payment', paymentId);
    const credit = Number(p.unallocated_pence);
    if (credit === 0) throw invalid('This payment has no credit left to use.', 'amount_pence');
    const inv = await findInvoice(trx, ctx, data.invoice);
    assertPayable(inv, { kind: p.payer_kind as FunderKind, org: p.payer_org_id, client: p.client_id, name: p.payer_name });
    const amount = data.amount_pence ?? Math.min(credit, Number(inv.outstanding_pence));
    if (amount > credit) throw invalid(`${formatPounds(amount)} is more than the ${formatPounds(credit)} credit left on this payment.`, 'amount_pence');
    if (amount > Number(inv.outstanding_pence))
      throw invalid(`${formatPounds(amount)} is more than the ${formatPounds(Number(inv.outstanding_pence))} owed on ${inv.number}.`, 'amount_pence');
    const r = await trx
      .updateTable('payments')
      .set((eb) => ({ unallocated_pence: eb('unallocated_pence', '-', amount) }))
      .where('id', '=', p.id)
      .where('unallocated_pence', '>=', amount)
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) !== 1) throw new AppError('CONFLICT', 'The credit changed meanwhile: try again.');
    await trx
      .insertInto('payment_allocations')
      .values({ id: newId(), payment_id: p.id, invoice_id: inv.id, amount_pence: amount, allocated_on: ctx.clock.today(), created_at: nowIso(ctx) })
      .execute();
    await reduceOutstanding(trx, inv.id, 'paid_pence', amount, inv.number);
    await syncChaseTasks(trx, ctx, { invoiceIds: [inv.id] });
    await appendAudit(trx, ctx, { action: 'update', entity: 'payment', entity_id: p.id, client_id: inv.client_id, detail: `credit to ${inv.number}` });
  });
  return getPayment(ctx, paymentId);
}
