/** The chase ladder as a use case: bring chase tasks up to date, then list what is to send. */
import { requirePermission } from '../access.js';
import type { ServiceContext } from '../context.js';
import { syncChaseTasks } from './money-tasks.js';

export async function runChasers(ctx: ServiceContext) {
  requirePermission(ctx.actor, 'debts.chase');
  const sync = await ctx.db.transaction().execute((trx) => syncChaseTasks(trx, ctx));
  const open = await ctx.db
    .selectFrom('tasks')
    .leftJoin('invoices', 'invoices.id', 'tasks.trigger_ref')
    .select([
      'tasks.id',
      'tasks.title',
      'tasks.due_on',
      'tasks.trigger_kind',
      'tasks.notes',
      'invoices.number',
      'invoices.payer_name',
      'invoices.outstanding_pence',
    ])
    .where('tasks.kind', '=', 'chaser')
    .where('tasks.status', '=', 'open')
    .where('tasks.trigger_kind', 'like', 'chase_%')
    .orderBy('tasks.due_on')
    .orderBy('invoices.number')
    .limit(1000)
    .execute();
  return {
    ...sync,
    chasers: open.map((t) => ({
      task_id: t.id,
      level: (t.trigger_kind ?? '').replace('chase_', ''),
      invoice_number: t.number,
      payer_name: t.payer_name,
      outstanding_pence: Number(t.outstanding_pence ?? 0),
      due_on: t.due_on,
      title: t.title,
      letter: t.notes,
    })),
  };
}
