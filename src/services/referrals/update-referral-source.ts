import { parseInput } from '../../contract/common.js';
import { updateReferralSourceInput, type UpdateReferralSourceInput } from '../../contract/referrals.js';
import { appendAudit } from '../audit/append-audit.js';
import type { ServiceContext } from '../context.js';
import { assertLinks, assertNameFree, getReferralSource, type SourceView } from './referral-source.js';
import { syncReportBacks } from './sync-report-backs.js';

/**
 * Changing how a source is handled applies from now on: open acknowledgement tasks keep their
 * date, but report-backs are re-planned at once, so a source whose consent party is cleared
 * has its open report-backs closed in the same transaction.
 */
export async function updateReferralSource(ctx: ServiceContext, id: string, input: UpdateReferralSourceInput): Promise<SourceView> {
  const data = parseInput(updateReferralSourceInput, input);
  return ctx.db.transaction().execute(async (trx) => {
    const current = await getReferralSource(trx, id);
    if (data.name !== undefined) await assertNameFree(trx, data.name, id);
    const organisation_id = data.organisation_id ?? current.organisation_id;
    await assertLinks(trx, organisation_id, data.contact_id ?? current.contact_id);
    const set: Partial<Record<keyof typeof data, unknown>> = { ...data };
    if (Object.keys(set).length === 0) return current;
    await trx.updateTable('referral_sources').set(data).where('id', '=', id).execute();
    if (data.consent_party !== undefined || data.report_back_working_days !== undefined || data.name !== undefined) {
      await syncReportBacks(trx, ctx, { sourceIds: [id] });
    }
    await appendAudit(trx, ctx, { action: 'update', entity: 'referral_source', entity_id: id, detail: Object.keys(set).join(',') });
    return getReferralSource(trx, id);
  });
}
