import { acceptReferralResponse, acceptReferralInput } from '../../../contract/referrals.js';
import { idParams } from '../../../contract/common.js';
import { acceptReferral } from '../../../services/referrals/record-outcome.js';
import { defineRoute } from '../../route.js';

export default defineRoute({
  method: 'POST',
  url: '/api/referrals/:id/accept',
  access: 'referrals.accept',
  summary: 'Accept the referral and open its case',
  tags: ['referrals'],
  response: acceptReferralResponse,
  params: idParams,
  body: acceptReferralInput,
  handler: async ({ ctx, params, body }) => acceptReferral(ctx, params.id, body),
});
