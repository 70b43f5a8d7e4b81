/**
 * The EHCP register: every child with a plan, their LA, school and SENCO, plan dates, and
 * the next deadline Steve is tracking for them.
 */
import { workingCalendar } from '../../domain/calendar/bank-holidays.js';
import type { LocalDate } from '../../domain/calendar/local-date.js';
import { notFound } from '../../domain/errors.js';
import { planWarnings } from '../../domain/deadlines/plausible-dates.js';
import { computeDeadline, DIVISION_OF, ruleStanding } from '../../domain/deadlines/rules.js';
import type { Jurisdiction } from '../../domain/vocabulary.js';
import { assertClientVisible, inCaseload, seesAllClients } from '../access.js';
import { appendAudit } from '../audit/append-audit.js';
import type { ServiceContext } from '../context.js';

export async function listEhcpRegister(ctx: ServiceContext) {
  let q = ctx.db
    .selectFrom('ehcp_plans')
    .innerJoin('cases', 'cases.id', 'ehcp_plans.case_id')
    .innerJoin('clients', 'clients.id', 'cases.client_id')
    .leftJoin('organisations as la', 'la.id', 'ehcp_plans.la_org_id')
    .leftJoin('organisations as school', 'school.id', 'ehcp_plans.school_org_id')
    .leftJoin('contacts as senco', 'senco.id', 'ehcp_plans.senco_contact_id')
    .select([
      'cases.id as case_id',
      'clients.id as client_id',
      'clients.name as client_name',
      'clients.dob',
      'cases.jurisdiction',
      'cases.status',
      'la.name as la_name',
      'ehcp_plans.la_reference',
      'school.name as school_name',
      'senco.name as senco_name',
      'ehcp_plans.year_group',
      'ehcp_plans.plan_issued_on',
      'ehcp_plans.last_review_on',
      'ehcp_plans.next_review_meeting_on',
      'ehcp_plans.advice_requested_on',
      'ehcp_plans.transfer_year',
    ])
    .where('cases.status', 'in', ['referred', 'open', 'on_hold'])
    .orderBy('clients.name');
  if (!seesAllClients(ctx.actor) && ctx.actor.kind === 'user') q = q.where(inCaseload(ctx.actor.id));
  const rows = await q.execute();
  const caseIds = rows.map((r) => r.case_id);
  const next = new Map<string, { due_on: string; title: string; rule_id: string | null; hardness: string }>();
  for (let i = 0; i < caseIds.length; i += 500) {
    const tasks = await ctx.db
      .selectFrom('tasks')
      .select(['case_id', 'due_on', 'title', 'rule_id', 'hardness'])
      .where('status', '=', 'open')
      .where('case_id', 'in', caseIds.slice(i, i + 500))
      .orderBy('due_on')
      .execute();
    for (const t of tasks) if (!next.has(t.case_id!)) next.set(t.case_id!, t);
  }
  return rows.map((r) => ({
    ...r,
    transfer_year: r.transfer_year === null ? null : Number(r.transfer_year),
    modelled: r.jurisdiction === 'england',
    next_deadline: next.get(r.case_id) ?? null,
  }));
}

/**
 * A child's EHCP timeline: the plan, what has happened, and the dates that follow from it,
 * each explained by its rule. Other nations are reported as not modelled (JUR-UI-01).
 */
export async function getEhcpTimeline(ctx: ServiceContext, caseId: string) {
  return ctx.db.transaction().execute(async (trx) => {
    const c = await trx
      .selectFrom('cases')
      .innerJoin('clients', 'clients.id', 'cases.client_id')
      .select(['cases.id', 'cases.client_id', 'clients.name as client_name', 'cases.jurisdiction', 'cases.status'])
      .where('cases.id', '=', caseId)
      .executeTakeFirst();
    if (!c) throw notFound('case', caseId);
    await assertClientVisible(trx, ctx.actor, c.client_id);
    const plan = await trx.selectFrom('ehcp_plans').selectAll().where('case_id', '=', caseId).executeTakeFirst();
    if (!plan) throw notFound('EHC plan for case', caseId);
    const events = await trx
      .selectFrom('ehcp_events')
      .selectAll()
      .where('case_id', '=', caseId)
      .orderBy('on_date', 'desc')
      .orderBy('created_at', 'desc')
      .execute();
    const tasks = await trx
      .selectFrom('tasks')
      .select(['id', 'title', 'due_on', 'status', 'rule_id', 'reason', 'hardness', 'completed_on', 'trigger_on'])
      .where('case_id', '=', caseId)
      .where('rule_key', 'is not', null)
      .orderBy('due_on')
      .execute();
    const j = c.jurisdiction as Jurisdiction;
    // Dates that follow a set meeting but are other people's duties: shown, not tasked.
    const followOn: { rule: string; title: string; due: string; reason: string }[] = [];
    if (j === 'england' && plan.next_review_meeting_on) {
      const rc = { jurisdiction: j, calendar: workingCalendar(DIVISION_OF[j]) };
      for (const id of ['EHCP-AR-05', 'EHCP-AR-06']) {
        const d = computeDeadline(id, plan.next_review_meeting_on as LocalDate, rc);
        followOn.push({ rule: d.rule, title: d.title, due: d.due, reason: d.reason });
      }
    }
    await appendAudit(trx, ctx, { action: 'read', entity: 'ehcp_plan', entity_id: plan.id, client_id: c.client_id });
    return {
      case_id: c.id,
      client_id: c.client_id,
      client_name: c.client_name,
      jurisdiction: j,
      modelled: j === 'england',
      not_modelled_reason:
        j === 'england'
          ? null
          : `Statutory timers for ${j === 'ni' ? 'Northern Ireland' : j[0]!.toUpperCase() + j.slice(1)} are not modelled: England's EHCP dates are not applied (JUR-UI-01).`,
      plan,
      events,
      deadlines: tasks.map((t) => ({ ...t, standing: ruleStanding(t.rule_id)?.words ?? null })),
      follow_on: followOn.map((f) => ({ ...f, standing: ruleStanding(f.rule)!.words })),
      warnings: j === 'england' ? planWarnings(plan, workingCalendar(DIVISION_OF[j])) : [],
    };
  });
}
