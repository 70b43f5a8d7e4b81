import { z } from 'zod';
import { JURISDICTIONS } from '../domain/vocabulary.js';
import { id, isoDate, longText, personName, shortText } from './common.js';

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

export const ruleParamInput = z
  .object({ rule_id: z.string().trim().min(1), name: z.string().trim().min(1), value: z.number().int().min(0).max(3650) })
  .strict();

export const jurisdiction = z.enum(JURISDICTIONS);
