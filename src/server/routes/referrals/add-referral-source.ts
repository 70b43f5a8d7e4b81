import { referralSource, referralSourceInput } from '../../../contract/referrals.js';
import { addReferralSource } from '../../../services/referrals/add-referral-source.js';
import { defineRoute } from '../../route.js';

export default defineRoute({
  method: 'POST',
  url: '/api/referral-sources',
  access: 'signed_in',
  summary: 'Add a referral source',
  tags: ['referrals'],
  response: referralSource,
  body: referralSourceInput,
  status: 201,
  handler: async ({ ctx, body }) => addReferralSource(ctx, body),
});
