import { z } from 'zod';
import { JURISDICTIONS } from '../domain/vocabulary.js';
import { id, isoDate, longText, personName, shortText } from './common.js';
import { ehcpDetail } from './cases.js';
import { dormantSource } from './referrals.js';

export const EHCP_EVENT_KINDS = [
  'advice_request_received',
  'review_meeting_set',
  'review_meeting_moved',
  'review_meeting_held',
  'draft_plan_received',
  'final_plan_received',
  'amendment_notice_received',
  'amended_plan_received',
  'decision_letter_received',
  'tribunal_appeal',
] as const;
export type EhcpEventKind = (typeof EHCP_EVENT_KINDS)[number];

export const ehcpEventInput = z
  .object({
    kind: z.enum(EHCP_EVENT_KINDS, { error: `must be one of ${EHCP_EVENT_KINDS.join(', ')}` }),
    /** The day the event happened or the letter was received. */
    on: isoDate,
    /** For review_meeting_set / review_meeting_moved: the meeting date. */
    meeting_on: isoDate.optional(),
    notes: longText.optional(),
  })
  .strict()
  .refine((e) => !['review_meeting_set', 'review_meeting_moved'].includes(e.kind) || e.meeting_on, {
    message: 'is required for a review meeting',
    path: ['meeting_on'],
  })
  .refine((e) => !e.meeting_on || e.meeting_on >= e.on, { message: 'cannot be before the invitation that set it up', path: ['meeting_on'] });
export type EhcpEventInput = z.input<typeof ehcpEventInput>;

export const briefingInput = z
  .object({
    date: isoDate.optional(),
    clinician_id: id.optional(),
  })
  .strict();
export type BriefingInput = z.input<typeof briefingInput>;

export const COMPLIANCE_RULES = ['COMP-HCPC-01', 'COMP-IND-01', 'COMP-RCOT-01', 'COMP-ICO-01', 'COMP-DBS-01', 'COMP-CE-01', 'COMP-DSPT-01'] as const;

export const complianceItemInput = z
  .object({
    rule_id: z.enum(COMPLIANCE_RULES, { error: `must be one of ${COMPLIANCE_RULES.join(', ')}` }),
    title: shortText.min(1).optional(),
    user_id: id.optional(),
    reference: shortText.optional(),
    last_done_on: isoDate,
    notes: longText.optional(),
  })
  .strict();
export type ComplianceItemInput = z.input<typeof complianceItemInput>;

export const subjectAccessInput = z
  .object({
    client_id: id.optional(),
    requester: personName,
    received_on: isoDate,
    notes: longText.optional(),
  })
  .strict();
export type SubjectAccessInput = z.input<typeof subjectAccessInput>;

export const jurisdiction = z.enum(JURISDICTIONS);

