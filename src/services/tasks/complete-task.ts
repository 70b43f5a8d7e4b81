import { parseInput } from '../../contract/common.js';
import { completeTaskInput, type CompleteTaskInput } from '../../contract/tasks.js';
import { AppError } from '../../domain/errors.js';
import { appendAudit } from '../audit/append-audit.js';
import type { ServiceContext } from '../context.js';
import { requireConfirmation } from './task-confirmation.js';
import { getTask, recordTaskEvent, visibleTask } from './task-record.js';

/**
 * Marks a task done (or waived), with an optional note of what was sent. A statutory or court
 * deadline also needs a one-line confirmation. Completing a finished task again is refused,
 * so nothing changes silently.
 */
export async function completeTask(ctx: ServiceContext, id: string, input: CompleteTaskInput = {}) {
  const data = parseInput(completeTaskInput, input);
  const outcome = data.outcome ?? 'done';
  return ctx.db.transaction().execute(async (trx) => {
    const t = await visibleTask(trx, ctx, id);
    if (t.status !== 'open') throw new AppError('CONFLICT', `Task "${t.title}" is already ${t.status}.`);
    const confirmation = requireConfirmation(t, outcome, data.confirmation);
    const notes = data.note ? (t.notes ? `${t.notes}\n${data.note}` : data.note) : t.notes;
    await trx
      .updateTable('tasks')
      .set({ status: outcome, completed_on: data.on ?? ctx.clock.today(), notes })
      .where('id', '=', id)
      .execute();
    await recordTaskEvent(trx, ctx, { task_id: id, action: outcome, note: data.note ?? '', confirmation });
    await appendAudit(trx, ctx, { action: 'update', entity: 'task', entity_id: id, client_id: t.client_id, detail: `status=${outcome}` });
    return getTask(trx, id);
  });
}
