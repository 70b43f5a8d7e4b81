import { parseInput } from '../../contract/common.js';
import { changeCaseStatusInput } from '../../contract/cases.js';
import { AppError, notFound } from '../../domain/errors.js';
import { canMoveCase, type CaseStatus } from '../../domain/vocabulary.js';
import { assertClientVisible, requirePermission } from '../access.js';
import { appendAudit } from '../audit/append-audit.js';
import { syncCaseDeadlines } from '../deadlines/sync-deadlines.js';
import type { ServiceContext } from '../context.js';
import { getCase } from './get-case.js';

export async function changeCaseStatus(ctx: ServiceContext, id: string, input: { status: string; on?: string }) {
  requirePermission(ctx.actor, 'cases.change', 'change a case’s status');
  const data = parseInput(changeCaseStatusInput, input);
  await ctx.db.transaction().execute(async (trx) => {
    const c = await trx.selectFrom('cases').select(['client_id', 'status']).where('id', '=', id).executeTakeFirst();
    if (!c) throw notFound('case', id);
    await assertClientVisible(trx, ctx.actor, c.client_id);
    if (!canMoveCase(c.status as CaseStatus, data.status)) {
      throw new AppError('CONFLICT', `A case that is ${c.status.replace(/_/g, ' ')} cannot become ${data.status.replace(/_/g, ' ')}.`, { field: 'status' });
    }
    const ending = data.status === 'discharged' || data.status === 'closed';
    await trx
      .updateTable('cases')
      .set({ status: data.status, closed_on: ending ? (data.on ?? ctx.clock.today()) : null })
      .where('id', '=', id)
      .execute();
    // A closed or discharged case's open deadlines close with it; a reopened case gets them back.
    await syncCaseDeadlines(trx, ctx, [id]);
    await appendAudit(trx, ctx, { action: 'update', entity: 'case', entity_id: id, client_id: c.client_id, detail: `status=${data.status}` });
  });
  return getCase(ctx, id, { audit: false });
}
