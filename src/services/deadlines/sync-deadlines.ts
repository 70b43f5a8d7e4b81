/**
 * Keeps rule-made tasks in line with their triggers. Loads the facts of the
 * cases in scope in bulk (one query per table, not per case), plans with the pure domain
 * rules, and applies the reconciliation in the caller's transaction.
 */
import { workingCalendar } from '../../domain/calendar/bank-holidays.js';
import type { LocalDate } from '../../domain/calendar/local-date.js';
import { planCaseTasks, planComplianceTask, planSubjectAccessTask, whyNoLongerPlanned, type CaseFacts, type PlannedTask } from '../../domain/deadlines/plan.js';
import { DIVISION_OF, type RuleContext } from '../../domain/deadlines/rules.js';
import type { Jurisdiction } from '../../domain/vocabulary.js';
import { inBatches } from '../../db/batches.js';
import type { Db, ServiceContext } from '../context.js';
import { closeTasks, STORED_TASK_COLUMNS, writeRuleTasks, type StoredTask, type TaskWriteResult } from '../tasks/write-rule-tasks.js';
import { findDuplicates, missingReason, type OpenTaskFacts } from '../../domain/deadlines/obligations.js';
import { syncReportBacks } from '../referrals/sync-report-backs.js';

export async function loadRuleOverrides(db: Db): Promise<Record<string, Record<string, number>>> {
  const rows = await db.selectFrom('rule_params').selectAll().execute();
  const out: Record<string, Record<string, number>> = {};
  for (const r of rows) (out[r.rule_id] ??= {})[r.name] = Number(r.value);
  return out;
}

export function ruleContextFactory(overrides: Record<string, Record<string, number>>) {
  const cache = new Map<Jurisdiction, RuleContext>();
  return (j: Jurisdiction): RuleContext => {
    let c = cache.get(j);
    if (!c) cache.set(j, (c = { jurisdiction: j, calendar: workingCalendar(DIVISION_OF[j]), overrides }));
    return c;
  };
}

