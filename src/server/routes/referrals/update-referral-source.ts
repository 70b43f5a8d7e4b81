import { z } from 'zod';
import { id } from '../../../contract/common.js';
import { referralSource, updateReferralSourceInput } from '../../../contract/referrals.js';
import { updateReferralSource } from '../../../services/referrals/update-referral-source.js';
import { defineRoute } from '../../route.js';

export default defineRoute({
  method: 'PATCH',
  url: '/api/referral-sources/:id',
  access: 'signed_in',
  summary: 'Change a referral source (report-backs are re-planned at once)',
  tags: ['referrals'],
  response: referralSource,
  params: z.object({ id }),
  body: updateReferralSourceInput,
  handler: async ({ ctx, params, body }) => updateReferralSource(ctx, params.id, body),
});
