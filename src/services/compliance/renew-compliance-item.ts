import { parseInput } from '../../contract/common.js';
import { isoDate } from '../../contract/common.js';
import { invalid, notFound } from '../../domain/errors.js';
import { requirePermission } from '../access.js';
import { appendAudit } from '../audit/append-audit.js';
import type { ServiceContext } from '../context.js';
import { syncPracticeDeadlines } from '../deadlines/sync-deadlines.js';
import { practiceJurisdiction } from './practice-jurisdiction.js';
import { closeTasks, openTaskIds } from '../tasks/write-rule-tasks.js';

/** Records a renewal: the next cycle's due date follows from it and the old task closes. */
export async function renewComplianceItem(ctx: ServiceContext, id: string, on: string) {
  requirePermission(ctx.actor, 'compliance.keep');
  const day = parseInput(isoDate, on);
  if (day > ctx.clock.today()) throw invalid('The renewal date cannot be in the future.', 'on');
  return ctx.db.transaction().execute(async (trx) => {
    const item = await trx.selectFrom('compliance_items').selectAll().where('id', '=', id).executeTakeFirst();
    if (!item) throw notFound('compliance item', id);
    if (day < item.last_done_on) throw invalid(`It was already recorded as done on ${item.last_done_on}.`, 'on');
    // The task for the cycle just completed is marked done (not waived) before the plan moves on.
    await closeTasks(trx, await openTaskIds(trx, [`${item.rule_id}|compliance:${item.id}|after:${item.last_done_on}`]), { status: 'done', on: day });
    await trx.updateTable('compliance_items').set({ last_done_on: day }).where('id', '=', id).execute();
    await syncPracticeDeadlines(trx, ctx, await practiceJurisdiction(trx));
    await appendAudit(trx, ctx, { action: 'update', entity: 'compliance_item', entity_id: id, detail: 'renewed' });
    return trx.selectFrom('compliance_items').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  });
}
