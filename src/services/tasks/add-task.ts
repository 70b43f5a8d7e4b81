import { parseInput } from '../../contract/common.js';
import { addTaskInput, type AddTaskInput } from '../../contract/tasks.js';
import { newId } from '../../db/ids.js';
import { invalid } from '../../domain/errors.js';
import { assertClientVisible } from '../access.js';
import { appendAudit } from '../audit/append-audit.js';
import { nowIso, type ServiceContext } from '../context.js';
import { getTask } from './task-record.js';

export async function addTask(ctx: ServiceContext, input: AddTaskInput) {
  const data = parseInput(addTaskInput, input);
  return ctx.db.transaction().execute(async (trx) => {
    let clientId = data.client_id ?? null;
    if (data.case_id) {
      const c = await trx.selectFrom('cases').select('client_id').where('id', '=', data.case_id).executeTakeFirst();
      if (!c) throw invalid(`No case with id ${data.case_id}.`, 'case_id');
      if (clientId && clientId !== c.client_id) throw invalid('That case belongs to a different client.', 'case_id');
      clientId = c.client_id;
    }
    if (clientId) {
      const exists = await trx.selectFrom('clients').select('id').where('id', '=', clientId).executeTakeFirst();
      if (!exists) throw invalid(`No client with id ${clientId}.`, 'client_id');
      await assertClientVisible(trx, ctx.actor, clientId);
    }
    if (data.assignee_id) {
      const u = await trx.selectFrom('users').select('id').where('id', '=', data.assignee_id).executeTakeFirst();
      if (!u) throw invalid(`No user with id ${data.assignee_id}.`, 'assignee_id');
    }
    const row = {
      id: newId(),
      title: data.title,
      kind: data.kind ?? 'general',
      hardness: data.hardness ?? 'soft',
      due_on: data.due_on,
      status: 'open',
      rule_id: null,
      trigger_kind: null,
      trigger_on: null,
      trigger_ref: null,
      snoozed_until: null,
      assignee_id: data.assignee_id ?? (ctx.actor.kind === 'user' ? ctx.actor.id : null),
      client_id: clientId,
      case_id: data.case_id ?? null,
      notes: data.notes ?? '',
      completed_on: null,
      created_at: nowIso(ctx),
    };
    await trx.insertInto('tasks').values(row).execute();
    await appendAudit(trx, ctx, { action: 'create', entity: 'task', entity_id: row.id, client_id: clientId });
    return getTask(trx, row.id);
  });
}
