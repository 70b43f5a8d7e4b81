/**
 * Payments and remittances. One payment may pay many invoices, across many
 * clients (an insurer's remittance). Each allocation is checked against what the invoice
 * owes; a payment larger than what it pays is refused unless the difference is explicitly
 * kept as the payer's credit, so money is never silently lost or silently parked.
 */
import type { z } from 'zod';
import { parseInput } from '../../contract/common.js';
import { applyCreditInput, recordPaymentInput, type RecordPaymentInput } from '../../contract/money.js';
import { newId } from '../../db/ids.js';
import { formatUkDate } from '../../domain/calendar/local-date.js';
import { AppError, invalid, notFound } from '../../domain/errors.js';
import { allocateExplicit, allocateOldestFirst, type OpenInvoice } from '../../domain/money/allocation.js';
import { formatPounds } from '../../domain/money/pence.js';
import type { FunderKind } from '../../domain/vocabulary.js';
import { requirePermission } from '../access.js';
import { appendAudit } from '../audit/append-audit.js';
import { actorUserId, nowIso, type Db, type ServiceContext } from '../context.js';
import { payerKindOfOrg } from './create-invoice.js';
import { findInvoice } from './invoice-view.js';
import { reduceOutstanding } from './invoices.js';
import { syncChaseTasks } from './money-tasks.js';
import type { Invoice } from './types.js';

interface Payer {
  kind: FunderKind;
  org: string | null;
  client: string | null;
  name: string;
}

function samePayer(inv: Pick<Invoice, 'payer_org_id' | 'payer_kind' | 'client_id'>, p: Payer): boolean {
  return p.org ? inv.payer_org_id === p.org : inv.payer_kind === 'self_pay' && inv.client_id === p.client;
}

function assertPayable(inv: Invoice, p: Payer): void {
  if (inv.status === 'void') throw invalid(`${inv.number} is void: it cannot be paid.`, 'allocations');
  if (inv.kind !== 'invoice') throw invalid(`${inv.number} is a credit note: it cannot be paid.`, 'allocations');
  if (!samePayer(inv, p)) throw invalid(`${inv.number} is billed to ${inv.payer_name}, not ${p.name}.`, 'allocations');
  if (Number(inv.outstanding_pence) === 0) throw invalid(`${inv.number} is already paid in full.`, 'allocations');
}

async function resolvePayer(
  db: Db,
  ctx: ServiceContext,
  data: { payer_org_id?: string | undefined; client_id?: string | undefined },
  first: Invoice | null,
): Promise<Payer> {
  if (data.payer_org_id && data.client_id) throw invalid('A payment comes from an organisation or a client, not both.', 'client_id');
  if (data.payer_org_id) {
    const org = await db.selectFrom('organisations').select(['id', 'name', 'kind']).where('id', '=', data.payer_org_id).executeTakeFirst();
    if (!org) throw invalid(`No organisation with id ${data.payer_org_id}.`, 'payer_org_id');
    return { kind: payerKindOfOrg(org.kind), org: org.id, client: null, name: org.name };
  }
  if (data.client_id) {
    const c = await db.selectFrom('clients').select(['id', 'name']).where('id', '=', data.client_id).executeTakeFirst();
    if (!c) throw invalid(`No client with id ${data.client_id}.`, 'client_id');
    return { kind: 'self_pay', org: null, client: c.id, name: c.name };
  }
  if (!first) throw invalid('Say who paid (payer_org_id or client_id) or which invoices the payment is for.', 'payer_org_id');
  return first.payer_org_id
    ? { kind: first.payer_kind as FunderKind, org: first.payer_org_id, client: null, name: first.payer_name }
    : { kind: 'self_pay', org: null, client: first.client_id, name: first.payer_name };
}

export async function recordPayment(ctx: ServiceContext, input: RecordPaymentInput) {
  const paymentId = await ctx.db.transaction().execute(async (trx) => recordPaymentIn(trx, ctx, input));
  return getPayment(ctx, paymentId);
}

/**
 * Records a payment inside the caller's transaction (the inbox applies a remittance with the
 * rest of its proposal). `explicitOnly`: no allocations means none, never oldest-first.
 */
