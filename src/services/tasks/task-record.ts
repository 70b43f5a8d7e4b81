/** How a task is read, shown and checked for the person asking; and how what happens to it is recorded. */
import { newId } from '../../db/ids.js';
import { notFound } from '../../domain/errors.js';
import { assertClientVisible } from '../access.js';
import { actorUserId, nowIso, type Db, type ServiceContext } from '../context.js';

export function taskQuery(db: Db) {
  return db
    .selectFrom('tasks')
    .leftJoin('clients', 'clients.id', 'tasks.client_id')
    .leftJoin('users', 'users.id', 'tasks.assignee_id')
    .selectAll('tasks')
    .select(['clients.name as client_name', 'users.name as assignee_name']);
}

export async function getTask(db: Db, id: string) {
  const t = await taskQuery(db).where('tasks.id', '=', id).executeTakeFirst();
  if (!t) throw notFound('task', id);
  return t;
}

/** A task the actor may see; another clinician's client's task is "not found", which leaks nothing. */
export async function visibleTask(trx: Db, ctx: ServiceContext, id: string) {
  const t = await getTask(trx, id);
  if (t.client_id) {
    await assertClientVisible(trx, ctx.actor, t.client_id).catch(() => {
      throw notFound('task', id);
    });
  }
  return t;
}

/** What a person did to a task and why, for its history (the audit chain records only that it changed). */
/** The columns of a task event as the contract shows it, with who acted; shared by the history and the recent-actions list. */
export const TASK_EVENT_COLUMNS = [
  'task_events.id',
  'task_events.task_id',
  'task_events.at',
  'task_events.action',
  'task_events.until',
  'task_events.note',
  'task_events.confirmation',
  'users.name as by',
] as const;

export type TaskEventAction = 'done' | 'waived' | 'snoozed' | 'reopened' | 'unsnoozed';

export async function recordTaskEvent(
  trx: Db,
  ctx: ServiceContext,
  e: { task_id: string; action: TaskEventAction; until?: string | null; note?: string; confirmation?: string },
): Promise<void> {
  await trx
    .insertInto('task_events')
    .values({
      id: newId(),
      task_id: e.task_id,
      at: nowIso(ctx),
      user_id: actorUserId(ctx.actor),
      action: e.action,
      until: e.until ?? null,
      note: e.note ?? '',
      confirmation: e.confirmation ?? '',
    })
    .execute();
}
