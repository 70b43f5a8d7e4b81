/**
 * An RFC 5545 calendar of open deadlines and upcoming EHCP review meetings.
 * UIDs are stable (a task keeps its id when its trigger moves; a plan has one next meeting),
 * so a calendar that re-reads the feed updates events rather than duplicating them.
 * Dates are all-day events; no time zone is written (STACK.md: ical-generator mislabels them).
 */
import icalGenerator, { ICalCalendarMethod } from 'ical-generator';
import { addDays, type LocalDate } from '../../domain/calendar/local-date.js';
import { inCaseload, seesAllClients } from '../access.js';
import type { ServiceContext } from '../context.js';
import { getPractice } from '../practice/get-practice.js';

const asDay = (d: string) => {
  const [y, m, day] = d.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, day));
};

export async function buildCalendar(ctx: ServiceContext, opts: { clinician_id?: string } = {}): Promise<string> {
  const practice = await getPractice(ctx.db);
  const scopeTo = opts.clinician_id ?? (!seesAllClients(ctx.actor) && ctx.actor.kind === 'user' ? ctx.actor.id : undefined);
  let tq = ctx.db
    .selectFrom('tasks')
    .leftJoin('clients', 'clients.id', 'tasks.client_id')
    .select(['tasks.id', 'tasks.title', 'tasks.due_on', 'tasks.rule_id', 'tasks.reason', 'tasks.hardness', 'clients.name as client_name'])
    .where('tasks.status', '=', 'open');
  if (scopeTo)
    tq = tq.where((eb) =>
      eb.or([eb('tasks.assignee_id', '=', scopeTo), eb('tasks.client_id', 'in', eb.selectFrom('clients').select('clients.id').where(inCaseload(scopeTo)))]),
    );
  const tasks = await tq.orderBy('tasks.due_on').execute();

  let mq = ctx.db
    .selectFrom('ehcp_plans')
    .innerJoin('cases', 'cases.id', 'ehcp_plans.case_id')
    .innerJoin('clients', 'clients.id', 'cases.client_id')
    .select(['ehcp_plans.id', 'ehcp_plans.next_review_meeting_on', 'clients.name as client_name'])
    .where('ehcp_plans.next_review_meeting_on', '>=', ctx.clock.today())
    .where('cases.status', 'in', ['referred', 'open', 'on_hold']);
  if (scopeTo) mq = mq.where(inCaseload(scopeTo));
  const meetings = await mq.execute();

  const cal = icalGenerator({
    name: `${practice.name}: deadlines`,
    prodId: { company: 'Steve', product: 'deadlines', language: 'EN' },
    method: ICalCalendarMethod.PUBLISH,
  });
  const stamp = ctx.clock.now();
  for (const t of tasks) {
    cal.createEvent({
      id: `task-${t.id}@steve`,
      start: asDay(t.due_on),
      end: asDay(addDays(t.due_on as LocalDate, 1)),
      allDay: true,
      stamp,
      summary: `${t.hardness === 'hard' ? '⚖ ' : ''}${t.title}`,
      description: [t.client_name ? `Client: ${t.client_name}` : '', t.rule_id ? `Rule: ${t.rule_id}` : '', t.reason ?? ''].filter(Boolean).join('\n'),
    });
  }
  for (const m of meetings) {
    cal.createEvent({
      id: `ehcp-meeting-${m.id}@steve`,
      start: asDay(m.next_review_meeting_on!),
      end: asDay(addDays(m.next_review_meeting_on as LocalDate, 1)),
      allDay: true,
      stamp,
      summary: `Annual review meeting: ${m.client_name}`,
    });
  }
  return cal.toString();
}
