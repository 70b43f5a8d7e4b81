/**
 * The demo practice's money: monthly invoices to insurers and instructing solicitors
 * from the attended sessions already written, the member's share (excess, shortfall) as its
 * own invoice, payments as remittances that each pay several invoices, some invoices part
 * paid, unpaid debt in every age bucket, and medico-legal fees deferred to settlement.
 * The current month's sessions stay unbilled, so there is always something to invoice.
 *
 * Rows are written directly (not through the services) with the demo's seeded ids and fixed
 * timestamps, so the same seed and day give the same ledger; chase tasks are left to the
 * first "bring chasers up to date". Only a bounded set of cases is billed, so a 50,000-client
 * build pays a fixed few hundred milliseconds for it.
 */
import type { Insertable } from 'kysely';
import type { InvoiceLinesTable, InvoicesTable, PaymentAllocationsTable, PaymentsTable } from '../../db/schema.js';
import { addDays, daysBetween, formatUkDate, type LocalDate } from '../../domain/calendar/local-date.js';
import { INSURED_KINDS, mileageAmount, sessionFee, splitInsuredFees } from '../../domain/money/billing.js';
import { formatQuantity, sumPence } from '../../domain/money/pence.js';
import type { Db } from '../context.js';
import { loadMoneySettings, termsDaysFor } from '../billing/money-settings.js';
import { bulkInsert } from './bulk-insert.js';
import { Rng } from './prng.js';

export interface DemoMoneyCounts {
  invoices: number;
  payments: number;
}

/** Cases billed, whatever the demo's size: enough for every screen, bounded for the big builds. */
const MAX_INSURED_CASES = 240;
const MAX_ML_CASES = 120;

const KIND_LABEL: Record<string, string> = {
  assessment: 'Assessment',
  therapy: 'Therapy session',
  review: 'Review',
  report_writing: 'Report writing',
  travel: 'Travel time',
  case_conference: 'Case conference',
  phone_call: 'Telephone consultation',
};

interface DemoSession {
  id: string;
  case_id: string;
  on_date: string;
  kind: string;
  attendance: string;
  duration_minutes: number;
  fee_pence: number | null;
  miles_hundredths: number;
  authorisation_id: string | null;
}

