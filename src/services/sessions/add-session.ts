/**
 * Sessions: delivered work. An attended assessment, therapy or review on an
 * insured case counts against an authorisation; one outside it (after the end date, before
 * the start, or beyond the sessions authorised) is refused unless an override reason is
 * given, and that reason is kept on the session and in the audit trail.
 */
import { parseInput } from '../../contract/common.js';
import { addSessionInput, type AddSessionInput } from '../../contract/money.js';
import { newId } from '../../db/ids.js';
import { formatUkDate } from '../../domain/calendar/local-date.js';
import { invalid } from '../../domain/errors.js';
import { sessionOutsideAuthorisation } from '../../domain/money/authorisation.js';
import { countsAgainstAuthorisation, INSURED_KINDS } from '../../domain/money/billing.js';
import { requirePermission } from '../access.js';
import { appendAudit } from '../audit/append-audit.js';
import type { Db, ServiceContext } from '../context.js';
import { syncCaseDeadlines } from '../deadlines/sync-deadlines.js';
import { loadMoneySettings } from '../billing/money-settings.js';
import { syncInvoiceDeadlineTasks } from '../billing/money-tasks.js';
import { visibleCase } from './visible-case.js';
import { getSession } from './get-session.js';

/** Authorised sessions used per authorisation: attended insured kinds only (DNAs and cancellations use none). */
export async function sessionsUsed(db: Db, authorisationIds: string[]): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  for (let i = 0; i < authorisationIds.length; i += 500) {
    const chunk = authorisationIds.slice(i, i + 500);
    const rows = await db
      .selectFrom('sessions')
      .select(['authorisation_id', (eb) => eb.fn.countAll<number>().as('n')])
      .where('authorisation_id', 'in', chunk)
      .where('attendance', '=', 'attended')
      .where('kind', 'in', [...INSURED_KINDS])
      .groupBy('authorisation_id')
      .execute();
    for (const r of rows) out.set(r.authorisation_id!, Number(r.n));
  }
  return out;
}

export async function addSession(ctx: ServiceContext, input: AddSessionInput) {
  requirePermission(ctx.actor, 'sessions.record');
  const data = parseInput(addSessionInput, input);
  if (data.on_date > ctx.clock.today())
    throw invalid(`The session date ${formatUkDate(data.on_date)} is in the future: record sessions once they have happened.`, 'on_date');
  const id = newId();
  await ctx.db.transaction().execute(async (trx) => {
    const c = await visibleCase(trx, ctx, data.case_id);
    if (c.status === 'closed') throw invalid('The case is closed: reopen it before recording sessions.', 'case_id');
    const settings = await loadMoneySettings(trx);
    const attendance = data.attendance ?? 'attended';
    const auths = await trx.selectFrom('authorisations').selectAll().where('case_id', '=', c.id).orderBy('valid_from').orderBy('id').execute();
    let authorisationId: string | null = null;
    let override: string | null = data.override_reason ?? null;
    if (data.authorisation_id && !auths.some((a) => a.id === data.authorisation_id))
      throw invalid('That authorisation belongs to another case.', 'authorisation_id');
    if (countsAgainstAuthorisation({ kind: data.kind, attendance }) && auths.length > 0) {
      const used = await sessionsUsed(
        trx,
        auths.map((a) => a.id),
      );
      const candidates = data.authorisation_id ? auths.filter((a) => a.id === data.authorisation_id) : auths;
      // The first authorisation that can take the session; failing that, the one whose refusal explains most.
      const fits = candidates.find((a) => sessionOutsideAuthorisation(a, data.on_date, used.get(a.id) ?? 0) === null);
      const chosen = fits ?? [...candidates].reverse().find((a) => a.valid_from <= data.on_date) ?? candidates[0]!;
      const problem = fits ? null : sessionOutsideAuthorisation(chosen, data.on_date, used.get(chosen.id) ?? 0);
      if (problem && !override) {
        throw invalid(
          `${problem} Ask the insurer to extend the authorisation first, or record the session with an override reason (the override is recorded).`,
          'on_date',
        );
      }
      authorisationId = chosen.id;
      if (!problem) override = null;
    } else if (data.authorisation_id) {
      authorisationId = data.authorisation_id;
    }
    const missed = attendance === 'dna' || attendance === 'late_cancellation';
    const billable = data.billable ?? (attendance === 'cancelled' ? false : missed ? settings.charge_missed_sessions === 1 : true);
    const clinician = data.clinician_id ?? (ctx.actor.kind === 'user' && ctx.actor.role === 'clinician' ? ctx.actor.id : c.clinician_id);
    await trx
      .insertInto('sessions')
      .values({
        id,
        case_id: c.id,
        clinician_id: clinician,
        on_date: data.on_date,
        start_time: data.start_time ?? null,
        duration_minutes: data.duration_minutes,
        kind: data.kind,
        attendance,
        billable: billable ? 1 : 0,
        authorisation_id: authorisationId,
        notes: data.notes ?? '',
        fee_pence: data.fee_pence ?? null,
        miles_hundredths: data.miles_hundredths ?? 0,
        override_reason: override,
      })
      .execute();
    await syncCaseDeadlines(trx, ctx, [c.id]);
    await syncInvoiceDeadlineTasks(trx, ctx, [c.id]);
    await appendAudit(trx, ctx, {
      action: 'create',
      entity: 'session',
      entity_id: id,
      client_id: c.client_id,
      detail: override ? 'authorisation override' : '',
    });
  });
  return getSession(ctx, id);
}
