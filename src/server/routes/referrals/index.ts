/** The referral network's routes, listed in ROUTES by routes/index.ts. */
import type { AnyRoute } from '../../route.js';
import listReferralSources from './list-referral-sources.js';
import addReferralSource from './add-referral-source.js';
import updateReferralSource from './update-referral-source.js';
import getReferrerAnalytics from './get-referrer-analytics.js';
import listDormantSources from './list-dormant-sources.js';
import listReferrals from './list-referrals.js';
import addReferral from './add-referral.js';
import getReferral from './get-referral.js';
import acknowledgeReferral from './acknowledge-referral.js';
import acceptReferral from './accept-referral.js';
import waitlistReferral from './waitlist-referral.js';
import declineReferral from './decline-referral.js';

export const REFERRAL_ROUTES: readonly AnyRoute[] = [
  listReferralSources,
  addReferralSource,
  updateReferralSource,
  getReferrerAnalytics,
  listDormantSources,
  listReferrals,
  addReferral,
  getReferral,
  acknowledgeReferral,
  acceptReferral,
  waitlistReferral,
  declineReferral,
];
