import { parseInput } from '../../contract/common.js';
import { referralSourceInput, type ReferralSourceInput } from '../../contract/referrals.js';
import { newId } from '../../db/ids.js';
import { DEFAULT_ACK_WORKING_DAYS, DEFAULT_CONSENT_PARTY, DEFAULT_REPORT_BACK_WORKING_DAYS } from '../../domain/referrals/referrals.js';
import { appendAudit } from '../audit/append-audit.js';
import { nowIso, type ServiceContext } from '../context.js';
import { assertLinks, assertNameFree, getReferralSource, type SourceView } from './referral-source.js';

export async function addReferralSource(ctx: ServiceContext, input: ReferralSourceInput): Promise<SourceView> {
  const data = parseInput(referralSourceInput, input);
  return ctx.db.transaction().execute(async (trx) => {
    await assertNameFree(trx, data.name);
    await assertLinks(trx, data.organisation_id, data.contact_id);
    const id = newId();
    await trx
      .insertInto('referral_sources')
      .values({
        id,
        name: data.name,
        kind: data.kind,
        organisation_id: data.organisation_id ?? null,
        contact_id: data.contact_id ?? null,
        consent_party: data.consent_party === undefined ? DEFAULT_CONSENT_PARTY[data.kind] : data.consent_party,
        ack_working_days: data.ack_working_days ?? DEFAULT_ACK_WORKING_DAYS,
        report_back_working_days: data.report_back_working_days ?? DEFAULT_REPORT_BACK_WORKING_DAYS,
        expects: data.expects ?? '',
        notes: data.notes ?? '',
        created_at: nowIso(ctx),
      })
      .execute();
    await appendAudit(trx, ctx, { action: 'create', entity: 'referral_source', entity_id: id });
    return getReferralSource(trx, id);
  });
}
