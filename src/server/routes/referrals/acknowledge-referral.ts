import { referralDetail, acknowledgeReferralInput } from '../../../contract/referrals.js';
import { idParams } from '../../../contract/common.js';
import { acknowledgeReferral } from '../../../services/referrals/record-outcome.js';
import { defineRoute } from '../../route.js';

export default defineRoute({
  method: 'POST',
  url: '/api/referrals/:id/acknowledge',
  access: 'signed_in',
  summary: 'Record the acknowledgement (completes its task)',
  tags: ['referrals'],
  response: referralDetail,
  params: idParams,
  body: acknowledgeReferralInput,
  handler: async ({ ctx, params, body }) => acknowledgeReferral(ctx, params.id, body),
});
