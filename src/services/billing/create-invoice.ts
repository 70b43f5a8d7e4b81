/**
 * Raising an invoice from a case's sessions and any other lines.
 *
 * Insurer: attended assessment, therapy and review sessions inside one authorisation; the fee
 * splits into the insurer's share and the member's (excess, and anything above the benefit
 * limits), and the member's share becomes a second invoice to the client in the same
 * transaction (INS-GEN-03). A session outside the authorisation is refused unless an override
 * reason is given (or was recorded with the session); the reason is kept on the invoice.
 * Anyone else: every billable session the payer's terms allow, plus mileage.
 * Nothing is written unless the whole invoice (and its client share) is.
 */
import { parseInput } from '../../contract/common.js';
import { createInvoiceInput, type CreateInvoiceInput } from '../../contract/money.js';
import { newId } from '../../db/ids.js';
import { addDays, formatUkDate, type LocalDate } from '../../domain/calendar/local-date.js';
import { AppError, invalid } from '../../domain/errors.js';
import { sessionOutsideAuthorisation } from '../../domain/money/authorisation.js';
import { billableTo, INSURED_KINDS, mileageAmount, sessionFee, splitInsuredFees } from '../../domain/money/billing.js';
import { formatQuantity, lineAmount, sumPence } from '../../domain/money/pence.js';
import type { FunderKind } from '../../domain/vocabulary.js';
import { requirePermission } from '../access.js';
import { appendAudit } from '../audit/append-audit.js';
import { actorUserId, nowIso, type Db, type ServiceContext } from '../context.js';
import { getPractice } from '../practice/get-practice.js';
import { visibleCase } from '../sessions/visible-case.js';
import { getInvoice } from './get-invoice.js';
import { loadMoneySettings, nextInvoiceNumber, termsDaysFor } from './money-settings.js';
import { syncInvoiceDeadlineTasks } from './money-tasks.js';

const KIND_LABEL: Record<string, string> = {
  assessment: 'Assessment',
  therapy: 'Therapy session',
  review: 'Review',
  report_writing: 'Report writing',
  travel: 'Travel time',
  case_conference: 'Case conference',
  phone_call: 'Telephone consultation',
};

interface Line {
  kind: string;
  session_id: string | null;
  on_date: string | null;
  description: string;
  quantity_hundredths: number;
  unit_pence: number;
  amount_pence: number;
}

type SessionRow = Awaited<ReturnType<typeof loadSessions>>[number];

async function loadSessions(db: Db, caseId: string) {
  const rows = await db.selectFrom('sessions').selectAll().where('case_id', '=', caseId).orderBy('on_date').orderBy('id').execute();
  const billed = new Map<string, Set<string>>();
  for (let i = 0; i < rows.length; i += 500) {
    const ids = rows.slice(i, i + 500).map((r) => r.id);
    const lines = await db
      .selectFrom('invoice_lines')
      .innerJoin('invoices', 'invoices.id', 'invoice_lines.invoice_id')
      .select(['invoice_lines.session_id', 'invoice_lines.kind'])
      .where('invoice_lines.session_id', 'in', ids)
      .where('invoices.status', '=', 'issued')
      .execute();
    for (const l of lines) (billed.get(l.session_id!) ?? billed.set(l.session_id!, new Set()).get(l.session_id!)!).add(l.kind);
  }
  return rows.map((r) => {
    const kinds = billed.get(r.id) ?? new Set<string>();
    return {
      ...r,
      billed_main: [...kinds].some((k) => !['shortfall', 'excess', 'mileage'].includes(k)),
      billed_mileage: kinds.has('mileage'),
      billed_shortfall: kinds.has('shortfall') || kinds.has('excess'),
    };
  });
}

function describe(s: SessionRow): string {
  return `${KIND_LABEL[s.kind] ?? s.kind} ${formatUkDate(s.on_date)}, ${s.duration_minutes} min${s.attendance === 'dna' ? ' (did not attend)' : s.attendance === 'late_cancellation' ? ' (late cancellation)' : ''}`;
}

