/** Inbox requests: files travel as base64 inside JSON, one request at most 1 MB. */
import { z } from 'zod';
import { isoDate } from './common.js';

export const uploadedFile = z
  .object({
    name: z
      .string()
      .trim()
      .min(1, 'is required')
      .max(255)
      .regex(/^[^/\\]+$/, 'must be a file name, not a path'),
    content_base64: z
      .string()
      .max(1_400_000, 'is too large: send letters under 1 MB')
      .regex(/^[A-Za-z0-9+/=\r\n]*$/, 'must be base64'),
  })
  .strict();

export const uploadInput = z.object({ files: z.array(uploadedFile).min(1, 'needs at least one file').max(20, 'at most 20 files a request') }).strict();
export type UploadInput = z.input<typeof uploadInput>;

export const inboxListQuery = z.object({ status: z.enum(['pending', 'all']).optional() }).strict();

export const acceptProposalInput = z
  .object({
    due_on: isoDate.optional(),
    title: z.string().trim().min(1).max(200).optional(),
    meeting_on: isoDate.optional(),
    valid_until: isoDate.optional(),
    sessions_authorised: z.number().int().min(0).max(500).optional(),
  })
  .strict();

export const rejectProposalInput = z
  .object({
    reason: z.string().trim().max(500).optional(),
    /** The date the proposal rests on is not the practice's to act on: the reader learns from it. */
    not_ours: z.boolean().optional(),
  })
  .strict();

// What the API answers: the route serialises through these, so a field not listed never leaves the server.
export const triageClient = z.object({ name: z.string(), dob: z.string().nullable(), nhs_number: z.string().nullable() });
export type TriageClient = z.infer<typeof triageClient>;
export const reference = z.object({
  kind: z.enum(['nhs_number', 'la_ref', 'insurer_auth', 'policy_number', 'claim_ref', 'court_ref', 'tribunal_ref', 'invoice_number']),
  value: z.string(),
});
export type Reference = z.infer<typeof reference>;
export const actionDate = z.object({
  role: z.enum(['response_due', 'meeting', 'appointment', 'hearing', 'authorisation_expiry', 'payment_due']),
  date: z.string(),
  stated: z.boolean(),
  rule: z.string().nullable(),
  reason: z.string(),
  time: z.string().nullable(),
});
export type ActionDate = z.infer<typeof actionDate>;
export const facts = z.object({
  sessions_authorised: z.number().optional(),
  amount_gbp: z.number().optional(),
  clients: z.array(z.string()).optional(),
  meeting_time: z.string().optional(),
});
export type Facts = z.infer<typeof facts>;
export const remittanceLine = z.object({ invoice_number: z.string().nullable(), client_name: z.string().nullable(), amount_pence: z.number().nullable() });
export type RemittanceLine = z.infer<typeof remittanceLine>;
export const remittance = z.object({
  total_pence: z.number(),
  paid_on: z.string().nullable(),
  reference: z.string().nullable(),
  method: z.enum(['other', 'bacs', 'card', 'cheque', 'cash']),
  lines: z.array(remittanceLine),
});
export type Remittance = z.infer<typeof remittance>;
export const attachment = z.object({ filename: z.string(), content_type: z.string(), size: z.number(), read: z.boolean() });
export type Attachment = z.infer<typeof attachment>;
export const confidence = z.object({ score: z.number().min(0).max(1), evidence: z.string(), check: z.boolean() });
export type Confidence = z.infer<typeof confidence>;
export const triageConfidence = z.object({
  category: confidence,
  client: confidence.nullable(),
  dates: z.array(confidence),
  references: z.array(confidence),
});
export type TriageConfidence = z.infer<typeof triageConfidence>;
export const triageCategory = z.enum([
  'workplace',
  'other',
  'tribunal',
  'ehcp_advice_request',
  'ehcp_annual_review',
  'ehcp_plan_issued',
  'new_referral',
  'ml_instruction',
  'ml_questions',
  'ml_update',
  'insurer_authorisation',
  'payment',
  'case_update_request',
  'housing_adaptation',
  'appointment_change',
]);
export const triageRecord = z.object({
  file: z.string(),
  category: triageCategory,
  received: z.string().nullable(),
  client: triageClient.nullable(),
  sender_org: z.string().nullable(),
  sender_name: z.string().nullable(),
  sender_email: z.string().nullable(),
  subject: z.string(),
  message_id: z.string().nullable(),
  references: z.array(reference),
  dates: z.array(actionDate),
  facts: facts,
  remittance: remittance.nullable(),
  attachments: z.array(attachment),
  notes: z.array(z.string()),
  summary: z.string(),
  confidence: triageConfidence,
});
export type TriageRecord = z.infer<typeof triageRecord>;
export const triageError = z.object({ file: z.string(), error: z.string() });
export type TriageError = z.infer<typeof triageError>;
export const importOutcome = z.object({
  file: z.string(),
  status: z.enum(['error', 'imported', 'duplicate']),
  error: z.string().optional(),
  item_id: z.string().optional(),
  category: z.string().optional(),
  client_id: z.string().nullable().optional(),
  client_name: z.string().nullable().optional(),
  match: z.string().optional(),
  proposals: z.number().optional(),
});
export type ImportOutcome = z.infer<typeof importOutcome>;
export const correctInboxItemInput = z
  .object({
    category: triageCategory.optional(),
    client_id: z.string().trim().min(1).max(64).nullable().optional(),
    references: z
      .array(reference.extend({ value: z.string().trim().min(1).max(80) }))
      .max(30)
      .optional(),
  })
  .strict();
