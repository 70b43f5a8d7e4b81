import type { z } from 'zod';
import { parseInput } from '../../contract/common.js';
import { writeOffInput } from '../../contract/money.js';
import { newId } from '../../db/ids.js';
import { invalid } from '../../domain/errors.js';
import { formatPounds } from '../../domain/money/pence.js';
import { requirePermission } from '../access.js';
import { appendAudit } from '../audit/append-audit.js';
import { actorUserId, nowIso, type ServiceContext } from '../context.js';
import { findInvoice } from './invoice-view.js';
import { syncChaseTasks } from './money-tasks.js';
import { reduceOutstanding } from './invoice-balance.js';
import { getInvoice } from './get-invoice.js';

export async function writeOffInvoice(ctx: ServiceContext, ref: string, input: z.input<typeof writeOffInput>) {
  requirePermission(ctx.actor, 'debts.write_off');
  const data = parseInput(writeOffInput, input);
  const id = await ctx.db.transaction().execute(async (trx) => {
    const inv = await findInvoice(trx, ctx, ref);
    if (inv.status === 'void' || inv.kind !== 'invoice')
      throw invalid(`${inv.number} is ${inv.status === 'void' ? 'void' : 'a credit note'}: nothing to write off.`);
    const owed = Number(inv.outstanding_pence);
    const amount = data.amount_pence ?? owed;
    if (owed === 0) throw invalid(`${inv.number} owes nothing.`);
    if (amount > owed) throw invalid(`Writing off ${formatPounds(amount)} is more than the ${formatPounds(owed)} owed on ${inv.number}.`, 'amount_pence');
    await trx
      .insertInto('write_offs')
      .values({
        id: newId(),
        invoice_id: inv.id,
        amount_pence: amount,
        on_date: data.on ?? ctx.clock.today(),
        reason: data.reason,
        created_by: actorUserId(ctx.actor),
        created_at: nowIso(ctx),
      })
      .execute();
    await reduceOutstanding(trx, inv.id, 'written_off_pence', amount, inv.number);
    await syncChaseTasks(trx, ctx, { invoiceIds: [inv.id] });
    await appendAudit(trx, ctx, { action: 'write_off', entity: 'invoice', entity_id: inv.id, client_id: inv.client_id, detail: inv.number });
    return inv.id;
  });
  return getInvoice(ctx, id);
}
