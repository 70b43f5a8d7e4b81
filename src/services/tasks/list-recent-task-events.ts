import { parseInput } from '../../contract/common.js';
import { recentTaskEventsInput, TASK_EVENT_ACTIONS, type RecentTaskEvent, type RecentTaskEventsInput } from '../../contract/tasks.js';
import { actorUserId, type ServiceContext } from '../context.js';
import { assertClientVisible } from '../access.js';
import { TASK_EVENT_COLUMNS } from './task-record.js';

/** How far back Today looks for the person's own actions that can still be undone. */
const DEFAULT_DAYS = 7;

/**
 * The person's own recent Done, Waive and Snooze actions whose effect still stands (the task is
 * still done, waived or asleep), newest first, so Today can offer Reopen or Undo for each.
 */
export async function listRecentTaskEvents(ctx: ServiceContext, input: RecentTaskEventsInput = {}): Promise<RecentTaskEvent[]> {
  const opts = parseInput(recentTaskEventsInput, input);
  const since = new Date(ctx.clock.now().getTime() - (opts.days ?? DEFAULT_DAYS) * 86_400_000).toISOString();
  const today = ctx.clock.today();
  const me = actorUserId(ctx.actor);
  let q = ctx.db
    .selectFrom('task_events')
    .innerJoin('tasks', 'tasks.id', 'task_events.task_id')
    .leftJoin('clients', 'clients.id', 'tasks.client_id')
    .leftJoin('users', 'users.id', 'task_events.user_id')
    .select([
      ...TASK_EVENT_COLUMNS,
      'tasks.title as task_title',
      'tasks.hardness',
      'tasks.status',
      'tasks.snoozed_until',
      'tasks.client_id',
      'clients.name as client_name',
    ])
    .where('task_events.at', '>=', since)
    .where('task_events.action', 'in', ['done', 'waived', 'snoozed'])
    .orderBy('task_events.at', 'desc')
    .orderBy('task_events.id', 'desc')
    .limit(50);
  q = me ? q.where('task_events.user_id', '=', me) : q.where('task_events.user_id', 'is', null);
  const rows = await q.execute();
  const seen = new Set<string>();
  const out: RecentTaskEvent[] = [];
  for (const r of rows) {
    // Only the latest action on each task, and only while it still stands.
    if (seen.has(r.task_id)) continue;
    seen.add(r.task_id);
    const stands = r.action === 'snoozed' ? r.status === 'open' && r.snoozed_until === r.until && (r.until ?? '') > today : r.status === r.action;
    const action = TASK_EVENT_ACTIONS.find((a) => a === r.action);
    if (!stands || !action) continue;
    if (
      r.client_id &&
      !(await assertClientVisible(ctx.db, ctx.actor, r.client_id).then(
        () => true,
        () => false,
      ))
    )
      continue;
    out.push({
      id: r.id,
      task_id: r.task_id,
      at: r.at,
      action,
      until: r.until,
      note: r.note,
      confirmation: r.confirmation,
      by: r.by,
      task_title: r.task_title,
      hard: r.hardness === 'hard',
      client_id: r.client_id,
      client_name: r.client_name,
    });
  }
  return out;
}
