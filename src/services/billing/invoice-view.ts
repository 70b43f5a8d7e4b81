/** Reading invoices: one query shape for lists and details, and the state a person reads. */
import { daysBetween, type LocalDate } from '../../domain/calendar/local-date.js';
import { AppError } from '../../domain/errors.js';
import type { Invoice } from './types.js';
import { inCaseload, seesAllClients } from '../access.js';
import type { Db, ServiceContext } from '../context.js';

export type InvoiceState = 'void' | 'credit_note' | 'paid' | 'deferred' | 'overdue' | 'part_paid' | 'unpaid' | 'settled_otherwise';

export function invoiceState(i: Pick<Invoice, 'status' | 'kind' | 'outstanding_pence' | 'paid_pence' | 'deferred' | 'due_on'>, today: string): InvoiceState {
  if (i.status === 'void') return 'void';
  if (i.kind === 'credit_note') return 'credit_note';
  if (Number(i.outstanding_pence) <= 0) return Number(i.paid_pence) > 0 ? 'paid' : 'settled_otherwise';
  if (Number(i.deferred) === 1) return 'deferred';
  if (i.due_on && i.due_on < today) return 'overdue';
  return Number(i.paid_pence) > 0 ? 'part_paid' : 'unpaid';
}

export function presentInvoice(i: Invoice & { client_name: string }, today: string) {
  const state = invoiceState(i, today);
  // Every amount leaves as a number, whatever type the database driver read it as.
  return {
    ...i,
    total_pence: Number(i.total_pence),
    paid_pence: Number(i.paid_pence),
    credited_pence: Number(i.credited_pence),
    written_off_pence: Number(i.written_off_pence),
    outstanding_pence: Number(i.outstanding_pence),
    deferred: Number(i.deferred) === 1,
    state,
    days_overdue: state === 'overdue' && i.due_on ? daysBetween(i.due_on as LocalDate, today as LocalDate) : 0,
  };
}

export function invoiceQuery(db: Db, ctx: ServiceContext) {
  let q = db.selectFrom('invoices').innerJoin('clients', 'clients.id', 'invoices.client_id').selectAll('invoices').select('clients.name as client_name');
  if (!seesAllClients(ctx.actor) && ctx.actor.kind === 'user')
    q = q.where('invoices.client_id', 'in', db.selectFrom('clients').select('clients.id').where(inCaseload(ctx.actor.id)));
  return q;
}

/** By id or by number ("INV-000012"); an invoice outside a clinician's caseload is "not found". */
export async function findInvoice(db: Db, ctx: ServiceContext, ref: string) {
  const r = ref.trim();
  const row = await invoiceQuery(db, ctx)
    .where((eb) => eb.or([eb('invoices.id', '=', r), eb('invoices.number', '=', r)]))
    .executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', `No invoice ${r}.`);
  return row;
}