// What the API answers: the route serialises through these, so a field not listed never leaves the server.
export const briefingItem = z.object({
  task_id: z.string(),
  section: z.enum(['today', 'overdue', 'this_week', 'next_4_weeks']),
  due: z.string(),
  title: z.string(),
  client: z.string().nullable(),
  client_id: z.string().nullable(),
  case_id: z.string().nullable(),
  hard: z.boolean(),
  kind: z.string(),
  rule: z.string().nullable(),
  reason: z.string().nullable(),
  /** What kind of obligation it is, in words: "statutory", "court rule", "contractual", "practice default"… */
  obligation: z.string(),
  /** For a rule-made item, how far the rule is checked, in words ("Practice default — check your instructions"). */
  standing: z.string().nullable(),
  assignee: z.string().nullable(),
  /** What set the task off and its subject (an invoice, a letter, a case): where its work is done. */
  trigger_kind: z.string().nullable(),
  trigger_ref: z.string().nullable(),
});
export type BriefingItem = z.infer<typeof briefingItem>;
export const briefingResponse = z.object({
  date: z.string(),
  items: z.array(briefingItem),
  counts: z.object({ today: z.number(), overdue: z.number(), this_week: z.number(), next_4_weeks: z.number() }),
  later_count: z.number(),
  dormant_sources: z.array(dormantSource).optional(),
});
export type BriefingResponse = z.infer<typeof briefingResponse>;
const ruleConvention = z.enum(['fixed', 'CW', 'CD', 'CD-incl', 'CM', 'WD', 'CLR', 'derived', 'years']);
const ruleTag = z.enum(['V', 'S', 'U']);
export const ruleBasis = z.enum(['statutory', 'court', 'guidance', 'contractual', 'regulator', 'practice_default']);
export const ruleParam = z.object({ value: z.number(), unit: z.enum(['years', 'days', 'weeks', 'months']), description: z.string() });
export const syncResult = z.object({ created: z.number(), moved: z.number(), closed: z.number() });
export const syncAllResult = syncResult.extend({ duplicates: z.number(), explained: z.number() });
export const getCalendarStatusResponse = z.object({ enabled: z.boolean() });
export const issueCalendarFeedResponse = z.object({ token: z.string(), path: z.string() });
/** A compliance item as stored: what must be renewed, for whom, and when it was last done. */
const complianceItem = z.object({
  id: z.string(),
  rule_id: z.string(),
  title: z.string(),
  user_id: z.string().nullable(),
  reference: z.string(),
  last_done_on: z.string(),
  notes: z.string(),
  created_at: z.string(),
});
export const listComplianceItemsResponse = z.object({
  items: z.array(
    complianceItem.extend({ next_due: z.string(), reason: z.string(), citation: z.string(), overdue: z.boolean(), holder_name: z.string().nullable() }),
  ),
});
export type ListComplianceItemsResponse = z.infer<typeof listComplianceItemsResponse>;
export const addComplianceItemResponse = complianceItem.extend({ rule_id: z.enum(COMPLIANCE_RULES) });
export const renewComplianceItemResponse = complianceItem;
export const getEhcpRegisterResponse = z.object({
  children: z.array(
    ehcpDetail
      .pick({
        case_id: true,
        la_reference: true,
        plan_issued_on: true,
        last_review_on: true,
        next_review_meeting_on: true,
        advice_requested_on: true,
        year_group: true,
        transfer_year: true,
      })
      .extend({
        modelled: z.boolean(),
        next_deadline: z.object({ due_on: z.string(), title: z.string(), rule_id: z.string().nullable(), hardness: z.string() }).nullable(),
        status: z.string(),
        jurisdiction: z.string(),
        dob: z.string(),
        client_id: z.string(),
        client_name: z.string(),
        la_name: z.string().nullable(),
        school_name: z.string().nullable(),
        senco_name: z.string().nullable(),
      }),
  ),
});
export type GetEhcpRegisterResponse = z.infer<typeof getEhcpRegisterResponse>;
export const getEhcpTimelineResponse = z.object({
  case_id: z.string(),
  client_id: z.string(),
  client_name: z.string(),
  jurisdiction: z.enum(JURISDICTIONS),
  modelled: z.boolean(),
  not_modelled_reason: z.string().nullable(),
  plan: ehcpDetail,
  events: z.array(
    z.object({
      id: z.string(),
      created_at: z.string(),
      case_id: z.string(),
      kind: z.string(),
      notes: z.string(),
      on_date: z.string(),
      meeting_on: z.string().nullable(),
    }),
  ),
  deadlines: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      reason: z.string().nullable(),
      status: z.string(),
      hardness: z.string(),
      due_on: z.string(),
      rule_id: z.string().nullable(),
      trigger_on: z.string().nullable(),
      completed_on: z.string().nullable(),
      standing: z.string().nullable(),
    }),
  ),
  follow_on: z.array(z.object({ rule: z.string(), title: z.string(), due: z.string(), reason: z.string(), standing: z.string() })),
  /** Dates on the plan worth questioning: a meeting on a non-working day, a review meeting after the 12-month limit. */
  warnings: z.array(z.string()),
});
export type GetEhcpTimelineResponse = z.infer<typeof getEhcpTimelineResponse>;
export const getRuleDueResponse = z.object({
  rule: z.string(),
  due: z.string(),
  reason: z.string(),
  citation: z.string(),
  trigger: z.string(),
  convention: ruleConvention,
  hard: z.boolean(),
  tag: ruleTag,
  basis: ruleBasis,
  /** The tag and basis in words ("Practice default — check your instructions"). */
  standing: z.string(),
  target: z.string().nullable(),
  also: z.array(z.object({ label: z.string(), due: z.string() })),
});
export const listRulesResponse = z.object({
  rules: z.array(
    z.object({
      id: z.string(),
      family: z.enum(['ehcp', 'medico_legal', 'housing', 'workplace', 'insurer', 'tribunal', 'other_nations', 'compliance', 'records', 'gdpr']),
      title: z.string(),
      trigger: z.string(),
      party: z.string(),
      convention: ruleConvention,
      citation: z.string(),
      tag: ruleTag,
      basis: ruleBasis,
      standing: z.string(),
      hard: z.boolean(),
      jurisdictions: z.array(z.enum(JURISDICTIONS)).readonly(),
      params: z.record(z.string(), ruleParam),
    }),
  ),
});
export const recordEhcpEventResponse = z.object({ event_id: z.string(), deadlines: syncResult });
export type RecordEhcpEventResponse = z.infer<typeof recordEhcpEventResponse>;
/** A subject access request as stored. */
const subjectAccessRequest = z.object({
  id: z.string(),
  client_id: z.string().nullable(),
  requester: z.string(),
  received_on: z.string(),
  notes: z.string(),
  created_at: z.string(),
});
export const listSubjectAccessRequestsResponse = z.object({
  requests: z.array(
    subjectAccessRequest.extend({
      extended: z.boolean(),
      due: z.string(),
      reason: z.string(),
      responded_on: z.string().nullable(),
      client_name: z.string().nullable(),
      /** Answered after the due day, or unanswered past it (GDPR-02). */
      late: z.boolean(),
    }),
  ),
});
export type ListSubjectAccessRequestsResponse = z.infer<typeof listSubjectAccessRequestsResponse>;
export const addSubjectAccessRequestResponse = subjectAccessRequest;
export const updateSubjectAccessRequestResponse = subjectAccessRequest.extend({ extended: z.number(), responded_on: z.string().nullable() });
