import { referralDetail, waitlistReferralInput } from '../../../contract/referrals.js';
import { idParams } from '../../../contract/common.js';
import { waitlistReferral } from '../../../services/referrals/record-outcome.js';
import { defineRoute } from '../../route.js';

export default defineRoute({
  method: 'POST',
  url: '/api/referrals/:id/waitlist',
  access: 'signed_in',
  summary: 'Put the referral on the waiting list',
  tags: ['referrals'],
  response: referralDetail,
  params: idParams,
  body: waitlistReferralInput,
  handler: async ({ ctx, params, body }) => waitlistReferral(ctx, params.id, body),
});
