/**
 * Keeps report-back tasks in line with what has happened on referred cases: the first
 * attended assessment, each attended review and the discharge each owe the referrer an
 * update, if (and only if) the client consents to sharing with them. Consent withdrawn, or a
 * source with no consent party, closes any open report-back: no open task ever proposes
 * sending to a party without consent. Call inside the writing transaction.
 */
import type { LocalDate } from '../../domain/calendar/local-date.js';
import type { PlannedTask } from '../../domain/deadlines/plan.js';
import { REF_RULES, type ReportBackParty } from '../../domain/referrals/referrals.js';
import { planReportBacks, type Milestone, type ReportBackFacts } from '../../domain/referrals/report-backs.js';
import { inBatches } from '../../db/batches.js';
import type { Db, ServiceContext } from '../context.js';
import { STORED_TASK_COLUMNS, writeRuleTasks, type StoredTask } from '../tasks/write-rule-tasks.js';
import { practiceCalendar } from './common.js';

const CLOSED_BECAUSE = 'this report-back is no longer allowed or owed (consent withdrawn, or the milestone no longer applies).';

export interface ReportBackScope {
  caseIds?: string[];
  clientIds?: string[];
  sourceIds?: string[];
  referralIds?: string[];
}

export interface ReportBackSync {
  created: number;
  moved: number;
  closed: number;
  /** Milestones whose report-back is withheld, with why (no consent, self-referral, no consent party). */
  blocked: { referral_id: string; milestone: Milestone['kind']; on: string; reason: string }[];
}

async function referralsInScope(db: Db, scope?: ReportBackScope) {
  const base = () =>
    db
      .selectFrom('referrals')
      .innerJoin('referral_sources', 'referral_sources.id', 'referrals.source_id')
      .innerJoin('clients', 'clients.id', 'referrals.client_id')
      .innerJoin('cases', 'cases.id', 'referrals.case_id')
      .select([
        'referrals.id',
        'referrals.case_id',
        'referrals.client_id',
        'referral_sources.name as source_name',
        'referral_sources.consent_party',
        'referral_sources.report_back_working_days',
        'clients.name as client_name',
        'clients.lead_clinician_id',
        'clients.consent_gp',
        'clients.consent_school',
        'clients.consent_la',
        'clients.consent_insurer',
        'clients.consent_solicitor',
        'cases.status as case_status',
        'cases.closed_on',
        'cases.clinician_id',
      ])
      .where('referrals.status', '=', 'accepted');
  if (!scope) return base().execute();
  const rows: Awaited<ReturnType<ReturnType<typeof base>['execute']>> = [];
  const add = async (col: 'referrals.case_id' | 'referrals.client_id' | 'referrals.source_id' | 'referrals.id', ids: string[] | undefined) => {
    for (const c of inBatches(ids ?? [])) rows.push(...(await base().where(col, 'in', c).execute()));
  };
  await add('referrals.case_id', scope.caseIds);
  await add('referrals.client_id', scope.clientIds);
  await add('referrals.source_id', scope.sourceIds);
  await add('referrals.id', scope.referralIds);
  return [...new Map(rows.map((r) => [r.id, r])).values()];
}

/** `opts.newId`: the demo passes its seeded id maker so a rebuilt demo is identical, ids included. */
export async function syncReportBacks(
  db: Db,
  ctx: Pick<ServiceContext, 'clock'>,
  scope?: ReportBackScope,
  opts: { newId?: () => string } = {},
): Promise<ReportBackSync> {
  const referrals = await referralsInScope(db, scope);
  const result: ReportBackSync = { created: 0, moved: 0, closed: 0, blocked: [] };
  if (referrals.length === 0) return result;
  const calendar = await practiceCalendar(db);
  const caseIds = [...new Set(referrals.map((r) => r.case_id!))];
  const sessionsByCase = new Map<string, { id: string; kind: string; on_date: string }[]>();
  for (const c of inBatches(caseIds)) {
    const sessions = await db
      .selectFrom('sessions')
      .select(['id', 'case_id', 'kind', 'on_date'])
      .where('case_id', 'in', c)
      .where('attendance', '=', 'attended')
      .where('kind', 'in', ['assessment', 'review'])
      .orderBy('on_date')
      .orderBy('id')
      .execute();
    for (const s of sessions) (sessionsByCase.get(s.case_id) ?? sessionsByCase.set(s.case_id, []).get(s.case_id)!).push(s);
  }

  const planned: PlannedTask[] = [];
  for (const r of referrals) {
    const sessions = sessionsByCase.get(r.case_id!) ?? [];
    const milestones: Milestone[] = [];
    const assessment = sessions.find((s) => s.kind === 'assessment');
    if (assessment) milestones.push({ kind: 'assessment', on: assessment.on_date as LocalDate, ref: '' });
    for (const s of sessions) if (s.kind === 'review') milestones.push({ kind: 'review', on: s.on_date as LocalDate, ref: s.id });
    if ((r.case_status === 'discharged' || r.case_status === 'closed') && r.closed_on)
      milestones.push({ kind: 'discharge', on: r.closed_on as LocalDate, ref: '' });
    const facts: ReportBackFacts = {
      referral_id: r.id,
      source_name: r.source_name,
      consent_party: r.consent_party as ReportBackParty | null,
      report_back_working_days: Number(r.report_back_working_days),
      client_id: r.client_id,
      client_name: r.client_name,
      case_id: r.case_id!,
      assignee_id: r.clinician_id ?? r.lead_clinician_id,
      consent: {
        gp: Number(r.consent_gp) === 1,
        school: Number(r.consent_school) === 1,
        la: Number(r.consent_la) === 1,
        insurer: Number(r.consent_insurer) === 1,
        solicitor: Number(r.consent_solicitor) === 1,
      },
      milestones,
    };
    const plan = planReportBacks(facts, calendar);
    planned.push(...plan.planned);
    for (const b of plan.blocked) result.blocked.push({ referral_id: r.id, milestone: b.milestone.kind, on: b.milestone.on, reason: b.reason });
  }

  const stored: StoredTask[] = [];
  for (const c of inBatches(referrals.map((r) => r.id))) {
    stored.push(
      ...(await db
        .selectFrom('tasks')
        .select([...STORED_TASK_COLUMNS])
        .where('rule_id', '=', REF_RULES.reportBack)
        .where('trigger_ref', 'in', c)
        .execute()),
    );
  }
  // A report-back Steve closed for want of consent comes back when the consent does (the user closed nothing).
  const written = await writeRuleTasks(db, ctx, {
    planned,
    stored,
    identity: 'rule_key',
    closedBecause: CLOSED_BECAUSE,
    reopenOwnClosures: true,
    newId: opts.newId,
  });
  result.created = written.created;
  result.moved = written.moved;
  result.closed = written.closed;
  return result;
}
