/**
 * One client's money position (the Money tab of a client's record): every invoice across
 * their cases, what the client owes personally (their own bills and their share of insured
 * treatment) apart from what payers owe on their behalf, credits they hold, each case's
 * authorisations and the sessions not yet billed. Visible to whoever sees the client (a
 * clinician only their caseload, so another clinician's client is "not found"); credits are
 * payment records, which only the owner and admin see.
 */
import { sql } from 'kysely';
import type { LocalDate } from '../../domain/calendar/local-date.js';
import { assertClientVisible, can } from '../access.js';
import type { ServiceContext } from '../context.js';
import { listAuthorisations } from '../sessions/authorisations.js';
import { invoiceQuery, presentInvoice } from './invoice-view.js';

/** Who an invoice's balance is owed by, from the client's point of view. */
export type InvoiceShare = 'member_share' | 'self_pay' | 'payer';

interface Owed {
  total: number;
  overdue: number;
  invoices: number;
}

const emptyOwed = (): Owed => ({ total: 0, overdue: 0, invoices: 0 });

export async function clientMoney(ctx: ServiceContext, clientId: string) {
  await assertClientVisible(ctx.db, ctx.actor, clientId);
  const today = ctx.clock.today() as LocalDate;
  const seesPayments = can(ctx.actor, 'payments.read');
  const [client, invoiceRows, caseRows, unbilledRows, creditRows, auths] = await Promise.all([
    ctx.db.selectFrom('clients').select(['id', 'name']).where('id', '=', clientId).executeTakeFirstOrThrow(),
    invoiceQuery(ctx.db, ctx)
      .where('invoices.client_id', '=', clientId)
      // The member's share of insured treatment is billed to the client with excess/shortfall lines.
      .select((eb) =>
        eb
          .exists(
            eb
              .selectFrom('invoice_lines')
              .select(sql`1`.as('one'))
              .whereRef('invoice_lines.invoice_id', '=', 'invoices.id')
              .where('invoice_lines.kind', 'in', ['shortfall', 'excess']),
          )
          .as('has_share_lines'),
      )
      .orderBy('invoices.issued_on', 'desc')
      .orderBy('invoices.number', 'desc')
      .execute(),
    ctx.db
      .selectFrom('cases')
      .leftJoin('organisations', 'organisations.id', 'cases.funder_org_id')
      .select([
        'cases.id',
        'cases.title',
        'cases.service_line',
        'cases.status',
        'cases.funder_kind',
        'cases.funder_org_id',
        'organisations.name as funder_name',
        'cases.opened_on',
      ])
      .where('cases.client_id', '=', clientId)
      .orderBy('cases.opened_on', 'desc')
      .orderBy('cases.id')
      .execute(),
    // Same rule as the case's sessions list: billable and on no issued invoice (share lines aside).
    ctx.db
      .selectFrom('sessions')
      .innerJoin('cases', 'cases.id', 'sessions.case_id')
      .select(['sessions.case_id', sql<number>`count(*)`.as('n'), sql<string>`min(sessions.on_date)`.as('first_on')])
      .where('cases.client_id', '=', clientId)
      .where('sessions.billable', '=', 1)
      .where((eb) =>
        eb.not(
          eb.exists(
            eb
              .selectFrom('invoice_lines')
              .innerJoin('invoices', 'invoices.id', 'invoice_lines.invoice_id')
              .select(sql`1`.as('one'))
              .whereRef('invoice_lines.session_id', '=', 'sessions.id')
              .where('invoices.status', '=', 'issued')
              .where('invoice_lines.kind', 'not in', ['shortfall', 'excess']),
          ),
        ),
      )
      .groupBy('sessions.case_id')
      .execute(),
    seesPayments
      ? ctx.db
          .selectFrom('payments')
          .select(['id', 'received_on', 'reference', 'method', 'amount_pence', 'unallocated_pence'])
          .where('client_id', '=', clientId)
          .where('unallocated_pence', '>', 0)
          .orderBy('received_on')
          .orderBy('id')
          .execute()
      : Promise.resolve(null),
    listAuthorisations(ctx, { client_id: clientId }),
  ]);

  const invoices = invoiceRows.map(({ has_share_lines, ...row }) => {
    const inv = presentInvoice(row, today);
    const share: InvoiceShare = inv.payer_org_id !== null || inv.payer_kind !== 'self_pay' ? 'payer' : Number(has_share_lines) ? 'member_share' : 'self_pay';
    return { ...inv, share };
  });

  const byClient = { ...emptyOwed(), member_share: 0, self_pay: 0 };
  const byPayer = new Map<string, Owed & { payer_name: string; payer_org_id: string | null; payer_kind: string; deferred: number }>();
  let payersOwed = emptyOwed();
  let deferred = 0;
  for (const i of invoices) {
    if (i.status !== 'issued' || i.kind !== 'invoice' || i.outstanding_pence <= 0) continue;
    const overdue = i.state === 'overdue' ? i.outstanding_pence : 0;
    if (i.share !== 'payer') {
      byClient.total += i.outstanding_pence;
      byClient.overdue += overdue;
      byClient.invoices += 1;
      byClient[i.share] += i.outstanding_pence;
      continue;
    }
    const key = i.payer_org_id ?? `${i.payer_kind}:${i.payer_name}`;
    const p = byPayer.get(key) ?? { ...emptyOwed(), payer_name: i.payer_name, payer_org_id: i.payer_org_id, payer_kind: i.payer_kind, deferred: 0 };
    byPayer.set(key, p);
    p.invoices += 1;
    // Fees deferred to settlement are not debt yet: held apart, as in the aged-debt report.
    if (i.deferred) {
      p.deferred += i.outstanding_pence;
      deferred += i.outstanding_pence;
      continue;
    }
    p.total += i.outstanding_pence;
    p.overdue += overdue;
    payersOwed = { total: payersOwed.total + i.outstanding_pence, overdue: payersOwed.overdue + overdue, invoices: payersOwed.invoices + 1 };
  }

  const unbilled = new Map(unbilledRows.map((r) => [r.case_id, { n: Number(r.n), first_on: r.first_on }] as const));
  const credits = creditRows && creditRows.map((p) => ({ ...p, amount_pence: Number(p.amount_pence), unallocated_pence: Number(p.unallocated_pence) }));
  return {
    client_id: client.id,
    client_name: client.name,
    as_of: today,
    owed_by_client: byClient,
    owed_by_payers: {
      ...payersOwed,
      deferred,
      payers: [...byPayer.values()].sort((a, b) => b.total + b.deferred - (a.total + a.deferred) || a.payer_name.localeCompare(b.payer_name)),
    },
    credits: credits && { total: credits.reduce((t, p) => t + p.unallocated_pence, 0), payments: credits },
    invoices,
    cases: caseRows.map((c) => ({
      case_id: c.id,
      title: c.title,
      service_line: c.service_line,
      status: c.status,
      funder_kind: c.funder_kind,
      funder_name: c.funder_name,
      unbilled_sessions: unbilled.get(c.id)?.n ?? 0,
      first_unbilled_on: unbilled.get(c.id)?.first_on ?? null,
      outstanding_pence: invoices
        .filter((i) => i.case_id === c.id && i.status === 'issued' && i.kind === 'invoice')
        .reduce((t, i) => t + i.outstanding_pence, 0),
      authorisations: auths.authorisations.filter((a) => a.case_id === c.id),
    })),
  };
}
