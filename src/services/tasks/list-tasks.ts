import { parseInput } from '../../contract/common.js';
import { listTasksInput, type ListTasksInput } from '../../contract/tasks.js';
import { inCaseload, seesAllClients } from '../access.js';
import type { ServiceContext } from '../context.js';
import { taskQuery } from './task-record.js';

/**
 * Open tasks by due date (soonest first). A clinician sees tasks assigned to them, on
 * their caseload, or on no client at all; owner and admin see all.
 */
export async function listTasks(ctx: ServiceContext, input: ListTasksInput = {}) {
  const opts = parseInput(listTasksInput, input);
  let q = taskQuery(ctx.db).orderBy('tasks.due_on').orderBy('tasks.id');
  q = q.where('tasks.status', '=', opts.status ?? 'open');
  if (opts.client_id) q = q.where('tasks.client_id', '=', opts.client_id);
  if (opts.case_id) q = q.where('tasks.case_id', '=', opts.case_id);
  if (opts.assignee_id) q = q.where('tasks.assignee_id', '=', opts.assignee_id);
  if (opts.due_before) q = q.where('tasks.due_on', '<', opts.due_before);
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
  return q.limit(opts.limit ?? 500).execute();
}
