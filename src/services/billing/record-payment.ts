/**
 * Payments and remittances. One payment may pay many invoices, across many
 * clients (an insurer's remittance). Each allocation is checked against what the invoice
 * owes; a payment larger than what it pays is refused unless the difference is explicitly
 * kept as the payer's credit, so money is never silently lost or silently parked.
 */
import { parseInput } from '../../contract/common.js';
import { recordPaymentInput, type RecordPaymentInput } from '../../contract/money.js';
import { newId } from '../../db/ids.js';
import { formatUkDate } from '../../domain/calendar/local-date.js';
import { invalid } from '../../domain/errors.js';
import { allocateExplicit, allocateOldestFirst, type OpenInvoice } from '../../domain/money/allocation.js';
import { formatPounds } from '../../domain/money/pence.js';
import type { FunderKind } from '../../domain/vocabulary.js';
import { requirePermission } from '../access.js';
import { appendAudit } from '../audit/append-audit.js';
import { actorUserId, nowIso, type Db, type ServiceContext } from '../context.js';
import { payerKindOfOrg } from './create-invoice.js';
import { findInvoice } from './invoice-view.js';
import { reduceOutstanding } from './invoice-balance.js';
import { syncChaseTasks } from './money-tasks.js';
import type { Invoice } from './types.js';
import { type Payer, assertPayable } from './payment-payer.js';
import { getPayment } from './get-payment.js';

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
