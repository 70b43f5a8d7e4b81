import { referralDetail, declineReferralInput } from '../../../contract/referrals.js';
import { idParams } from '../../../contract/common.js';
import { declineReferral } from '../../../services/referrals/record-outcome.js';
import { defineRoute } from '../../route.js';

export default defineRoute({
  method: 'POST',
  url: '/api/referrals/:id/decline',
  access: 'signed_in',
  summary: 'Decline the referral with a reason; sets the decline-letter task',
  tags: ['referrals'],
  response: referralDetail,
  params: idParams,
  body: declineReferralInput,
  handler: async ({ ctx, params, body }) => declineReferral(ctx, params.id, body),
});