export type CorrectInboxItemInput = z.input<typeof correctInboxItemInput>;
export const inboxLetterView = z.object({
  item_id: z.string(),
  file_name: z.string(),
  subject: z.string(),
  from: z.string(),
  text: z.string(),
  attachments: z.array(z.object({ filename: z.string(), content_type: z.string(), size: z.number() })),
});
export type InboxLetterView = z.infer<typeof inboxLetterView>;
export const inboxProposalView = z.object({
  id: z.string(),
  kind: z.string(),
  status: z.string(),
  title: z.string(),
  rule_id: z.string().nullable(),
  due_on: z.string().nullable(),
  reason: z.string(),
  outcome: z.string(),
  payload: z.record(z.string(), z.unknown()),
  confidence: confidence.nullable(),
});
export type InboxProposalView = z.infer<typeof inboxProposalView>;
export const inboxItemView = z.object({
  id: z.string(),
  file_name: z.string(),
  category: z.string(),
  received_on: z.string().nullable(),
  subject: z.string(),
  sender_org: z.string().nullable(),
  sender_name: z.string().nullable(),
  sender_email: z.string().nullable(),
  client_id: z.string().nullable(),
  client_name: z.string().nullable(),
  client_named: z.string().nullable(),
  case_id: z.string().nullable(),
  case_has_plan: z.boolean(),
  match: z.string(),
  imported_at: z.string(),
  confidence: z.object({ category: confidence.nullable(), client: confidence.nullable() }),
  references: z.array(reference.extend({ confidence: confidence.nullable() })),
  corrected: z.array(z.string()),
  check: z.boolean(),
  proposals: z.array(inboxProposalView),
});
export type InboxItemView = z.infer<typeof inboxItemView>;
export const triageFilesResponse = z.array(z.union([triageRecord, triageError]));
export type TriageFilesResponse = z.infer<typeof triageFilesResponse>;
export const importInboxResponse = z.array(importOutcome);
export type ImportInboxResponse = z.infer<typeof importInboxResponse>;
export const listInboxResponse = z.array(inboxItemView);
export type ListInboxResponse = z.infer<typeof listInboxResponse>;
