import { referrerAnalyticsResponse, referrersInput } from '../../../contract/referrals.js';
import { referrerAnalytics } from '../../../services/referrals/referrer-analytics.js';
import { defineRoute } from '../../route.js';

export default defineRoute({
  method: 'GET',
  url: '/api/referrers',
  access: 'referrers.analyse',
  summary: 'Source health: referrals per quarter, conversion, revenue, acknowledgement time, report-backs on time, dormancy',
  tags: ['referrals'],
  response: referrerAnalyticsResponse,
  query: referrersInput,
  handler: async ({ ctx, query }) => referrerAnalytics(ctx, query),
});
