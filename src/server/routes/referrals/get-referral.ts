import { referralDetail } from '../../../contract/referrals.js';
import { idParams } from '../../../contract/common.js';
import { getReferral } from '../../../services/referrals/list-referrals.js';
import { defineRoute } from '../../route.js';

export default defineRoute({
  method: 'GET',
  url: '/api/referrals/:id',
  access: 'signed_in',
  summary: 'One referral with its acknowledgement, decline-letter and report-back tasks',
  tags: ['referrals'],
  response: referralDetail,
  params: idParams,
  handler: async ({ ctx, params }) => getReferral(ctx, params.id),
});
