/**
 * The Today page: open tasks the actor can see, grouped by when they fall due. Snoozed
 * tasks stay out until their snooze ends. Each list is capped so a practice with a long
 * backlog still gets a quick page; the counts say how many there are in all.
 */
import { addDays } from '../../domain/calendar/local-date.js';
import { inCaseload, seesAllClients } from '../access.js';
import type { ServiceContext } from '../context.js';

export const UPCOMING_DAYS = 14;
export const BRIEFING_LIST_CAP = 200;

function openVisibleTasks(ctx: ServiceContext) {
  const today = ctx.clock.today();
  // No joins here: the counts then read only the (status, due_on, id, snoozed_until) index.
  let q = ctx.db
    .selectFrom('tasks')
    .where('tasks.status', '=', 'open')
    .where((eb) => eb.or([eb('tasks.snoozed_until', 'is', null), eb('tasks.snoozed_until', '<=', today)]));
  // The same visibility as listTasks (services/tasks/tasks.ts): a clinician sees tasks assigned
  // to them, on their caseload, or on no client at all.
  if (!seesAllClients(ctx.actor) && ctx.actor.kind === 'user') {
    const me = ctx.actor.id;
    q = q.where((eb) =>
      eb.or([
        eb('tasks.assignee_id', '=', me),
        eb('tasks.client_id', 'is', null),
        eb('tasks.client_id', 'in', eb.selectFrom('clients').select('clients.id').where(inCaseload(me))),
      ]),
    );
  }
  return q;
}

type Range = { from?: string; before?: string };

async function listIn(ctx: ServiceContext, r: Range) {
  let q = openVisibleTasks(ctx)
    .leftJoin('clients', 'clients.id', 'tasks.client_id')
    .leftJoin('users', 'users.id', 'tasks.assignee_id')
    .selectAll('tasks')
    .select(['clients.name as client_name', 'users.name as assignee_name']);
  if (r.from) q = q.where('tasks.due_on', '>=', r.from);
  if (r.before) q = q.where('tasks.due_on', '<', r.before);
  return q.orderBy('tasks.due_on').orderBy('tasks.id').limit(BRIEFING_LIST_CAP).execute();
}

async function countIn(ctx: ServiceContext, r: Range): Promise<number> {
  let q = openVisibleTasks(ctx).select((eb) => eb.fn.countAll<number>().as('n'));
  if (r.from) q = q.where('tasks.due_on', '>=', r.from);
  if (r.before) q = q.where('tasks.due_on', '<', r.before);
  const row = await q.executeTakeFirst();
  return Number(row?.n ?? 0);
}

export async function getBriefing(ctx: ServiceContext) {
  const today = ctx.clock.today();
  const tomorrow = addDays(today, 1);
  const horizon = addDays(today, UPCOMING_DAYS + 1);
  const overdueRange = { before: today };
  const todayRange = { from: today, before: tomorrow };
  const upcomingRange = { from: tomorrow, before: horizon };
  const [overdue, due_today, upcoming, overdue_count, due_today_count, upcoming_count, later_count] = await Promise.all([
    listIn(ctx, overdueRange),
    listIn(ctx, todayRange),
    listIn(ctx, upcomingRange),
    countIn(ctx, overdueRange),
    countIn(ctx, todayRange),
    countIn(ctx, upcomingRange),
    countIn(ctx, { from: horizon }),
  ]);
  return { today, overdue, due_today, upcoming, later_count, overdue_count, due_today_count, upcoming_count };
}
