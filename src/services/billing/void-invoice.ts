/** Voiding keeps the invoice's number (numbers are never reused) and frees its sessions to be billed again. */
import type { z } from 'zod';
import { parseInput } from '../../contract/common.js';
import { voidInvoiceInput } from '../../contract/money.js';
import { AppError, invalid } from '../../domain/errors.js';
import { formatPounds } from '../../domain/money/pence.js';
import { requirePermission } from '../access.js';
import { appendAudit } from '../audit/append-audit.js';
import type { ServiceContext } from '../context.js';
import { findInvoice } from './invoice-view.js';
import { syncChaseTasks, syncInvoiceDeadlineTasks } from './money-tasks.js';
import { getInvoice } from './get-invoice.js';

export async function voidInvoice(ctx: ServiceContext, ref: string, input: z.input<typeof voidInvoiceInput>) {
  requirePermission(ctx.actor, 'invoices.void');
  const data = parseInput(voidInvoiceInput, input);
  const id = await ctx.db.transaction().execute(async (trx) => {
    const inv = await findInvoice(trx, ctx, ref);
    if (inv.status === 'void') throw new AppError('CONFLICT', `${inv.number} is already void.`);
    if (inv.kind === 'credit_note') throw invalid(`${inv.number} is a credit note: it cannot be voided.`);
    const touched = Number(inv.paid_pence) + Number(inv.credited_pence) + Number(inv.written_off_pence);
    if (touched > 0)
      throw new AppError(
        'CONFLICT',
        `${inv.number} has ${formatPounds(touched)} paid, credited or written off: issue a credit note for the rest instead of voiding it.`,
      );
    await trx
      .updateTable('invoices')
      .set({ status: 'void', voided_on: data.on ?? ctx.clock.today(), void_reason: data.reason, outstanding_pence: 0 })
      .where('id', '=', inv.id)
      .execute();
    if (inv.case_id) await syncInvoiceDeadlineTasks(trx, ctx, [inv.case_id]);
    await syncChaseTasks(trx, ctx, { invoiceIds: [inv.id] });
    await appendAudit(trx, ctx, { action: 'void', entity: 'invoice', entity_id: inv.id, client_id: inv.client_id, detail: inv.number });
    return inv.id;
  });
  return getInvoice(ctx, id);
}
