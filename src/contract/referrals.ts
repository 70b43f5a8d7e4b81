/** Request schemas of the referral network, shared by services, CLI, API and web. */
import { z } from 'zod';
import { CONSENT_PARTIES, FUNDER_KINDS, SERVICE_LINES } from '../domain/vocabulary.js';
import { REFERRAL_STATUSES, SOURCE_KINDS, URGENCIES } from '../domain/referrals/referrals.js';
import { id, isoDate, longText, personName, shortText } from './common.js';

const oneOf = <T extends readonly [string, ...string[]]>(values: T) => z.enum(values, { error: `must be one of ${values.join(', ')}` });

const workingDays = z.number().int('must be a whole number').min(0, 'must be 0 or more').max(60, 'must be 60 or fewer');

export const referralSourceInput = z
  .object({
    name: personName,
    kind: oneOf(SOURCE_KINDS),
    organisation_id: id.optional(),
    contact_id: id.optional(),
    /** Whose consent a report-back rests on; null for none. Defaults from the kind. */
    consent_party: z.union([oneOf([...CONSENT_PARTIES, 'self'] as const), z.null()]).optional(),
    ack_working_days: workingDays.optional(),
    report_back_working_days: workingDays.optional(),
    expects: longText.optional(),
    notes: longText.optional(),
  })
  .strict();
export type ReferralSourceInput = z.input<typeof referralSourceInput>;

export const updateReferralSourceInput = referralSourceInput.partial().strict();
export type UpdateReferralSourceInput = z.input<typeof updateReferralSourceInput>;

/** A client named at intake: matched to an existing one by name and date of birth, or created. */
export const referralClientInput = z
  .object({
    name: personName,
    dob: isoDate,
    phone: shortText.optional(),
    email: shortText.optional(),
    postcode: shortText.optional(),
  })
  .strict();

export const addReferralInput = z
  .object({
    source_id: id,
    received_on: isoDate,
    client_id: id.optional(),
    client: referralClientInput.optional(),
    service_line: oneOf(SERVICE_LINES),
    service_detail: shortText.optional(),
    urgency: oneOf(URGENCIES).optional(),
    funding: oneOf(FUNDER_KINDS).optional(),
    funder_org_id: id.optional(),
    reason: longText.optional(),
  })
  .strict()
  .refine((r) => (r.client_id === undefined) !== (r.client === undefined), {
    message: 'give either an existing client id or a new client’s name and date of birth',
    path: ['client'],
  });
export type AddReferralInput = z.input<typeof addReferralInput>;

export const listReferralsInput = z
  .object({
    status: oneOf(REFERRAL_STATUSES).optional(),
    source_id: id.optional(),
    client_id: id.optional(),
    from: isoDate.optional(),
    to: isoDate.optional(),
    limit: z.coerce.number().int().min(1).max(5_000).optional(),
  })
  .strict();
export type ListReferralsInput = z.input<typeof listReferralsInput>;

export const acknowledgeReferralInput = z.object({ on: isoDate.optional() }).strict();

export const acceptReferralInput = z
  .object({
    on: isoDate.optional(),
    clinician_id: id.optional(),
    title: shortText.optional(),
  })
  .strict();
export type AcceptReferralInput = z.input<typeof acceptReferralInput>;

export const waitlistReferralInput = z.object({ on: isoDate.optional(), note: shortText.optional() }).strict();

export const declineReferralInput = z.object({ on: isoDate.optional(), reason: shortText.min(1, 'is required: say why the referral is declined') }).strict();
export type DeclineReferralInput = z.input<typeof declineReferralInput>;

export const referrersInput = z.object({ date: isoDate.optional(), quarters: z.coerce.number().int().min(1).max(40).optional() }).strict();
export type ReferrersInput = z.input<typeof referrersInput>;
