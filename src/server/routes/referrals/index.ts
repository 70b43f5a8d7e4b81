/** The referral network's routes, listed in ROUTES by routes/index.ts. */
import type { AnyRoute } from '../../route.js';
import {
  acceptReferralRoute,
  acknowledgeReferralRoute,
  addReferralRoute,
  declineReferralRoute,
  getReferralRoute,
  listReferralsRoute,
  waitlistReferralRoute,
} from './referrals.js';
import { getDormantReferrers, getReferrers } from './referrers.js';
import { addSource, listSources, updateSource } from './sources.js';

export const REFERRAL_ROUTES: readonly AnyRoute[] = [
  listSources,
  addSource,
  updateSource,
  getReferrers,
  getDormantReferrers,
  listReferralsRoute,
  addReferralRoute,
  getReferralRoute,
  acknowledgeReferralRoute,
  acceptReferralRoute,
  waitlistReferralRoute,
  declineReferralRoute,
];
