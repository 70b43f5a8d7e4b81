import { z } from 'zod';
import { id } from '../../../contract/common.js';
import { listReferralSourcesResponse, referralSource, referralSourceInput, updateReferralSourceInput } from '../../../contract/referrals.js';
import { addReferralSource, listReferralSources, updateReferralSource } from '../../../services/referrals/sources.js';
import { defineRoute } from '../../route.js';

export const listSources = defineRoute({
  method: 'GET',
  url: '/api/referral-sources',
  access: 'signed_in',
  summary: 'Referral sources, with what each expects back and when',
  tags: ['referrals'],
  response: listReferralSourcesResponse,
  handler: async ({ ctx }) => ({ sources: await listReferralSources(ctx) }),
});

export const addSource = defineRoute({
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

export const updateSource = defineRoute({
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
