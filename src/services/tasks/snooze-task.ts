import { parseInput } from '../../contract/common.js';
import { snoozeTaskInput, type SnoozeTaskInput } from '../../contract/tasks.js';
import { AppError, invalid } from '../../domain/errors.js';
import { appendAudit } from '../audit/append-audit.js';
import type { ServiceContext } from '../context.js';
import { requireConfirmation } from './task-confirmation.js';
import { getTask, recordTaskEvent, visibleTask } from './task-record.js';

/**
 * Hides an open task from Today until a later date, with the reason it can wait; its due date
 * stays as it is, so an overdue task comes back overdue. A statutory or court deadline also
 * needs a one-line confirmation.
 */
export async function snoozeTask(ctx: ServiceContext, id: string, input: SnoozeTaskInput) {
  const data = parseInput(snoozeTaskInput, input);
  if (data.until <= ctx.clock.today()) throw invalid('Snooze until a day after today.', 'until');
  return ctx.db.transaction().execute(async (trx) => {
    const t = await visibleTask(trx, ctx, id);
    if (t.status !== 'open') throw new AppError('CONFLICT', `Task "${t.title}" is already ${t.status}: reopen it first.`);
    const confirmation = requireConfirmation(t, 'snoozed', data.confirmation);
    await trx.updateTable('tasks').set({ snoozed_until: data.until }).where('id', '=', id).execute();
    await recordTaskEvent(trx, ctx, { task_id: id, action: 'snoozed', until: data.until, note: data.reason, confirmation });
    await appendAudit(trx, ctx, { action: 'update', entity: 'task', entity_id: id, client_id: t.client_id, detail: 'snoozed_until' });
    return getTask(trx, id);
  });
}
