import { parseInput } from '../../contract/common.js';
import { reopenTaskInput, type ReopenTaskInput } from '../../contract/tasks.js';
import { AppError } from '../../domain/errors.js';
import { appendAudit } from '../audit/append-audit.js';
import type { ServiceContext } from '../context.js';
import { getTask, recordTaskEvent, visibleTask } from './task-record.js';

/**
 * Undoes what took a task off the list: a done or waived task is open again, a snoozed one is
 * back today (a reopened task is never still asleep). A task that is open and awake is refused, so an Undo pressed twice changes nothing.
 */
export async function reopenTask(ctx: ServiceContext, id: string, input: ReopenTaskInput = {}) {
  const data = parseInput(reopenTaskInput, input);
  return ctx.db.transaction().execute(async (trx) => {
    const t = await visibleTask(trx, ctx, id);
    const snoozed = t.status === 'open' && t.snoozed_until !== null && t.snoozed_until > ctx.clock.today();
    if (t.status === 'open' && !snoozed) throw new AppError('CONFLICT', `Task "${t.title}" is already open.`);
    if (snoozed) {
      await trx.updateTable('tasks').set({ snoozed_until: null }).where('id', '=', id).execute();
      await recordTaskEvent(trx, ctx, { task_id: id, action: 'unsnoozed', note: data.note ?? '' });
    } else {
      await trx.updateTable('tasks').set({ status: 'open', completed_on: null, snoozed_until: null }).where('id', '=', id).execute();
      await recordTaskEvent(trx, ctx, { task_id: id, action: 'reopened', note: data.note ?? '' });
    }
    await appendAudit(trx, ctx, { action: 'update', entity: 'task', entity_id: id, client_id: t.client_id, detail: snoozed ? 'snoozed_until' : 'status=open' });
    return getTask(trx, id);
  });
}
