import { acceptReferralResponse, listReferralsResponse, referralDetail } from '../../../contract/referrals.js';
import { z } from 'zod';
import { id } from '../../../contract/common.js';
import {
  acceptReferralInput,
  acknowledgeReferralInput,
  addReferralInput,
  declineReferralInput,
  listReferralsInput,
  waitlistReferralInput,
} from '../../../contract/referrals.js';
import { addReferral } from '../../../services/referrals/add-referral.js';
import { getReferral, listReferrals } from '../../../services/referrals/list-referrals.js';
import { acceptReferral, acknowledgeReferral, declineReferral, waitlistReferral } from '../../../services/referrals/record-outcome.js';
import { defineRoute } from '../../route.js';

const params = z.object({ id });

export const listReferralsRoute = defineRoute({
  method: 'GET',
  url: '/api/referrals',
  access: 'signed_in',
  summary: 'Referrals, newest first (a clinician sees their caseload’s and their own intake)',
  tags: ['referrals'],
  response: listReferralsResponse,
  query: listReferralsInput,
  handler: async ({ ctx, query }) => ({ referrals: await listReferrals(ctx, query) }),
});

export const addReferralRoute = defineRoute({
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

export const getReferralRoute = defineRoute({
  method: 'GET',
  url: '/api/referrals/:id',
  access: 'signed_in',
  summary: 'One referral with its acknowledgement, decline-letter and report-back tasks',
  tags: ['referrals'],
  response: referralDetail,
  params,
  handler: async ({ ctx, params }) => getReferral(ctx, params.id),
});

export const acknowledgeReferralRoute = defineRoute({
  method: 'POST',
  url: '/api/referrals/:id/acknowledge',
  access: 'signed_in',
  summary: 'Record the acknowledgement (completes its task)',
  tags: ['referrals'],
  response: referralDetail,
  params,
  body: acknowledgeReferralInput,
  handler: async ({ ctx, params, body }) => acknowledgeReferral(ctx, params.id, body),
});

export const acceptReferralRoute = defineRoute({
  method: 'POST',
  url: '/api/referrals/:id/accept',
  access: 'referrals.accept',
  summary: 'Accept the referral and open its case',
  tags: ['referrals'],
  response: acceptReferralResponse,
  params,
  body: acceptReferralInput,
  handler: async ({ ctx, params, body }) => acceptReferral(ctx, params.id, body),
});

export const waitlistReferralRoute = defineRoute({
  method: 'POST',
  url: '/api/referrals/:id/waitlist',
  access: 'signed_in',
  summary: 'Put the referral on the waiting list',
  tags: ['referrals'],
  response: referralDetail,
  params,
  body: waitlistReferralInput,
  handler: async ({ ctx, params, body }) => waitlistReferral(ctx, params.id, body),
});

export const declineReferralRoute = defineRoute({
  method: 'POST',
  url: '/api/referrals/:id/decline',
  access: 'signed_in',
  summary: 'Decline the referral with a reason; sets the decline-letter task',
  tags: ['referrals'],
  response: referralDetail,
  params,
  body: declineReferralInput,
  handler: async ({ ctx, params, body }) => declineReferral(ctx, params.id, body),
});
