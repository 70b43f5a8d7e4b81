/**
 * What happens to a referral after intake: acknowledged (completes the acknowledgement
 * task), accepted (opens the case in the same transaction), waitlisted, or declined with a
 * reason (and a task to send the decline letter). Each refuses a move that makes no sense,
 * such as accepting a declined referral, with one clear message.
 */
import { parseInput } from '../../contract/common.js';
import {
  acceptReferralInput,
  acknowledgeReferralInput,
  declineReferralInput,
  waitlistReferralInput,
  type AcceptReferralInput,
  type DeclineReferralInput,
} from '../../contract/referrals.js';
import { formatUkDate, type LocalDate } from '../../domain/calendar/local-date.js';
import { AppError, invalid, notFound } from '../../domain/errors.js';
import {
  ackKey,
  canRecordOutcome,
  workingDaysBetween,
  DECLINE_LETTER_WORKING_DAYS,
  declineKey,
  REF_RULES,
  type ReferralOutcome,
  type ReferralStatus,
} from '../../domain/referrals/referrals.js';
import { SERVICE_LINE_LABELS, type FunderKind, type ServiceLine } from '../../domain/vocabulary.js';
import { requirePermission } from '../access.js';
import { appendAudit } from '../audit/append-audit.js';
import { openCase } from '../cases/open-case.js';
import type { Db, ServiceContext } from '../context.js';
import { closeTasks, ensureRuleTask, openTaskIds } from '../tasks/write-rule-tasks.js';
import { practiceCalendar } from './common.js';
import { getReferral } from './list-referrals.js';

/** The referral as the actor may see it, for changing: a clinician's hidden referral is "not found". */
async function loadForChange(trx: Db, ctx: ServiceContext, id: string) {
  await getReferral(ctx, id, trx);
  const r = await trx
    .selectFrom('referrals')
    .innerJoin('referral_sources', 'referral_sources.id', 'referrals.source_id')
    .selectAll('referrals')
    .select(['referral_sources.name as source_name', 'referral_sources.organisation_id', 'referral_sources.contact_id'])
    .where('referrals.id', '=', id)
    .executeTakeFirst();
  if (!r) throw notFound('referral', id);
  return r;
}

function checkDay(on: string, received: string, today: string, what: string): void {
  if (on > today) throw invalid(`The ${what} date ${formatUkDate(on)} is in the future.`, 'on');
  if (on < received) throw invalid(`The ${what} date ${formatUkDate(on)} is before the referral arrived (${formatUkDate(received)}).`, 'on');
}

function checkOutcome(from: string, to: ReferralOutcome): void {
  if (!canRecordOutcome(from as ReferralStatus, to))
    throw new AppError('CONFLICT', `This referral is already ${from}; it cannot be ${to}.`, { field: 'status' });
}

async function closeOpenAck(trx: Db, id: string, on: string, outcome: 'done' | 'waived', note: string): Promise<void> {
  await closeTasks(trx, await openTaskIds(trx, [ackKey(id)]), { status: outcome, on, note });
}

export async function acknowledgeReferral(ctx: ServiceContext, id: string, input: { on?: string } = {}) {
  const data = parseInput(acknowledgeReferralInput, input);
  return ctx.db.transaction().execute(async (trx) => {
    const r = await loadForChange(trx, ctx, id);
    const on = data.on ?? ctx.clock.today();
    checkDay(on, r.received_on, ctx.clock.today(), 'acknowledgement');
    if (r.acknowledged_on) throw new AppError('CONFLICT', `This referral was already acknowledged on ${formatUkDate(r.acknowledged_on)}.`);
    const calendar = await practiceCalendar(trx);
    const ackDays = workingDaysBetween(r.received_on as LocalDate, on as LocalDate, calendar);
    await trx.updateTable('referrals').set({ acknowledged_on: on, ack_days: ackDays }).where('id', '=', id).execute();
    await closeOpenAck(trx, id, on, 'done', `Acknowledged on ${formatUkDate(on)}.`);
    await appendAudit(trx, ctx, { action: 'update', entity: 'referral', entity_id: id, client_id: r.client_id, detail: 'acknowledged_on' });
    return getReferral(ctx, id, trx);
  });
}

