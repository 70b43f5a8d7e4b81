import { TASK_EVENT_ACTIONS, type TaskEvent, type TaskHistoryResponse } from '../../contract/tasks.js';
import type { ServiceContext } from '../context.js';
import { TASK_EVENT_COLUMNS, visibleTask } from './task-record.js';

const isAction = (a: string): a is TaskEvent['action'] => (TASK_EVENT_ACTIONS as readonly string[]).includes(a);

/** A task and everything done to it, oldest first: who marked it done or snoozed it, when and why. */
export async function listTaskHistory(ctx: ServiceContext, id: string): Promise<TaskHistoryResponse> {
  const task = await visibleTask(ctx.db, ctx, id);
  const rows = await ctx.db
    .selectFrom('task_events')
    .leftJoin('users', 'users.id', 'task_events.user_id')
    .select(TASK_EVENT_COLUMNS)
    .where('task_events.task_id', '=', id)
    .orderBy('task_events.at')
    .orderBy('task_events.id')
    .execute();
  const events = rows.flatMap((r) => (isAction(r.action) ? [{ ...r, action: r.action }] : []));
  return { task, events };
}