function lineKindOf(sessionKind: string): string {
  return sessionKind === 'report_writing' ? 'report_writing' : sessionKind === 'travel' ? 'travel' : 'session';
}

const ORG_PAYER: Record<string, FunderKind> = {
  insurer: 'insurer',
  solicitor: 'solicitor',
  local_authority: 'local_authority',
  employer: 'employer',
  case_management: 'case_manager',
  nhs_trust: 'nhs',
};
export function payerKindOfOrg(kind: string): FunderKind {
  return ORG_PAYER[kind] ?? 'other';
}

export async function createInvoice(ctx: ServiceContext, input: CreateInvoiceInput) {
  requirePermission(ctx.actor, 'invoices.raise');
  const data = parseInput(createInvoiceInput, input);
  const today = ctx.clock.today();
  const issuedOn = data.issued_on ?? today;
  if (issuedOn > today) throw invalid(`The invoice date ${formatUkDate(issuedOn)} is in the future.`, 'issued_on');
  const ids = await ctx.db.transaction().execute(async (trx) => {
    const c = await visibleCase(trx, ctx, data.case_id);
    const settings = await loadMoneySettings(trx);
    const practice = await getPractice(trx);
    const billTo = data.bill_to ?? 'funder';
    const payerKind: FunderKind = billTo === 'client' ? 'self_pay' : (c.funder_kind as FunderKind);
    const auths = await trx.selectFrom('authorisations').selectAll().where('case_id', '=', c.id).orderBy('valid_from').orderBy('id').execute();
    if (data.authorisation_id && !auths.some((a) => a.id === data.authorisation_id))
      throw invalid('That authorisation belongs to another case.', 'authorisation_id');
    const ml = await trx
      .selectFrom('medico_legal_instructions')
      .select(['fee_basis', 'claim_reference', 'stage'])
      .where('case_id', '=', c.id)
      .executeTakeFirst();

    let payerOrgId: string | null = null;
    let payerName = c.client_name;
    if (payerKind !== 'self_pay') {
      const chosenAuth = auths.find((a) => a.id === data.authorisation_id) ?? auths[auths.length - 1];
      payerOrgId = (payerKind === 'insurer' ? chosenAuth?.insurer_org_id : null) ?? c.funder_org_id;
      if (!payerOrgId)
        throw invalid(
          `This case has no ${payerKind.replace(/_/g, ' ')} recorded as its funder: set the case's funder organisation, or bill the client.`,
          'case_id',
        );
      const org = await trx.selectFrom('organisations').select(['name']).where('id', '=', payerOrgId).executeTakeFirstOrThrow();
      payerName = org.name;
    }

    // Which sessions: those asked for (each must be billable), or every unbilled one the payer pays for.
    const all = await loadSessions(trx, c.id);
    const explicit = data.session_ids !== undefined;
    let chosen: SessionRow[];
    if (explicit) {
      chosen = [];
      for (const sid of data.session_ids!) {
        const s = all.find((x) => x.id === sid);
        if (!s) throw invalid(`Session ${sid} is not on this case.`, 'session_ids');
        if (s.billed_main) throw new AppError('CONFLICT', `The session on ${formatUkDate(s.on_date)} is already on an invoice.`, { field: 'session_ids' });
        chosen.push(s);
      }
    } else if (data.include_sessions === false) {
      chosen = [];
    } else {
      chosen = all.filter((s) => !s.billed_main && s.on_date <= issuedOn && (!data.from || s.on_date >= data.from) && (!data.to || s.on_date <= data.to));
    }
    const refuse = (s: SessionRow, why: string) => {
      throw invalid(`The session on ${formatUkDate(s.on_date)} ${why}.`, 'session_ids');
    };

    const lines: Line[] = [];
    const clientLines: Line[] = [];
    let authId: string | null = null;
    let override: string | null = data.override_reason ?? null;
    let overrideUsed = false;

    if (payerKind === 'insurer') {
      let insured = chosen.filter((s) => (INSURED_KINDS as readonly string[]).includes(s.kind));
      if (explicit) {
        for (const s of chosen) {
          if (!(INSURED_KINDS as readonly string[]).includes(s.kind))
            refuse(s, `is ${KIND_LABEL[s.kind]?.toLowerCase() ?? s.kind}, which insurers do not pay for: bill the client`);
          const ok = billableTo('insurer', s, settings);
          if (!ok.ok) refuse(s, ok.why);
        }
      } else {
        insured = insured.filter((s) => billableTo('insurer', s, settings).ok);
      }
      if (data.authorisation_id) insured = insured.filter((s) => (s.authorisation_id ?? data.authorisation_id) === data.authorisation_id);
      // Each session under its authorisation (or the one covering its date).
      const authOf = (s: SessionRow) =>
        auths.find((a) => a.id === s.authorisation_id) ?? auths.find((a) => a.valid_from <= s.on_date && s.on_date <= a.valid_until) ?? null;
      const groups = new Map<string, SessionRow[]>();
      for (const s of insured) {
        const a = authOf(s);
        if (!a) {
          if (!override && !s.override_reason)
            refuse(s, `is not covered by any authorisation on this case. Give an override reason to bill ${payerName} anyway (it is recorded on the invoice)`);
          overrideUsed = overrideUsed || !s.override_reason;
        }
        const k = a?.id ?? data.authorisation_id ?? auths[auths.length - 1]?.id ?? '';
        (groups.get(k) ?? groups.set(k, []).get(k)!).push(s);
      }
      if (groups.size > 1) {
        const codes = [...groups.keys()].map((k) => auths.find((a) => a.id === k)?.authorisation_code || k);
        throw invalid(
          `These sessions fall under ${groups.size} authorisations (${codes.join(', ')}): an insurer invoice quotes one authorisation code. Choose one (authorisation_id).`,
          'authorisation_id',
        );
      }
      const [[groupAuthId, groupSessions] = ['', [] as SessionRow[]]] = [...groups.entries()];
      const auth = auths.find((a) => a.id === (groupAuthId || data.authorisation_id)) ?? (auths.length === 1 ? auths[0] : undefined);
      authId = auth?.id ?? null;
      if (auth) {
        // Where each session falls among the authorisation's delivered sessions decides whether it is inside it.
        const delivered = all.filter(
          (s) => s.authorisation_id === auth.id && s.attendance === 'attended' && (INSURED_KINDS as readonly string[]).includes(s.kind),
        );
        for (const s of groupSessions) {
          const before = delivered.findIndex((d) => d.id === s.id);
          const problem = sessionOutsideAuthorisation(auth, s.on_date, before === -1 ? delivered.length : before);
          if (problem) {
            if (!override && !s.override_reason) {
              throw invalid(
                `Cannot bill ${payerName} for the session on ${formatUkDate(s.on_date)}: ${problem} Give an override reason to bill it anyway (it is recorded on the invoice).`,
                'session_ids',
              );
            }
            if (!s.override_reason) overrideUsed = true;
            override = override ?? `Session recorded under override: ${s.override_reason}`;
          }
        }
        const [billedInsurer, billedExcess] = await Promise.all([
          trx
            .selectFrom('invoice_lines')
            .innerJoin('invoices', 'invoices.id', 'invoice_lines.invoice_id')
            .select((eb) => eb.fn.sum<number>('invoice_lines.amount_pence').as('t'))
            .where('invoices.authorisation_id', '=', auth.id)
            .where('invoices.status', '=', 'issued')
            .where('invoices.payer_kind', '=', 'insurer')
            .where('invoice_lines.kind', '=', 'session')
            .executeTakeFirst(),
          trx
            .selectFrom('invoice_lines')
            .innerJoin('invoices', 'invoices.id', 'invoice_lines.invoice_id')
            .select((eb) => eb.fn.sum<number>('invoice_lines.amount_pence').as('t'))
            .where('invoices.authorisation_id', '=', auth.id)
            .where('invoices.status', '=', 'issued')
            .where('invoice_lines.kind', '=', 'excess')
            .executeTakeFirst(),
        ]);
        const fees = groupSessions.map((s) => ({ s, fee: sessionFee(s, settings) }));
        const split = splitInsuredFees(
          fees.map((f) => ({ session_id: f.s.id, fee_pence: f.fee.amount_pence })),
          {
            per_session_limit_pence: auth.per_session_limit_pence === null ? null : Number(auth.per_session_limit_pence),
            total_limit_pence: auth.total_limit_pence === null ? null : Number(auth.total_limit_pence),
            excess_pence: Number(auth.excess_pence),
            insurer_billed_pence: Number(billedInsurer?.t ?? 0),
            excess_billed_pence: Number(billedExcess?.t ?? 0),
          },
        );
        fees.forEach(({ s, fee }, i) => {
          const sp = split[i]!;
          lines.push({
            kind: 'session',
            session_id: s.id,
            on_date: s.on_date,
            description: describe(s),
            quantity_hundredths: sp.insurer_pence === fee.amount_pence ? fee.quantity_hundredths : 100,
            unit_pence: sp.insurer_pence === fee.amount_pence ? fee.unit_pence : sp.insurer_pence,
            amount_pence: sp.insurer_pence,
          });
          if (sp.shortfall_pence > 0 && !s.billed_shortfall)
            clientLines.push({
              kind: 'shortfall',
              session_id: s.id,
              on_date: s.on_date,
              description: `${describe(s)}: above the policy's benefit limit`,
              quantity_hundredths: 100,
              unit_pence: sp.shortfall_pence,
              amount_pence: sp.shortfall_pence,
            });
          if (sp.excess_pence > 0)
            clientLines.push({
              kind: 'excess',
              session_id: s.id,
              on_date: s.on_date,
              description: `Policy excess (${describe(s)})`,
              quantity_hundredths: 100,
              unit_pence: sp.excess_pence,
              amount_pence: sp.excess_pence,
            });
        });
      } else {
        for (const s of groupSessions) {
          const fee = sessionFee(s, settings);
          lines.push({ kind: 'session', session_id: s.id, on_date: s.on_date, description: describe(s), ...fee });
        }
      }
    } else {
      for (const s of chosen) {
        // An insured session belongs on the insurer's invoice, not the client's, unless asked for by name.
        if (
          billTo === 'client' &&
          c.funder_kind === 'insurer' &&
          !explicit &&
          s.attendance === 'attended' &&
          (INSURED_KINDS as readonly string[]).includes(s.kind)
        )
          continue;
        const ok = billableTo(payerKind, s, settings);
        if (!ok.ok) {
          if (explicit) refuse(s, ok.why);
          continue;
        }
        const fee = sessionFee(s, settings);
        lines.push({ kind: lineKindOf(s.kind), session_id: s.id, on_date: s.on_date, description: describe(s), ...fee });
        const miles = Number(s.miles_hundredths);
        if (miles > 0 && !s.billed_mileage) {
          lines.push({
            kind: 'mileage',
            session_id: s.id,
            on_date: s.on_date,
            description: `Mileage ${formatQuantity(miles)} miles at ${settings.mileage_pence_per_mile}p, ${formatUkDate(s.on_date)}`,
            quantity_hundredths: miles,
            unit_pence: settings.mileage_pence_per_mile,
            amount_pence: mileageAmount(miles, settings.mileage_pence_per_mile),
          });
        }
      }
    }
    for (const x of data.extra_lines ?? []) {
      const q = x.quantity_hundredths ?? 100;
      const amount = x.amount_pence ?? lineAmount(q, x.unit_pence!);
      lines.push({
        kind: x.kind,
        session_id: null,
        on_date: x.on_date ?? null,
        description: x.description,
        quantity_hundredths: x.amount_pence !== undefined && x.unit_pence === undefined ? 100 : q,
        unit_pence: x.unit_pence ?? amount,
        amount_pence: amount,
      });
    }
    const billable = lines.filter((l) => l.amount_pence > 0 || l.kind === 'session');
    if (billable.length === 0 || sumPence(billable.map((l) => l.amount_pence)) <= 0) {
      throw invalid('Nothing to invoice: no unbilled sessions this payer pays for in that period, and no other lines.', 'session_ids');
    }
    if (overrideUsed && !data.override_reason) throw invalid('An override reason is needed.', 'override_reason');

    const deferred = data.deferred ?? (ml?.fee_basis === 'deferred' && payerKind === 'solicitor' && !['settled', 'closed'].includes(ml.stage));
    const insert = async (
      ls: Line[],
      payer: { kind: FunderKind; org: string | null; name: string },
      opts: { number?: string; deferred: boolean; notes: string; override: string | null },
    ) => {
      let number = opts.number;
      if (number) {
        const taken = await trx.selectFrom('invoices').select('status').where('number', '=', number).executeTakeFirst();
        if (taken)
          throw new AppError(
            'CONFLICT',
            `Invoice number ${number} is already used${taken.status === 'void' ? ' (by a void invoice: numbers are never reused)' : ''}.`,
            { field: 'number' },
          );
      } else number = await nextInvoiceNumber(trx, 'invoice', practice.invoice_prefix);
      const id = newId();
      const total = sumPence(ls.map((l) => l.amount_pence));
      const dates = ls
        .map((l) => l.on_date)
        .filter((d): d is string => d !== null)
        .sort();
      const insurer = payer.kind === 'insurer';
      const auth = auths.find((a) => a.id === authId);
      await trx
        .insertInto('invoices')
        .values({
          id,
          number,
          kind: 'invoice',
          credits_invoice_id: null,
          client_id: c.client_id,
          case_id: c.id,
          authorisation_id: authId,
          payer_kind: payer.kind,
          payer_org_id: payer.org,
          payer_name: payer.name,
          issued_on: issuedOn,
          due_on: opts.deferred ? null : addDays(issuedOn as LocalDate, termsDaysFor(settings, payer.kind, payer.org)),
          status: 'issued',
          deferred: opts.deferred ? 1 : 0,
          total_pence: total,
          paid_pence: 0,
          credited_pence: 0,
          written_off_pence: 0,
          outstanding_pence: total,
          membership_number: auth?.membership_number ?? '',
          authorisation_code: auth?.authorisation_code ?? '',
          client_dob: insurer || auth ? c.client_dob : null,
          treatment_from: dates[0] ?? null,
          treatment_to: dates[dates.length - 1] ?? null,
          override_reason: opts.override,
          notes: opts.notes,
          voided_on: null,
          void_reason: null,
          created_by: actorUserId(ctx.actor),
          created_at: nowIso(ctx),
        })
        .execute();
      await trx
        .insertInto('invoice_lines')
        .values(ls.map((l, i) => ({ id: newId(), invoice_id: id, position: i + 1, ...l })))
        .execute();
      await appendAudit(trx, ctx, {
        action: 'create',
        entity: 'invoice',
        entity_id: id,
        client_id: c.client_id,
        detail: `${number}${opts.override ? ' override' : ''}`,
      });
      return { id, number };
    };
    const main = await insert(
      billable,
      { kind: payerKind, org: payerOrgId, name: payerName },
      { ...(data.number ? { number: data.number } : {}), deferred, notes: data.notes ?? '', override },
    );
    let share: { id: string } | null = null;
    if (clientLines.length > 0) {
      share = await insert(
        clientLines,
        { kind: 'self_pay', org: null, name: c.client_name },
        {
          deferred: false,
          notes: `Your share of treatment invoiced to ${payerName} on ${main.number}: the policy excess and any amount above its benefit limits are payable by the member (INS-GEN-03).`,
          override: null,
        },
      );
    }
    await syncInvoiceDeadlineTasks(trx, ctx, [c.id]);
    return { main: main.id, share: share?.id ?? null };
  });
  return { invoice: await getInvoice(ctx, ids.main), client_share: ids.share ? await getInvoice(ctx, ids.share) : null };
}