/** Loads everything the planner needs about these cases (all cases when `caseIds` is undefined). */
export async function loadCaseFacts(db: Db, caseIds?: string[]): Promise<CaseFacts[]> {
  // Detail queries take the ids as bound parameters, so even "every case" goes in chunks.
  const allIds = caseIds ?? (await db.selectFrom('cases').select('id').orderBy('id').execute()).map((r) => r.id);
  const facts: CaseFacts[] = [];
  for (const ids of inBatches(allIds)) {
    const cases = await db
      .selectFrom('cases')
      .innerJoin('clients', 'clients.id', 'cases.client_id')
      .select(['cases.id', 'cases.client_id', 'clients.name as client_name', 'clients.dob', 'cases.clinician_id', 'cases.jurisdiction', 'cases.status'])
      .where('cases.id', 'in', ids)
      .execute();
    if (cases.length === 0) continue;
    const active = cases.filter((c) => ['referred', 'open', 'on_hold'].includes(c.status));
    const activeIds = active.map((c) => c.id);
    const [plans, auths, mls, housing, work] =
      activeIds.length === 0
        ? [[], [], [], [], []]
        : await Promise.all([
            db
              .selectFrom('ehcp_plans')
              .leftJoin('organisations', 'organisations.id', 'ehcp_plans.la_org_id')
              .selectAll('ehcp_plans')
              .select('organisations.name as la_name')
              .where('ehcp_plans.case_id', 'in', activeIds)
              .execute(),
            db
              .selectFrom('authorisations')
              .leftJoin('organisations', 'organisations.id', 'authorisations.insurer_org_id')
              .selectAll('authorisations')
              .select('organisations.name as insurer_name')
              .where('authorisations.case_id', 'in', activeIds)
              .execute(),
            db
              .selectFrom('medico_legal_instructions')
              .leftJoin('organisations', 'organisations.id', 'medico_legal_instructions.solicitor_org_id')
              .selectAll('medico_legal_instructions')
              .select('organisations.name as solicitor_name')
              .where('medico_legal_instructions.case_id', 'in', activeIds)
              .execute(),
            db
              .selectFrom('housing_adaptations')
              .leftJoin('organisations', 'organisations.id', 'housing_adaptations.housing_org_id')
              .selectAll('housing_adaptations')
              .select('organisations.name as housing_name')
              .where('housing_adaptations.case_id', 'in', activeIds)
              .execute(),
            db
              .selectFrom('workplace_assessments')
              .leftJoin('organisations', 'organisations.id', 'workplace_assessments.employer_org_id')
              .selectAll('workplace_assessments')
              .select('organisations.name as employer_name')
              .where('workplace_assessments.case_id', 'in', activeIds)
              .execute(),
          ]);
    const authIds = auths.map((a) => a.id);
    const sessions =
      authIds.length === 0
        ? []
        : await db
            .selectFrom('sessions')
            .select(['authorisation_id', 'on_date'])
            .where('authorisation_id', 'in', authIds)
            .where('attendance', '=', 'attended')
            .orderBy('on_date')
            .execute();
    const sessionsByAuth = new Map<string, string[]>();
    for (const s of sessions)
      (sessionsByAuth.get(s.authorisation_id!) ?? sessionsByAuth.set(s.authorisation_id!, []).get(s.authorisation_id!)!).push(s.on_date);

    const planBy = new Map(plans.map((p) => [p.case_id, p]));
    const mlBy = new Map(mls.map((m) => [m.case_id, m]));
    const hBy = new Map(housing.map((h) => [h.case_id, h]));
    const wBy = new Map(work.map((w) => [w.case_id, w]));
    const authBy = new Map<string, typeof auths>();
    for (const a of auths) (authBy.get(a.case_id) ?? authBy.set(a.case_id, []).get(a.case_id)!).push(a);

    for (const c of cases) {
      const p = planBy.get(c.id);
      const m = mlBy.get(c.id);
      const h = hBy.get(c.id);
      const w = wBy.get(c.id);
      facts.push({
        case_id: c.id,
        client_id: c.client_id,
        client_name: c.client_name,
        client_dob: c.dob as LocalDate,
        clinician_id: c.clinician_id,
        jurisdiction: c.jurisdiction as Jurisdiction,
        status: c.status,
        ehcp: p
          ? {
              la_name: p.la_name,
              advice_requested_on: p.advice_requested_on as LocalDate | null,
              next_review_meeting_on: p.next_review_meeting_on as LocalDate | null,
              plan_issued_on: p.plan_issued_on as LocalDate | null,
              last_review_on: p.last_review_on as LocalDate | null,
              draft_served_on: p.draft_served_on as LocalDate | null,
              amendment_notice_on: p.amendment_notice_on as LocalDate | null,
              decision_letter_on: p.decision_letter_on as LocalDate | null,
              transfer_year: p.transfer_year === null ? null : Number(p.transfer_year),
              transfer_kind: p.transfer_kind,
            }
          : null,
        authorisations: (authBy.get(c.id) ?? []).map((a) => {
          const dates = sessionsByAuth.get(a.id) ?? [];
          const n = Number(a.sessions_authorised);
          return {
            id: a.id,
            insurer_name: a.insurer_name,
            authorisation_code: a.authorisation_code,
            valid_until: a.valid_until as LocalDate,
            sessions_authorised: n,
            sessions_used: dates.length,
            penultimate_session_on: n >= 2 && dates.length >= n - 1 ? (dates[n - 2] as LocalDate) : null,
          };
        }),
        medico_legal: m
          ? {
              solicitor_name: m.solicitor_name,
              report_due_on: m.report_due_on as LocalDate | null,
              report_served_on: m.report_served_on as LocalDate | null,
              questions_received_on: m.questions_received_on as LocalDate | null,
              stage: m.stage,
            }
          : null,
        housing: h
          ? {
              housing_name: h.housing_name,
              dfg_application_on: h.dfg_application_on as LocalDate | null,
              dfg_approved_on: h.dfg_approved_on as LocalDate | null,
            }
          : null,
        workplace: w
          ? { employer_name: w.employer_name, job_start_on: w.job_start_on as LocalDate | null, atw_application_on: w.atw_application_on as LocalDate | null }
          : null,
      });
    }
  }
  return facts;
}

export interface SyncResult extends TaskWriteResult {
  /** Open tasks closed as second copies of an obligation another task holds. */
  duplicates?: number;
  /** Rule-made tasks that had no reason and now carry one. */
  explained?: number;
}

export interface SyncOptions {
  /** Id maker for new tasks; the demo passes its seeded one so a demo stays deterministic. */
  newId?: () => string;
}

const CLOSED_BECAUSE = 'the trigger for this deadline no longer applies.';

