/**
 * Invoices after they are raised: reading them, voiding (number kept, sessions free to bill
 * again), credit notes and write-offs. Every change to what an invoice owes updates its
 * outstanding amount in the same transaction, guarded so it can never go below zero.
 */
import type { z } from 'zod';
import { parseInput } from '../../contract/common.js';
import { creditNoteInput, listInvoicesInput, voidInvoiceInput, writeOffInput, type ListInvoicesInput } from '../../contract/money.js';
import { newId } from '../../db/ids.js';
import { formatUkDate } from '../../domain/calendar/local-date.js';
import { AppError, invalid } from '../../domain/errors.js';
import { formatPounds } from '../../domain/money/pence.js';
import { requirePermission } from '../access.js';
import { appendAudit } from '../audit/append-audit.js';
import { actorUserId, nowIso, type Db, type ServiceContext } from '../context.js';
import { findInvoice, invoiceQuery, presentInvoice } from './invoice-view.js';
import { nextInvoiceNumber } from './money-settings.js';
import { syncChaseTasks, syncInvoiceDeadlineTasks } from './money-tasks.js';

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

/** Takes an amount off what an invoice owes; refuses (and so rolls back) if it would go below zero. */
export async function reduceOutstanding(
  db: Db,
  invoiceId: string,
  column: 'paid_pence' | 'credited_pence' | 'written_off_pence',
  amount: number,
  number: string,
): Promise<void> {
  const r = await db
    .updateTable('invoices')
    .set((eb) => ({ [column]: eb(column, '+', amount), outstanding_pence: eb('outstanding_pence', '-', amount) }))
    .where('id', '=', invoiceId)
    .where('status', '=', 'issued')
    .where('outstanding_pence', '>=', amount)
    .executeTakeFirst();
  if (Number(r.numUpdatedRows) !== 1) throw new AppError('CONFLICT', `${formatPounds(amount)} is more than ${number} now owes.`);
}

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