/** Accepting opens the case (services/cases/open-case.ts) in the same transaction: both land, or neither. */
export async function acceptReferral(ctx: ServiceContext, id: string, input: AcceptReferralInput = {}) {
  requirePermission(ctx.actor, 'referrals.accept');
  const data = parseInput(acceptReferralInput, input);
  return ctx.db.transaction().execute(async (trx) => {
    const r = await loadForChange(trx, ctx, id);
    checkOutcome(r.status, 'accepted');
    const on = data.on ?? ctx.clock.today();
    checkDay(on, r.received_on, ctx.clock.today(), 'acceptance');
    const opened = await openCase(
      { ...ctx, db: trx },
      {
        client_id: r.client_id,
        title: data.title ?? (r.service_detail || `${SERVICE_LINE_LABELS[r.service_line as ServiceLine]} referral from ${r.source_name}`),
        service_line: r.service_line as ServiceLine,
        funder_kind: r.funding as FunderKind,
        ...(r.funder_org_id ? { funder_org_id: r.funder_org_id } : {}),
        ...(r.organisation_id ? { referrer_org_id: r.organisation_id } : {}),
        ...(r.contact_id ? { referrer_contact_id: r.contact_id } : {}),
        ...(data.clinician_id ? { clinician_id: data.clinician_id } : {}),
        opened_on: on,
        status: 'open',
      },
    );
    await trx.updateTable('referrals').set({ status: 'accepted', outcome_on: on, case_id: opened.id }).where('id', '=', id).execute();
    await appendAudit(trx, ctx, {
      action: 'update',
      entity: 'referral',
      entity_id: id,
      client_id: r.client_id,
      detail: `status=accepted,case_id=${opened.id}`,
    });
    return { ...(await getReferral(ctx, id, trx)), case: opened };
  });
}

export async function waitlistReferral(ctx: ServiceContext, id: string, input: { on?: string; note?: string } = {}) {
  const data = parseInput(waitlistReferralInput, input);
  return ctx.db.transaction().execute(async (trx) => {
    const r = await loadForChange(trx, ctx, id);
    checkOutcome(r.status, 'waitlisted');
    const on = data.on ?? ctx.clock.today();
    checkDay(on, r.received_on, ctx.clock.today(), 'waiting-list');
    await trx
      .updateTable('referrals')
      .set({ status: 'waitlisted', outcome_on: on, reason: data.note ? (r.reason ? `${r.reason}\n${data.note}` : data.note) : r.reason })
      .where('id', '=', id)
      .execute();
    await appendAudit(trx, ctx, { action: 'update', entity: 'referral', entity_id: id, client_id: r.client_id, detail: 'status=waitlisted' });
    return getReferral(ctx, id, trx);
  });
}

/**
 * Declining records why and sets a task to send the decline letter. An acknowledgement still
 * open is closed: the decline letter is the referrer's answer.
 */
export async function declineReferral(ctx: ServiceContext, id: string, input: DeclineReferralInput) {
  const data = parseInput(declineReferralInput, input);
  return ctx.db.transaction().execute(async (trx) => {
    const r = await loadForChange(trx, ctx, id);
    checkOutcome(r.status, 'declined');
    const on = data.on ?? ctx.clock.today();
    checkDay(on, r.received_on, ctx.clock.today(), 'decline');
    await trx.updateTable('referrals').set({ status: 'declined', outcome_on: on, decline_reason: data.reason }).where('id', '=', id).execute();
    await closeOpenAck(trx, id, on, 'waived', 'Closed by Steve: the referral was declined, and the decline letter answers it.');
    const calendar = await practiceCalendar(trx);
    const client = await trx.selectFrom('clients').select(['name', 'lead_clinician_id']).where('id', '=', r.client_id).executeTakeFirstOrThrow();
    await ensureRuleTask(trx, ctx, {
      rule_key: declineKey(id),
      rule_id: REF_RULES.decline,
      title: `Send the decline letter to ${r.source_name}`,
      due_on: calendar.addWorkingDays(on as LocalDate, DECLINE_LETTER_WORKING_DAYS),
      hardness: 'soft',
      kind: 'practice',
      trigger_kind: 'referral_declined',
      trigger_on: on as LocalDate,
      trigger_ref: id,
      reason: `The referral of ${client.name} from ${r.source_name} was declined on ${formatUkDate(on)} (${data.reason}); the referrer is told why within ${DECLINE_LETTER_WORKING_DAYS} working days.`,
      case_id: null,
      client_id: r.client_id,
      assignee_id: client.lead_clinician_id ?? (ctx.actor.kind === 'user' ? ctx.actor.id : null),
    });
    await appendAudit(trx, ctx, { action: 'update', entity: 'referral', entity_id: id, client_id: r.client_id, detail: 'status=declined' });
    return getReferral(ctx, id, trx);
  });
}
