import { parseInput } from '../../contract/common.js';
import { isoDate } from '../../contract/common.js';
import { AppError, invalid, notFound } from '../../domain/errors.js';
import { requirePermission } from '../access.js';
import { appendAudit } from '../audit/append-audit.js';
import type { ServiceContext } from '../context.js';
import { syncPracticeDeadlines } from '../deadlines/sync-deadlines.js';
import { practiceJurisdiction } from './practice-jurisdiction.js';
import { closeTasks, openTaskIds } from '../tasks/write-rule-tasks.js';

export async function updateSubjectAccessRequest(ctx: ServiceContext, id: string, change: { extend?: boolean; responded_on?: string }) {
  requirePermission(ctx.actor, 'subject_access.manage', 'update subject access requests');
  const responded = change.responded_on === undefined ? undefined : parseInput(isoDate, change.responded_on);
  return ctx.db.transaction().execute(async (trx) => {
    const sar = await trx.selectFrom('subject_access_requests').selectAll().where('id', '=', id).executeTakeFirst();
    if (!sar) throw notFound('subject access request', id);
    if (sar.responded_on) throw new AppError('CONFLICT', `This request was answered on ${sar.responded_on}.`);
    if (responded && responded < sar.received_on) throw invalid('The response cannot be dated before the request was received.', 'responded_on');
    if (responded) {
      await closeTasks(trx, await openTaskIds(trx, [`GDPR-02|sar:${id}`]), { status: 'done', on: responded });
    }
    await trx
      .updateTable('subject_access_requests')
      .set({ ...(change.extend ? { extended: 1 } : {}), ...(responded ? { responded_on: responded } : {}) })
      .where('id', '=', id)
      .execute();
    await syncPracticeDeadlines(trx, ctx, await practiceJurisdiction(trx));
    await appendAudit(trx, ctx, {
      action: 'update',
      entity: 'subject_access_request',
      entity_id: id,
      client_id: sar.client_id,
      detail: responded ? 'responded' : 'extended',
    });
    return trx.selectFrom('subject_access_requests').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  });
}
