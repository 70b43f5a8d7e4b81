import type { z } from 'zod';
import { parseInput } from '../../contract/common.js';
import { creditNoteInput } from '../../contract/money.js';
import { newId } from '../../db/ids.js';
import { formatUkDate } from '../../domain/calendar/local-date.js';
import { invalid } from '../../domain/errors.js';
import { formatPounds } from '../../domain/money/pence.js';
import { requirePermission } from '../access.js';
import { appendAudit } from '../audit/append-audit.js';
import { actorUserId, nowIso, type ServiceContext } from '../context.js';
import { findInvoice } from './invoice-view.js';
import { nextInvoiceNumber } from './money-settings.js';
import { syncChaseTasks } from './money-tasks.js';
import { reduceOutstanding } from './invoice-balance.js';
import { getInvoice } from './get-invoice.js';

export async function issueCreditNote(ctx: ServiceContext, ref: string, input: z.input<typeof creditNoteInput>) {
  requirePermission(ctx.actor, 'credit_notes.issue');
  const data = parseInput(creditNoteInput, input);
  const on = data.on ?? ctx.clock.today();
  const id = await ctx.db.transaction().execute(async (trx) => {
    const inv = await findInvoice(trx, ctx, ref);
    if (inv.status === 'void' || inv.kind !== 'invoice')
      throw invalid(`${inv.number} is ${inv.status === 'void' ? 'void' : 'a credit note'}: nothing to credit.`);
    if (data.amount_pence > Number(inv.outstanding_pence))
      throw invalid(
        `A credit of ${formatPounds(data.amount_pence)} is more than the ${formatPounds(Number(inv.outstanding_pence))} owed on ${inv.number}.`,
        'amount_pence',
      );
    const id = newId();
    const number = await nextInvoiceNumber(trx, 'credit_note', '');
    await trx
      .insertInto('invoices')
      .values({
        id,
        number,
        kind: 'credit_note',
        credits_invoice_id: inv.id,
        client_id: inv.client_id,
        case_id: inv.case_id,
        authorisation_id: inv.authorisation_id,
        payer_kind: inv.payer_kind,
        payer_org_id: inv.payer_org_id,
        payer_name: inv.payer_name,
        issued_on: on,
        due_on: null,
        status: 'issued',
        deferred: 0,
        total_pence: data.amount_pence,
        paid_pence: 0,
        credited_pence: 0,
        written_off_pence: 0,
        outstanding_pence: 0,
        membership_number: inv.membership_number,
        authorisation_code: inv.authorisation_code,
        client_dob: inv.client_dob,
        treatment_from: inv.treatment_from,
        treatment_to: inv.treatment_to,
        override_reason: null,
        notes: data.reason,
        voided_on: null,
        void_reason: null,
        created_by: actorUserId(ctx.actor),
        created_at: nowIso(ctx),
      })
      .execute();
    await trx
      .insertInto('invoice_lines')
      .values({
        id: newId(),
        invoice_id: id,
        position: 1,
        kind: 'other',
        session_id: null,
        on_date: on,
        description: `Credit against invoice ${inv.number} dated ${formatUkDate(inv.issued_on)}: ${data.reason}`,
        quantity_hundredths: 100,
        unit_pence: data.amount_pence,
        amount_pence: data.amount_pence,
      })
      .execute();
    await reduceOutstanding(trx, inv.id, 'credited_pence', data.amount_pence, inv.number);
    await syncChaseTasks(trx, ctx, { invoiceIds: [inv.id] });
    await appendAudit(trx, ctx, {
      action: 'create',
      entity: 'credit_note',
      entity_id: id,
      client_id: inv.client_id,
      detail: `${number} against ${inv.number}`,
    });
    return id;
  });
  return getInvoice(ctx, id);
}
