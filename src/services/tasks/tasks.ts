/** Tasks: anything with a due date. Rule-made tasks come from the deadline engine; these are the shared verbs. */
import { parseInput } from '../../contract/common.js';
import {
  addTaskInput,
  completeTaskInput,
  listTasksInput,
  snoozeTaskInput,
  type AddTaskInput,
  type CompleteTaskInput,
  type ListTasksInput,
} from '../../contract/tasks.js';
import { newId } from '../../db/ids.js';
import { AppError, invalid, notFound } from '../../domain/errors.js';
import { assertClientVisible, inCaseload, seesAllClients } from '../access.js';
import { appendAudit } from '../audit/append-audit.js';
import { nowIso, type Db, type ServiceContext } from '../context.js';

function taskQuery(db: Db) {
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

async function visibleTask(trx: Db, ctx: ServiceContext, id: string) {
  const t = await getTask(trx, id);
  if (t.client_id) {
    await assertClientVisible(trx, ctx.actor, t.client_id).catch(() => {
      throw notFound('task', id);
    });
  }
  return t;
}

/** Marks a task done (or waived). Completing a finished task again is refused, so nothing changes silently. */
export async function completeTask(ctx: ServiceContext, id: string, input: CompleteTaskInput = {}) {
  const data = parseInput(completeTaskInput, input);
  return ctx.db.transaction().execute(async (trx) => {
    const t = await visibleTask(trx, ctx, id);
    if (t.status !== 'open') throw new AppError('CONFLICT', `Task "${t.title}" is already ${t.status}.`);
    const notes = data.note ? (t.notes ? `${t.notes}\n${data.note}` : data.note) : t.notes;
    await trx
      .updateTable('tasks')
      .set({ status: data.outcome ?? 'done', completed_on: data.on ?? ctx.clock.today(), notes })
      .where('id', '=', id)
      .execute();
    await appendAudit(trx, ctx, { action: 'update', entity: 'task', entity_id: id, client_id: t.client_id, detail: `status=${data.outcome ?? 'done'}` });
    return getTask(trx, id);
  });
}

export async function reopenTask(ctx: ServiceContext, id: string) {
  return ctx.db.transaction().execute(async (trx) => {
    const t = await visibleTask(trx, ctx, id);
    await trx.updateTable('tasks').set({ status: 'open', completed_on: null }).where('id', '=', id).execute();
    await appendAudit(trx, ctx, { action: 'update', entity: 'task', entity_id: id, client_id: t.client_id, detail: 'status=open' });
    return getTask(trx, id);
  });
}

export async function snoozeTask(ctx: ServiceContext, id: string, input: { until: string }) {
  const data = parseInput(snoozeTaskInput, input);
  if (data.until <= ctx.clock.today()) throw invalid('Snooze until a day after today.', 'until');
  return ctx.db.transaction().execute(async (trx) => {
    const t = await visibleTask(trx, ctx, id);
    await trx.updateTable('tasks').set({ snoozed_until: data.until }).where('id', '=', id).execute();
    await appendAudit(trx, ctx, { action: 'update', entity: 'task', entity_id: id, client_id: t.client_id, detail: 'snoozed_until' });
    return getTask(trx, id);
  });
}
