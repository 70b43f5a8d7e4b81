import { listReferralsResponse, listReferralsInput } from '../../../contract/referrals.js';
import { listReferrals } from '../../../services/referrals/list-referrals.js';
import { defineRoute } from '../../route.js';

export default defineRoute({
  method: 'GET',
  url: '/api/referrals',
  access: 'signed_in',
  summary: 'Referrals, newest first (a clinician sees their caseload’s and their own intake)',
  tags: ['referrals'],
  response: listReferralsResponse,
  query: listReferralsInput,
  handler: async ({ ctx, query }) => ({ referrals: await listReferrals(ctx, query) }),
});