export async function addDemoMoney(trx: Db, opts: { seed: number; today: LocalDate; newId: () => string }): Promise<DemoMoneyCounts> {
  const rng = new Rng((opts.seed ^ 0x5e_a1ed) >>> 0);
  const today = opts.today;
  const monthStart = `${today.slice(0, 7)}-01`;
  const stamp = (d: string) => `${d}T10:00:00.000Z`;
  const settings = await loadMoneySettings(trx);
  const practice = await trx.selectFrom('practice').select(['invoice_prefix']).executeTakeFirstOrThrow();

  const caseCols = ['cases.id', 'cases.client_id', 'cases.funder_org_id', 'clients.name as client_name', 'clients.dob as client_dob'] as const;
  const insuredCases = await trx
    .selectFrom('cases')
    .innerJoin('clients', 'clients.id', 'cases.client_id')
    .select([...caseCols])
    .where('cases.funder_kind', '=', 'insurer')
    .where((eb) => eb.exists(eb.selectFrom('authorisations').select('authorisations.id').whereRef('authorisations.case_id', '=', 'cases.id')))
    .orderBy('cases.id')
    .limit(MAX_INSURED_CASES)
    .execute();
  const mlCases = await trx
    .selectFrom('cases')
    .innerJoin('clients', 'clients.id', 'cases.client_id')
    .innerJoin('medico_legal_instructions as m', 'm.case_id', 'cases.id')
    .select([...caseCols, 'm.id as ml_id', 'm.fee_basis', 'm.stage', 'm.settled_on', 'm.claim_reference'])
    .where('cases.funder_kind', '=', 'solicitor')
    .where('cases.funder_org_id', 'is not', null)
    .orderBy('cases.id')
    .limit(MAX_ML_CASES)
    .execute();
  const caseIds = [...insuredCases.map((c) => c.id), ...mlCases.map((c) => c.id)];
  if (caseIds.length === 0) return { invoices: 0, payments: 0 };

  const sessions: DemoSession[] = [];
  const auths: {
    id: string;
    case_id: string;
    insurer_org_id: string | null;
    membership_number: string;
    authorisation_code: string;
    per_session_limit_pence: number | null;
    total_limit_pence: number | null;
    excess_pence: number;
  }[] = [];
  for (let i = 0; i < caseIds.length; i += 500) {
    const chunk = caseIds.slice(i, i + 500);
    sessions.push(
      ...(await trx
        .selectFrom('sessions')
        .select(['id', 'case_id', 'on_date', 'kind', 'attendance', 'duration_minutes', 'fee_pence', 'miles_hundredths', 'authorisation_id'])
        .where('case_id', 'in', chunk)
        .where('billable', '=', 1)
        .where('on_date', '<', monthStart)
        .orderBy('case_id')
        .orderBy('on_date')
        .orderBy('id')
        .execute()),
    );
    auths.push(
      ...(await trx
        .selectFrom('authorisations')
        .select(['id', 'case_id', 'insurer_org_id', 'membership_number', 'authorisation_code', 'per_session_limit_pence', 'total_limit_pence', 'excess_pence'])
        .where('case_id', 'in', chunk)
        .orderBy('id')
        .execute()),
    );
  }
  const byCase = new Map<string, DemoSession[]>();
  for (const s of sessions) (byCase.get(s.case_id) ?? byCase.set(s.case_id, []).get(s.case_id)!).push(s);
  const orgIds = [
    ...new Set(
      [...auths.map((a) => a.insurer_org_id), ...insuredCases.map((c) => c.funder_org_id), ...mlCases.map((c) => c.funder_org_id)].filter(
        (x): x is string => !!x,
      ),
    ),
  ];
  const orgNames = new Map(
    (orgIds.length ? await trx.selectFrom('organisations').select(['id', 'name']).where('id', 'in', orgIds).execute() : []).map((o) => [o.id, o.name] as const),
  );

  const invoices: Insertable<InvoicesTable>[] = [];
  const lines: Insertable<InvoiceLinesTable>[] = [];
  let seq = 0;
  const describe = (s: DemoSession) => `${KIND_LABEL[s.kind] ?? s.kind} ${formatUkDate(s.on_date)}, ${s.duration_minutes} min`;
  type Line = Omit<Insertable<InvoiceLinesTable>, 'id' | 'invoice_id' | 'position'>;
  const raise = (
    c: { id: string; client_id: string; client_name: string; client_dob: string | null },
    payer: { kind: string; org: string | null; name: string },
    ls: Line[],
    issued: LocalDate,
    extra: { deferred?: boolean; auth?: (typeof auths)[number]; notes?: string } = {},
  ) => {
    const id = opts.newId();
    const total = sumPence(ls.map((l) => Number(l.amount_pence)));
    const dates = ls
      .map((l) => l.on_date)
      .filter((d): d is string => !!d)
      .sort();
    seq += 1;
    invoices.push({
      id,
      number: `${practice.invoice_prefix}${String(seq).padStart(6, '0')}`,
      kind: 'invoice',
      credits_invoice_id: null,
      client_id: c.client_id,
      case_id: c.id,
      authorisation_id: extra.auth?.id ?? null,
      payer_kind: payer.kind,
      payer_org_id: payer.org,
      payer_name: payer.name,
      issued_on: issued,
      due_on: extra.deferred ? null : addDays(issued, termsDaysFor(settings, payer.kind as never, payer.org)),
      status: 'issued',
      deferred: extra.deferred ? 1 : 0,
      total_pence: total,
      paid_pence: 0,
      credited_pence: 0,
      written_off_pence: 0,
      outstanding_pence: total,
      membership_number: extra.auth?.membership_number ?? '',
      authorisation_code: extra.auth?.authorisation_code ?? '',
      client_dob: extra.auth ? c.client_dob : null,
      treatment_from: dates[0] ?? null,
      treatment_to: dates[dates.length - 1] ?? null,
      override_reason: null,
      notes: extra.notes ?? '',
      voided_on: null,
      void_reason: null,
      created_by: null,
      created_at: stamp(issued),
    });
    ls.forEach((l, i) => lines.push({ id: opts.newId(), invoice_id: id, position: i + 1, ...l }));
    return invoices[invoices.length - 1]!;
  };
  /** Issued a few days after the month's last session, never in the future. */
  const issueDate = (last: string): LocalDate => {
    const d = addDays(last as LocalDate, rng.int(2, 9));
    return d >= today ? addDays(today, -1) : d;
  };
  const byMonth = (ss: DemoSession[]) => {
    const m = new Map<string, DemoSession[]>();
    for (const s of ss) (m.get(s.on_date.slice(0, 7)) ?? m.set(s.on_date.slice(0, 7), []).get(s.on_date.slice(0, 7))!).push(s);
    return [...m.values()];
  };

  // ---- insurers: monthly, per authorisation; the member's share apart ----
  for (const c of insuredCases) {
    const caseAuths = auths.filter((a) => a.case_id === c.id);
    const mine = byCase.get(c.id) ?? [];
    for (const a of caseAuths) {
      const insurerOrg = a.insurer_org_id ?? c.funder_org_id;
      if (!insurerOrg) continue;
      const insured = mine.filter((s) => s.authorisation_id === a.id && s.attendance === 'attended' && (INSURED_KINDS as readonly string[]).includes(s.kind));
      let insurerBilled = 0;
      let excessBilled = 0;
      for (const month of byMonth(insured)) {
        const issued = issueDate(month[month.length - 1]!.on_date);
        const fees = month.map((s) => ({ s, fee: sessionFee(s, settings) }));
        const split = splitInsuredFees(
          fees.map((f) => ({ session_id: f.s.id, fee_pence: f.fee.amount_pence })),
          {
            per_session_limit_pence: a.per_session_limit_pence === null ? null : Number(a.per_session_limit_pence),
            total_limit_pence: a.total_limit_pence === null ? null : Number(a.total_limit_pence),
            excess_pence: Number(a.excess_pence),
            insurer_billed_pence: insurerBilled,
            excess_billed_pence: excessBilled,
          },
        );
        const main: Line[] = [];
        const share: Line[] = [];
        fees.forEach(({ s, fee }, i) => {
          const sp = split[i]!;
          const whole = sp.insurer_pence === fee.amount_pence;
          main.push({
            kind: 'session',
            session_id: s.id,
            on_date: s.on_date,
            description: describe(s),
            quantity_hundredths: whole ? fee.quantity_hundredths : 100,
            unit_pence: whole ? fee.unit_pence : sp.insurer_pence,
            amount_pence: sp.insurer_pence,
          });
          if (sp.shortfall_pence > 0)
            share.push({
              kind: 'shortfall',
              session_id: s.id,
              on_date: s.on_date,
              description: `${describe(s)}: above the policy's benefit limit`,
              quantity_hundredths: 100,
              unit_pence: sp.shortfall_pence,
              amount_pence: sp.shortfall_pence,
            });
          if (sp.excess_pence > 0)
            share.push({
              kind: 'excess',
              session_id: s.id,
              on_date: s.on_date,
              description: `Policy excess (${describe(s)})`,
              quantity_hundredths: 100,
              unit_pence: sp.excess_pence,
              amount_pence: sp.excess_pence,
            });
          insurerBilled += sp.insurer_pence;
          excessBilled += sp.excess_pence;
        });
        const inv = raise(c, { kind: 'insurer', org: insurerOrg, name: orgNames.get(insurerOrg) ?? 'Insurer' }, main, issued, { auth: a });
        if (share.length > 0) {
          raise(c, { kind: 'self_pay', org: null, name: c.client_name }, share, issued, {
            auth: a,
            notes: `Your share of treatment invoiced to ${inv.payer_name} on ${inv.number}: the policy excess and any amount above its benefit limits are payable by the member (INS-GEN-03).`,
          });
        }
      }
    }
  }

  // ---- solicitors: the assessment visit, travel, mileage and report, once the report is written ----
  const liveMl: Insertable<InvoicesTable>[] = [];
  for (const c of mlCases) {
    const mine = (byCase.get(c.id) ?? []).filter((s) => s.attendance === 'attended');
    if (mine.length === 0 || !mine.some((s) => s.kind === 'report_writing')) continue;
    const settled = c.stage === 'settled' || c.stage === 'closed';
    const deferred = !settled && c.fee_basis === 'deferred';
    const ls: Line[] = [];
    for (const s of mine) {
      const fee = sessionFee(s, settings);
      ls.push({
        kind: s.kind === 'report_writing' ? 'report_writing' : s.kind === 'travel' ? 'travel' : 'session',
        session_id: s.id,
        on_date: s.on_date,
        description: describe(s),
        ...fee,
      });
      const miles = Number(s.miles_hundredths);
      if (miles > 0)
        ls.push({
          kind: 'mileage',
          session_id: s.id,
          on_date: s.on_date,
          description: `Mileage ${formatQuantity(miles)} miles at ${settings.mileage_pence_per_mile}p, ${formatUkDate(s.on_date)}`,
          quantity_hundredths: miles,
          unit_pence: settings.mileage_pence_per_mile,
          amount_pence: mileageAmount(miles, settings.mileage_pence_per_mile),
        });
    }
    const issued = issueDate(mine[mine.length - 1]!.on_date);
    const inv = raise(c, { kind: 'solicitor', org: c.funder_org_id, name: orgNames.get(c.funder_org_id!) ?? 'Solicitors' }, ls, issued, {
      deferred,
      notes: c.claim_reference ? `Your ref. ${c.claim_reference}.` : '',
    });
    if (!settled) liveMl.push(inv);
  }
  // At least one live claim's fee waits for settlement, whatever the seed drew.
  if (liveMl.length > 0 && !liveMl.some((i) => i.deferred === 1)) {
    liveMl[0]!.deferred = 1;
    liveMl[0]!.due_on = null;
  }
  for (const inv of liveMl)
    if (inv.deferred === 1) inv.notes = `${inv.notes} Fee deferred until the claim settles, as agreed in the letter of instruction.`.trim();

  // ---- who has paid what: by how long each invoice has been due ----
  const paidOn = new Map<string, { on: LocalDate; amount: number }>();
  for (const inv of invoices) {
    if (inv.deferred === 1 || !inv.due_on) continue;
    const late = daysBetween(inv.due_on as LocalDate, today);
    const [unpaid, part] = late <= 0 ? [0.85, 0.05] : late <= 30 ? [0.55, 0.15] : late <= 60 ? [0.4, 0.15] : late <= 90 ? [0.3, 0.1] : [0.1, 0.05];
    const x = rng.float();
    if (x < unpaid) continue;
    const total = Number(inv.total_pence);
    const amount = x < unpaid + part ? Math.max(1, Math.floor(total / 2 / 100) * 100) : total;
    let on = addDays(inv.due_on as LocalDate, -rng.int(0, 20));
    if (on <= (inv.issued_on as string)) on = addDays(inv.issued_on as LocalDate, rng.int(1, 5));
    if (on >= today) on = addDays(today, -1);
    paidOn.set(inv.id!, { on, amount });
  }

  // One remittance per payer and month received: an insurer pays a month's invoices, for many clients, in one transfer.
  const groups = new Map<string, { payer: Insertable<InvoicesTable>; items: { inv: Insertable<InvoicesTable>; on: LocalDate; amount: number }[] }>();
  for (const inv of invoices) {
    const p = paidOn.get(inv.id!);
    if (!p) continue;
    const key = inv.payer_org_id ? `${inv.payer_org_id}|${p.on.slice(0, 7)}` : `client|${inv.id}`;
    (groups.get(key) ?? groups.set(key, { payer: inv, items: [] }).get(key)!).items.push({ inv, ...p });
  }
  const payments: Insertable<PaymentsTable>[] = [];
  const allocations: Insertable<PaymentAllocationsTable>[] = [];
  const METHODS = ['bacs', 'bacs', 'card', 'cheque'] as const;
  let creditLeft = 1;
  for (const key of [...groups.keys()].sort()) {
    const g = groups.get(key)!;
    const received = g.items.map((i) => i.on).sort()[g.items.length - 1]!;
    const paid = sumPence(g.items.map((i) => i.amount));
    // One client paid a little too much: the difference is kept as their credit, never lost.
    const credit = !g.payer.payer_org_id && creditLeft > 0 && g.items.every((i) => i.amount === Number(i.inv.total_pence)) ? 1_000 : 0;
    if (credit) creditLeft -= 1;
    const id = opts.newId();
    payments.push({
      id,
      received_on: received,
      payer_kind: g.payer.payer_kind,
      payer_org_id: g.payer.payer_org_id ?? null,
      client_id: g.payer.payer_org_id ? null : g.payer.client_id,
      payer_name: g.payer.payer_name,
      amount_pence: paid + credit,
      unallocated_pence: credit,
      method: g.payer.payer_org_id ? 'bacs' : rng.pick(METHODS),
      reference: g.payer.payer_org_id ? `REM${rng.digits(7)}` : '',
      notes: '',
      created_by: null,
      created_at: stamp(received),
    });
    for (const it of g.items) {
      allocations.push({
        id: opts.newId(),
        payment_id: id,
        invoice_id: it.inv.id!,
        amount_pence: it.amount,
        allocated_on: received,
        created_at: stamp(received),
      });
      it.inv.paid_pence = it.amount;
      it.inv.outstanding_pence = Number(it.inv.total_pence) - it.amount;
    }
  }

  await bulkInsert(trx, 'invoices', invoices);
  await bulkInsert(trx, 'invoice_lines', lines);
  await bulkInsert(trx, 'payments', payments);
  await bulkInsert(trx, 'payment_allocations', allocations);
  // Numbers continue from here: the counter never gives out a number the demo used.
  await trx
    .insertInto('money_settings')
    .values({ name: 'seq:invoice', value: seq })
    .onConflict((oc) => oc.column('name').doUpdateSet({ value: seq }))
    .execute();
  return { invoices: invoices.length, payments: payments.length };
}
