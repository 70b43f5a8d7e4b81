import { referralDetail, addReferralInput } from '../../../contract/referrals.js';
import { addReferral } from '../../../services/referrals/add-referral.js';
import { defineRoute } from '../../route.js';

export default defineRoute({
  method: 'POST',
  url: '/api/referrals',
  access: 'signed_in',
  summary: 'Record a referral (client matched by name and DOB, or added); sets the acknowledgement task',
  tags: ['referrals'],
  response: referralDetail,
  body: addReferralInput,
  status: 201,
  handler: async ({ ctx, body }) => addReferral(ctx, body),
});
