/**
 * Recording what happened on a child's EHC plan (a request for advice, a review meeting
 * set or moved, a draft or final plan) updates the plan and moves its deadlines, in one
 * transaction, so the calendar always follows the latest trigger.
 */
import { parseInput } from '../../contract/common.js';
import { ehcpEventInput, type EhcpEventInput, type EhcpEventKind } from '../../contract/deadlines.js';
import type { EhcpPlansTable } from '../../db/schema.js';
import { newId } from '../../db/ids.js';
import { AppError, invalid, notFound } from '../../domain/errors.js';
import { assertClientVisible, requirePermission } from '../access.js';
import { appendAudit } from '../audit/append-audit.js';
import { nowIso, type Db, type ServiceContext } from '../context.js';
import { syncCaseDeadlines, type SyncResult } from '../deadlines/sync-deadlines.js';

type PlanPatch = Partial<
  Pick<
    EhcpPlansTable,
    'advice_requested_on' | 'next_review_meeting_on' | 'last_review_on' | 'plan_issued_on' | 'draft_served_on' | 'amendment_notice_on' | 'decision_letter_on'
  >
>;

function patchFor(kind: EhcpEventKind, on: string, meeting: string | undefined): PlanPatch {
  switch (kind) {
    case 'advice_request_received':
      return { advice_requested_on: on };
    case 'review_meeting_set':
    case 'review_meeting_moved':
      return { next_review_meeting_on: meeting! };
    case 'review_meeting_held':
      return { last_review_on: on, next_review_meeting_on: null };
    case 'draft_plan_received':
      return { draft_served_on: on };
    case 'final_plan_received':
      // A final plan starts a new 12-month review cycle (EHCP-AR-01) and closes the draft's comment window.
      return { plan_issued_on: on, draft_served_on: null, last_review_on: null };
    case 'amendment_notice_received':
      return { amendment_notice_on: on };
    case 'amended_plan_received':
      return { amendment_notice_on: null };
    case 'decision_letter_received':
      return { decision_letter_on: on };
    case 'tribunal_appeal':
      return {};
  }
}

export async function recordEhcpEvent(ctx: ServiceContext, caseId: string, input: EhcpEventInput): Promise<{ event_id: string; deadlines: SyncResult }> {
  requirePermission(ctx.actor, 'ehcp.update');
  const data = parseInput(ehcpEventInput, input);
  if (data.on > ctx.clock.today()) throw invalid(`The event date ${data.on} is in the future: record what has happened.`, 'on');
  return ctx.db.transaction().execute((trx) => recordEhcpEventIn(trx, ctx, caseId, data));
}

/** The same inside a caller's transaction (the inbox applies a whole proposal at once). */
export async function recordEhcpEventIn(
  trx: Db,
  ctx: ServiceContext,
  caseId: string,
  input: EhcpEventInput,
): Promise<{ event_id: string; deadlines: SyncResult }> {
  requirePermission(ctx.actor, 'ehcp.update');
  const data = parseInput(ehcpEventInput, input);
  if (data.on > ctx.clock.today()) throw invalid(`The event date ${data.on} is in the future: record what has happened.`, 'on');
  const c = await trx.selectFrom('cases').select(['client_id', 'jurisdiction', 'status']).where('id', '=', caseId).executeTakeFirst();
  if (!c) throw notFound('case', caseId);
  await assertClientVisible(trx, ctx.actor, c.client_id);
  const plan = await trx.selectFrom('ehcp_plans').selectAll().where('case_id', '=', caseId).executeTakeFirst();
  if (!plan) throw new AppError('VALIDATION', 'This case has no EHC plan record: open it as a paediatric case with EHCP details first.', { field: 'case_id' });
  if (data.kind === 'review_meeting_moved' && !plan.next_review_meeting_on) {
    throw invalid('No review meeting is set for this plan, so there is none to move: record review_meeting_set.', 'kind');
  }
  const patch = patchFor(data.kind, data.on, data.meeting_on);
  if (Object.keys(patch).length > 0) await trx.updateTable('ehcp_plans').set(patch).where('id', '=', plan.id).execute();
  const event_id = newId();
  await trx
    .insertInto('ehcp_events')
    .values({
      id: event_id,
      case_id: caseId,
      kind: data.kind,
      on_date: data.on,
      meeting_on: data.meeting_on ?? null,
      notes: data.notes ?? '',
      created_at: nowIso(ctx),
    })
    .execute();
  const deadlines = await syncCaseDeadlines(trx, ctx, [caseId]);
  await appendAudit(trx, ctx, { action: 'update', entity: 'ehcp_plan', entity_id: plan.id, client_id: c.client_id, detail: `event=${data.kind}` });
  return { event_id, deadlines };
}
