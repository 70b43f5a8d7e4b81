/** Request schemas of the referral network, shared by services, CLI, API and web. */
import { z } from 'zod';
import { CONSENT_PARTIES, FUNDER_KINDS, SERVICE_LINES } from '../domain/vocabulary.js';
import { REFERRAL_STATUSES, SOURCE_KINDS, URGENCIES } from '../domain/referrals/referrals.js';
import { addClientInput } from './clients.js';
import { id, isoDate, longText, personName, shortText } from './common.js';
import { caseDetail } from './cases.js';

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

/** A new client named on a referral: checked as any new client is, since intake adds them through the clients service. */
export const referralClientInput = addClientInput.pick({ name: true, dob: true, phone: true, email: true, postcode: true }).strict();

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

// What the API answers: the route serialises through these, so a field not listed never leaves the server.
export const dormantSource = z.object({
  id: z.string(),
  name: z.string(),
  kind_label: z.string(),
  last_referral: z.string(),
  silence_days: z.number(),
  median_gap_days: z.number(),
  referrals: z.number(),
});
export const referrer = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.string(),
  kind_label: z.string(),
  organisation_name: z.string().nullable(),
  expects: z.string(),
  referrals: z.number(),
  accepted: z.number(),
  conversion: z.number(),
  per_quarter: z.array(z.object({ quarter: z.string(), referrals: z.number() })),
  median_days_to_acknowledge: z.number().nullable(),
  unacknowledged: z.number(),
  report_backs_due: z.number(),
  report_backs_on_time: z.number().nullable(),
  revenue_pence: z.number().nullable(),
  last_referral: z.string().nullable(),
  silence_days: z.number().nullable(),
  median_gap_days: z.number().nullable(),
  dormant: z.boolean(),
});
export const referrerAnalyticsResponse = z.object({ date: z.string(), revenue_available: z.boolean(), referrers: z.array(referrer) });
export type ReferrerAnalyticsResponse = z.infer<typeof referrerAnalyticsResponse>;
export const referralTask = z.object({
  id: z.string(),
  title: z.string(),
  kind: z.string(),
  reason: z.string().nullable(),
  status: z.string(),
  due_on: z.string(),
  rule_id: z.string().nullable(),
  completed_on: z.string().nullable(),
  rule_key: z.string().nullable(),
});
/** A referral as the list shows it: where it came from, for whom, and how far it has gone. */
const referralRow = z.object({
  acknowledged_on: z.string().nullable(),
  ack_task: z.object({ id: z.string(), status: z.string(), completed_on: z.string().nullable() }).nullable(),
  client_id: z.string(),
  id: z.string(),
  created_at: z.string(),
  case_id: z.string().nullable(),
  reason: z.string(),
  status: z.string(),
  service_line: z.string(),
  funder_org_id: z.string().nullable(),
  received_on: z.string(),
  created_by: z.string().nullable(),
  source_id: z.string(),
  service_detail: z.string(),
  urgency: z.string(),
  funding: z.string(),
  outcome_on: z.string().nullable(),
  decline_reason: z.string().nullable(),
  ack_due_on: z.string(),
  ack_days: z.number().nullable(),
  client_name: z.string(),
  source_name: z.string(),
  source_kind: z.string(),
  client_dob: z.string(),
});
export const referralDetail = referralRow.extend({ tasks: z.array(referralTask) });
export const referralSource = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.string(),
  kind_label: z.string(),
  organisation_id: z.string().nullable(),
  organisation_name: z.string().nullable(),
  contact_id: z.string().nullable(),
  contact_name: z.string().nullable(),
  consent_party: z.string().nullable(),
  ack_working_days: z.number(),
  report_back_working_days: z.number(),
  expects: z.string(),
  notes: z.string(),
  created_at: z.string(),
});
export const listReferralsResponse = z.object({ referrals: z.array(referralRow) });
export const acceptReferralResponse = referralDetail.extend({ case: caseDetail });
export const listDormantSourcesResponse = z.object({ sources: z.array(dormantSource) });
export type ListDormantSourcesResponse = z.infer<typeof listDormantSourcesResponse>;
export const listReferralSourcesResponse = z.object({ sources: z.array(referralSource) });
export type ListReferralSourcesResponse = z.infer<typeof listReferralSourcesResponse>;
