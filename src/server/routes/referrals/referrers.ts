import { listDormantSourcesResponse, referrerAnalyticsResponse, referrersInput } from '../../../contract/referrals.js';
import { listDormantSources, referrerAnalytics } from '../../../services/referrals/referrer-analytics.js';
import { defineRoute } from '../../route.js';

export const getReferrers = defineRoute({
  method: 'GET',
  url: '/api/referrers',
  access: 'referrers.analyse',
  summary: 'Source health: referrals per quarter, conversion, revenue, acknowledgement time, report-backs on time, dormancy',
  tags: ['referrals'],
  response: referrerAnalyticsResponse,
  query: referrersInput,
  handler: async ({ ctx, query }) => referrerAnalytics(ctx, query),
});

export const getDormantReferrers = defineRoute({
  method: 'GET',
  url: '/api/referrers/dormant',
  access: 'signed_in',
  summary: 'Referral sources gone quiet and worth a call (silence > 2 × median gap and ≥ 90 days)',
  tags: ['referrals'],
  response: listDormantSourcesResponse,
  query: referrersInput,
  handler: async ({ ctx, query }) => ({ sources: await listDormantSources(ctx, query) }),
});
