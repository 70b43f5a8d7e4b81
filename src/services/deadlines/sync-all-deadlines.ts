/**
 * `steve deadlines sync`: recomputes every task Steve makes from rules and facts, for the whole
 * practice, and repairs what an older database may hold: tasks left behind by a trigger that has
 * gone, second copies of one obligation, rule-made tasks with no reason. Safe to repeat.
 */
import { findStaleInsurerTasks } from '../../domain/deadlines/obligations.js';
import type { Jurisdiction } from '../../domain/vocabulary.js';
import { requirePermission } from '../access.js';
import { appendAudit } from '../audit/append-audit.js';
import { syncInvoiceDeadlineTasks, syncMedicoLegalTasks } from '../billing/money-tasks.js';
import type { ServiceContext } from '../context.js';
import { getPractice } from '../practice/get-practice.js';
import { closeTasks } from '../tasks/write-rule-tasks.js';
import { syncCaseDeadlines, syncPracticeDeadlines, type SyncResult } from './sync-deadlines.js';

export async function syncAllDeadlines(ctx: ServiceContext): Promise<Required<SyncResult>> {
  requirePermission(ctx.actor, 'deadlines.repair', 'recompute every deadline');
  return ctx.db.transaction().execute(async (trx) => {
    const caseIds = (await trx.selectFrom('cases').select('id').orderBy('id').execute()).map((c) => c.id);
    // The money area's own tasks first, so the case sync's repair sees them beside any older copies.
    const invoices = await syncInvoiceDeadlineTasks(trx, ctx, caseIds);
    const medicoLegal = await syncMedicoLegalTasks(trx, ctx, caseIds);
    const cases = await syncCaseDeadlines(trx, ctx);
    const practice = await syncPracticeDeadlines(trx, ctx, (await getPractice(trx)).default_jurisdiction as Jurisdiction);
    const stale = findStaleInsurerTasks(
      await trx
        .selectFrom('tasks')
        .select(['id', 'case_id', 'rule_id', 'rule_key', 'trigger_kind', 'trigger_on', 'title', 'due_on', 'reason', 'created_at'])
        .where('status', '=', 'open')
        .where('rule_id', 'in', ['INS-BUPA-01', 'INS-AXA-01'])
        .execute(),
    );
    for (const t of stale) await closeTasks(trx, [t.id], { status: 'waived', on: ctx.clock.today(), note: `Closed by Steve: ${t.note}` });
    const parts = [invoices, medicoLegal, cases, practice];
    const sum = (k: 'created' | 'moved' | 'closed') => parts.reduce((n, p) => n + p[k], 0);
    const result = {
      created: sum('created'),
      moved: sum('moved'),
      closed: sum('closed') + stale.length,
      duplicates: cases.duplicates ?? 0,
      explained: cases.explained ?? 0,
    };
    await appendAudit(trx, ctx, {
      action: 'update',
      entity: 'tasks',
      detail: `deadlines sync: ${result.created} created, ${result.moved} moved, ${result.closed} closed, ${result.duplicates} duplicates closed, ${result.explained} explained`,
    });
    return result;
  });
}