export async function recordPaymentIn(trx: Db, ctx: ServiceContext, input: RecordPaymentInput, opts: { explicitOnly?: boolean } = {}): Promise<string> {
  requirePermission(ctx.actor, 'payments.record');
  const data = parseInput(recordPaymentInput, input);
  const receivedOn = data.received_on ?? ctx.clock.today();
  if (receivedOn > ctx.clock.today()) throw invalid(`The payment date ${formatUkDate(receivedOn)} is in the future.`, 'received_on');
  {
    const wanted: { invoice: Invoice; amount_pence: number }[] = [];
    for (const a of data.allocations ?? []) wanted.push({ invoice: await findInvoice(trx, ctx, a.invoice), amount_pence: a.amount_pence });
    const payer = await resolvePayer(trx, ctx, data, wanted[0]?.invoice ?? null);
    for (const w of wanted) assertPayable(w.invoice, payer);
    const open = (i: Invoice): OpenInvoice => ({
      id: i.id,
      number: i.number,
      due_on: i.due_on,
      issued_on: i.issued_on,
      outstanding_pence: Number(i.outstanding_pence),
    });
    let allocations: { invoice_id: string; number: string; amount_pence: number }[];
    let credit: number;
    if (wanted.length > 0) {
      const r = allocateExplicit(
        data.amount_pence,
        wanted.map((w) => ({ invoice: open(w.invoice), amount_pence: w.amount_pence })),
      );
      if (!r.ok) throw invalid(`${r.message} Nothing was recorded.`, r.field);
      allocations = r.allocations;
      credit = r.credit_pence;
    } else if (opts.explicitOnly) {
      allocations = [];
      credit = data.amount_pence;
    } else {
      let q = trx
        .selectFrom('invoices')
        .selectAll()
        .where('status', '=', 'issued')
        .where('kind', '=', 'invoice')
        .where('outstanding_pence', '>', 0)
        .where('deferred', '=', 0);
      q = payer.org ? q.where('payer_org_id', '=', payer.org) : q.where('payer_kind', '=', 'self_pay').where('client_id', '=', payer.client!);
      const r = allocateOldestFirst(data.amount_pence, (await q.execute()).map(open));
      allocations = r.allocations;
      credit = r.credit_pence;
    }
    if (credit > 0 && !data.keep_credit) {
      const paid = data.amount_pence - credit;
      throw invalid(
        `The payment of ${formatPounds(data.amount_pence)} is ${formatPounds(credit)} more than the ${formatPounds(paid)} it pays${allocations.length ? ` on ${allocations.map((a) => a.number).join(', ')}` : ' (nothing is owed)'}. Nothing was recorded. To keep ${formatPounds(credit)} as a credit for ${payer.name}, record it again with keep_credit (--keep-credit).`,
        'amount_pence',
      );
    }
    const id = newId();
    const now = nowIso(ctx);
    await trx
      .insertInto('payments')
      .values({
        id,
        received_on: receivedOn,
        payer_kind: payer.kind,
        payer_org_id: payer.org,
        client_id: payer.client,
        payer_name: payer.name,
        amount_pence: data.amount_pence,
        unallocated_pence: credit,
        method: data.method ?? 'bacs',
        reference: data.reference ?? '',
        notes: data.notes ?? '',
        created_by: actorUserId(ctx.actor),
        created_at: now,
      })
      .execute();
    for (const a of allocations) {
      await trx
        .insertInto('payment_allocations')
        .values({ id: newId(), payment_id: id, invoice_id: a.invoice_id, amount_pence: a.amount_pence, allocated_on: receivedOn, created_at: now })
        .execute();
      await reduceOutstanding(trx, a.invoice_id, 'paid_pence', a.amount_pence, a.number);
    }
    if (allocations.length > 0) await syncChaseTasks(trx, ctx, { invoiceIds: allocations.map((a) => a.invoice_id) });
    await appendAudit(trx, ctx, {
      action: 'create',
      entity: 'payment',
      entity_id: id,
      client_id: payer.client,
      detail: allocations.map((a) => a.number).join(','),
    });
    return id;
  }
}

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

export async function listPayments(ctx: ServiceContext, input: { payer_org_id?: string; client_id?: string; with_credit?: boolean; limit?: number } = {}) {
  requirePermission(ctx.actor, 'payments.read');
  let q = ctx.db.selectFrom('payments').selectAll().orderBy('received_on', 'desc').orderBy('id', 'desc');
  if (input.payer_org_id) q = q.where('payer_org_id', '=', input.payer_org_id);
  if (input.client_id) q = q.where('client_id', '=', input.client_id);
  if (input.with_credit) q = q.where('unallocated_pence', '>', 0);
  const rows = await q.limit(Math.min(input.limit ?? 200, 1000)).execute();
  return { payments: rows.map((p) => ({ ...p, amount_pence: Number(p.amount_pence), unallocated_pence: Number(p.unallocated_pence) })) };
}

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
