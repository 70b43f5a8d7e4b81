/**
 * The payment position: aged debt per payer in buckets by days past due,
 * owed by client, debtor days, deferred-to-settlement fees held apart, and credits held.
 * Sums are done by the database over the indexed outstanding invoices, so the cost follows
 * what is owed, not the practice's history.
 */
import { sql } from 'kysely';
import { parseInput } from '../../contract/common.js';
import { agedDebtInput } from '../../contract/money.js';
import { addDays, formatUkDate, type LocalDate } from '../../domain/calendar/local-date.js';
import { invalid } from '../../domain/errors.js';
import { BUCKETS, bucketFloors, debtorDays, emptyBuckets, type BucketTotals } from '../../domain/money/aged-debt.js';
import { requirePermission } from '../access.js';
import type { ServiceContext } from '../context.js';
import { payerKindOfOrg } from './create-invoice.js';

export interface PayerDebt extends BucketTotals {
  payer_key: string;
  payer_kind: string;
  payer_org_id: string | null;
  payer_name: string;
  invoices: number;
}

export async function agedDebt(ctx: ServiceContext, input: { as_of?: string; clients_limit?: number } = {}) {
  requirePermission(ctx.actor, 'debts.read');
  const opts = parseInput(agedDebtInput, input);
  const today = (opts.as_of ?? ctx.clock.today()) as LocalDate;
  if (today > ctx.clock.today()) throw invalid(`Aged debt cannot be shown as of a future day (${formatUkDate(today)}).`, 'as_of');
  const f = bucketFloors(today);
  const n = (x: unknown) => Number(x ?? 0);
  const bucketSums = [
    sql<number>`sum(case when due_on >= ${f.current} then outstanding_pence else 0 end)`.as('current'),
    sql<number>`sum(case when due_on < ${f.current} and due_on >= ${f.days_1_30} then outstanding_pence else 0 end)`.as('days_1_30'),
    sql<number>`sum(case when due_on < ${f.days_1_30} and due_on >= ${f.days_31_60} then outstanding_pence else 0 end)`.as('days_31_60'),
    sql<number>`sum(case when due_on < ${f.days_31_60} and due_on >= ${f.days_61_90} then outstanding_pence else 0 end)`.as('days_61_90'),
    sql<number>`sum(case when due_on < ${f.days_61_90} then outstanding_pence else 0 end)`.as('days_90_plus'),
    sql<number>`sum(outstanding_pence)`.as('total'),
    sql<number>`count(*)`.as('invoices'),
  ];
  // Written as literals so both planners can use the partial index invoices_owed_idx (migration 0004).
  const owing = () => ctx.db.selectFrom('invoices').where(sql<boolean>`status = 'issued' and kind = 'invoice' and outstanding_pence > 0`);

  const [orgRows, selfPay, deferredRows, clientRows, invoicedYear, credits] = await Promise.all([
    owing()
      .where('deferred', '=', 0)
      .where('payer_org_id', 'is not', null)
      .select(['payer_org_id', ...bucketSums])
      .groupBy('payer_org_id')
      .execute(),
    owing()
      .where('deferred', '=', 0)
      .where('payer_org_id', 'is', null)
      .select([...bucketSums, sql<number>`count(distinct client_id)`.as('clients')])
      .executeTakeFirst(),
    owing()
      .where('deferred', '=', 1)
      .select(['payer_org_id', sql<number>`sum(outstanding_pence)`.as('total'), sql<number>`count(*)`.as('invoices')])
      .groupBy('payer_org_id')
      .execute(),
    owing()
      .where('deferred', '=', 0)
      .select(['client_id', sql<number>`sum(outstanding_pence)`.as('total'), sql<string>`min(due_on)`.as('oldest_due_on')])
      .groupBy('client_id')
      .orderBy(sql`sum(outstanding_pence)`, 'desc')
      .orderBy('client_id')
      .limit(opts.clients_limit ?? 20)
      .execute(),
    ctx.db
      .selectFrom('invoices')
      .where(sql<boolean>`status = 'issued' and kind = 'invoice'`)
      .where('issued_on', '>', addDays(today, -365))
      .where('issued_on', '<=', today)
      .select(sql<number>`sum(total_pence)`.as('t'))
      .executeTakeFirst(),
    ctx.db
      .selectFrom('payments')
      .where('unallocated_pence', '>', 0)
      .select(['payer_name', 'payer_org_id', 'client_id', sql<number>`sum(unallocated_pence)`.as('total')])
      .groupBy(['payer_name', 'payer_org_id', 'client_id'])
      .execute(),
  ]);
  const names = new Map(
    clientRows.length === 0
      ? []
      : (
          await ctx.db
            .selectFrom('clients')
            .select(['id', 'name'])
            .where(
              'id',
              'in',
              clientRows.map((r) => r.client_id),
            )
            .execute()
        ).map((c) => [c.id, c.name] as const),
  );
  // Payer names from the organisations (a handful of rows), not from each invoice, so the sums stay inside the index.
  const orgIds = [...new Set([...orgRows, ...deferredRows].map((r) => r.payer_org_id).filter((x): x is string => x !== null))];
  const orgs = new Map(
    orgIds.length === 0
      ? []
      : (await ctx.db.selectFrom('organisations').select(['id', 'name', 'kind']).where('id', 'in', orgIds).execute()).map((o) => [o.id, o] as const),
  );
  const toBuckets = (r: Record<string, unknown>): BucketTotals => {
    const b = emptyBuckets();
    for (const k of BUCKETS) b[k] = n(r[k]);
    b.total = n(r.total);
    return b;
  };
  const payers: PayerDebt[] = orgRows.map((r) => ({
    payer_key: r.payer_org_id!,
    payer_kind: payerKindOfOrg(orgs.get(r.payer_org_id!)?.kind ?? 'other'),
    payer_org_id: r.payer_org_id,
    payer_name: orgs.get(r.payer_org_id!)?.name ?? '',
    invoices: n(r.invoices),
    ...toBuckets(r),
  }));
  if (selfPay && n(selfPay.total) > 0) {
    payers.push({
      payer_key: 'self_pay',
      payer_kind: 'self_pay',
      payer_org_id: null,
      payer_name: `Clients paying privately (${n(selfPay.clients)})`,
      invoices: n(selfPay.invoices),
      ...toBuckets(selfPay),
    });
  }
  payers.sort((a, b) => b.total - a.total || a.payer_name.localeCompare(b.payer_name));
  const totals = emptyBuckets();
  for (const p of payers) for (const k of [...BUCKETS, 'total'] as const) totals[k] += p[k];
  const deferredTotal = deferredRows.reduce((t, r) => t + n(r.total), 0);
  return {
    as_of: today,
    payers,
    ...totals,
    debtor_days: debtorDays(totals.total, n(invoicedYear?.t)),
    by_client: clientRows.map((r) => ({
      client_id: r.client_id,
      client_name: names.get(r.client_id) ?? '',
      total: n(r.total),
      oldest_due_on: r.oldest_due_on,
    })),
    deferred: {
      total: deferredTotal,
      invoices: deferredRows.reduce((t, r) => t + n(r.invoices), 0),
      by_payer: deferredRows.map((r) => ({
        payer_org_id: r.payer_org_id,
        payer_name: r.payer_org_id ? (orgs.get(r.payer_org_id)?.name ?? '') : 'Clients paying privately',
        total: n(r.total),
        invoices: n(r.invoices),
      })),
    },
    credits: {
      total: credits.reduce((t, r) => t + n(r.total), 0),
      by_payer: credits.map((r) => ({ payer_name: r.payer_name, payer_org_id: r.payer_org_id, client_id: r.client_id, total: n(r.total) })),
    },
  };
}
