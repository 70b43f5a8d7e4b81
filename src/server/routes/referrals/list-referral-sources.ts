import { listReferralSourcesResponse } from '../../../contract/referrals.js';
import { listReferralSources } from '../../../services/referrals/list-referral-sources.js';
import { defineRoute } from '../../route.js';

export default defineRoute({
  method: 'GET',
  url: '/api/referral-sources',
  access: 'signed_in',
  summary: 'Referral sources, with what each expects back and when',
  tags: ['referrals'],
  response: listReferralSourcesResponse,
  handler: async ({ ctx }) => ({ sources: await listReferralSources(ctx) }),
});