/** Recomputes the rule-made tasks of some cases (or every case). Call inside the writing transaction. */
export async function syncCaseDeadlines(db: Db, ctx: Pick<ServiceContext, 'clock'>, caseIds?: string[], opts: SyncOptions = {}): Promise<SyncResult> {
  const ruleCtx = ruleContextFactory(await loadRuleOverrides(db));
  const facts = await loadCaseFacts(db, caseIds);
  const planned = facts.flatMap((f) => planCaseTasks(f, ruleCtx, ctx.clock.today()));
  const stored: StoredTask[] = [];
  const idChunks = caseIds ? inBatches(caseIds) : [undefined];
  for (const ids of idChunks) {
    // Report-back tasks (REF-RB) sit on cases too but are planned by services/referrals, not here.
    let q = db
      .selectFrom('tasks')
      .select([...STORED_TASK_COLUMNS])
      .where('rule_key', 'is not', null)
      .where('case_id', 'is not', null)
      .where('rule_key', 'not like', 'REF-%');
    if (ids) q = q.where('case_id', 'in', ids);
    stored.push(...(await q.execute()));
  }
  const byCase = new Map(facts.map((f) => [f.case_id, f]));
  const today = ctx.clock.today() as LocalDate;
  const result = await writeRuleTasks(db, ctx, {
    planned,
    stored,
    identity: 'rule_key',
    closedBecause: CLOSED_BECAUSE,
    closedWhy: (t) => whyNoLongerPlanned(t.case_id ? byCase.get(t.case_id) : undefined, t, today),
    newId: opts.newId,
  });
  await syncReportBacks(db, ctx, caseIds ? { caseIds } : undefined);
  const repaired = await repairCaseTasks(db, ctx, caseIds);
  return { ...result, ...repaired };
}

/**
 * One obligation, one open task; every rule-made task says why. Closes the open tasks of these
 * cases that copy an obligation another task holds (domain/deadlines/obligations.ts) and gives a
 * reason to rule-made tasks that have none.
 */
async function repairCaseTasks(db: Db, ctx: Pick<ServiceContext, 'clock'>, caseIds?: string[]): Promise<{ duplicates: number; explained: number }> {
  const open: OpenTaskFacts[] = [];
  for (const ids of caseIds ? inBatches(caseIds) : [undefined]) {
    let q = db
      .selectFrom('tasks')
      .select(['id', 'case_id', 'rule_id', 'rule_key', 'trigger_kind', 'trigger_on', 'title', 'due_on', 'reason', 'created_at'])
      .where('status', '=', 'open')
      .where('case_id', 'is not', null);
    if (ids) q = q.where('case_id', 'in', ids);
    open.push(...(await q.execute()));
  }
  const duplicates = findDuplicates(open);
  const byNote = new Map<string, string[]>();
  for (const d of duplicates) byNote.set(d.note, [...(byNote.get(d.note) ?? []), d.id]);
  for (const [note, ids] of byNote) await closeTasks(db, ids, { status: 'waived', on: ctx.clock.today(), note: `Closed by Steve: ${note}` });
  const closed = new Set(duplicates.map((d) => d.id));
  let explained = 0;
  for (const t of open) {
    const reason = closed.has(t.id) ? null : missingReason(t);
    if (!reason) continue;
    await db.updateTable('tasks').set({ reason }).where('id', '=', t.id).execute();
    explained++;
  }
  return { duplicates: duplicates.length, explained };
}

/** The compliance register and subject access requests: practice-level deadlines. */
export async function syncPracticeDeadlines(
  db: Db,
  ctx: Pick<ServiceContext, 'clock'>,
  jurisdiction: Jurisdiction,
  opts: SyncOptions = {},
): Promise<SyncResult> {
  const rc = ruleContextFactory(await loadRuleOverrides(db))(jurisdiction);
  const items = await db
    .selectFrom('compliance_items')
    .leftJoin('users', 'users.id', 'compliance_items.user_id')
    .select([
      'compliance_items.id',
      'compliance_items.rule_id',
      'compliance_items.title',
      'compliance_items.user_id',
      'users.name as holder_name',
      'compliance_items.last_done_on',
    ])
    .execute();
  const sars = await db.selectFrom('subject_access_requests').selectAll().execute();
  const planned: PlannedTask[] = [
    ...items.map((i) => planComplianceTask({ ...i, last_done_on: i.last_done_on as LocalDate }, rc)),
    ...sars.flatMap((s) => {
      const t = planSubjectAccessTask(
        { ...s, received_on: s.received_on as LocalDate, responded_on: s.responded_on as LocalDate | null, extended: Number(s.extended) === 1 },
        rc,
      );
      return t ? [t] : [];
    }),
  ];
  const stored = await db
    .selectFrom('tasks')
    .select([...STORED_TASK_COLUMNS])
    .where((eb) => eb.or([eb('rule_key', 'like', '%|compliance:%'), eb('rule_key', 'like', 'GDPR-02|sar:%')]))
    .execute();
  return writeRuleTasks(db, ctx, { planned, stored, identity: 'rule_key', closedBecause: CLOSED_BECAUSE, newId: opts.newId });
}
