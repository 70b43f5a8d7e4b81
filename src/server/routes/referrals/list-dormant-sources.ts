import { listDormantSourcesResponse, referrersInput } from '../../../contract/referrals.js';
import { listDormantSources } from '../../../services/referrals/referrer-analytics.js';
import { defineRoute } from '../../route.js';

export default defineRoute({
  method: 'GET',
  url: '/api/referrers/dormant',
  access: 'signed_in',
  summary: 'Referral sources gone quiet and worth a call (silence > 2 × median gap and ≥ 90 days)',
  tags: ['referrals'],
  response: listDormantSourcesResponse,
  query: referrersInput,
  handler: async ({ ctx, query }) => ({ sources: await listDormantSources(ctx, query) }),
});
