/**
 * Response shapes of the HTTP API that the web app relies on. Routes with a response
 * schema here are serialised through it, so a field not listed (a password hash, a TOTP
 * secret) can never leave the server by accident.
 */
import { z } from 'zod';
import { ROLES } from '../domain/vocabulary.js';

export const errorResponse = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    field: z.string().optional(),
    totp_required: z.boolean().optional(),
  }),
});
export type ErrorResponse = z.infer<typeof errorResponse>;

export const publicUser = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string(),
  role: z.enum(ROLES),
  hcpc_number: z.string().nullable(),
  totp_enabled: z.boolean(),
});
export type PublicUser = z.infer<typeof publicUser>;

/** A user as the owner's settings page lists them. */
export const userRow = publicUser.extend({ active: z.boolean(), created_at: z.string() });
export type UserRow = z.infer<typeof userRow>;

export const healthResponse = z.object({ ok: z.literal(true), version: z.string(), database: z.enum(['sqlite', 'postgres']) });
export const setupStatusResponse = z.object({ needed: z.boolean() });
export const signedInResponse = z.object({ user: publicUser, csrf_token: z.string() });
export const meResponse = signedInResponse.extend({ practice: z.object({ name: z.string() }) });
export const totpSetupResponse = z.object({ secret: z.string(), otpauth_uri: z.string() });
export const userResponse = z.object({ user: publicUser });
export const usersResponse = z.object({ users: z.array(userRow) });

/** Row shapes are loose: a column added by a later migration travels through without editing this file. */
export const clientRow = z.looseObject({
  id: z.string(),
  name: z.string(),
  dob: z.string(),
  nhs_number: z.string().nullable(),
  postcode: z.string(),
  lead_clinician_id: z.string().nullable(),
  lead_clinician_name: z.string().nullable(),
});
export type ClientRow = z.infer<typeof clientRow>;
export const clientsResponse = z.object({ clients: z.array(clientRow) });

export const orgRow = z.looseObject({
  id: z.string(),
  name: z.string(),
  kind: z.string(),
  address: z.string(),
  phone: z.string(),
  email: z.string(),
  contacts: z.number().int(),
});
export type OrgRow = z.infer<typeof orgRow>;
export const organisationsResponse = z.object({ organisations: z.array(orgRow) });
export const searchResponse = z.object({ clients: z.array(clientRow), organisations: z.array(orgRow) });

export const task = z.looseObject({
  id: z.string(),
  title: z.string(),
  kind: z.string(),
  hardness: z.string(),
  due_on: z.string(),
  status: z.string(),
  rule_id: z.string().nullable(),
  trigger_kind: z.string().nullable(),
  trigger_on: z.string().nullable(),
  trigger_ref: z.string().nullable(),
  snoozed_until: z.string().nullable(),
  assignee_id: z.string().nullable(),
  assignee_name: z.string().nullable(),
  client_id: z.string().nullable(),
  client_name: z.string().nullable(),
  case_id: z.string().nullable(),
  notes: z.string(),
  completed_on: z.string().nullable(),
  created_at: z.string(),
});
export type Task = z.infer<typeof task>;
export const tasksResponse = z.object({ tasks: z.array(task) });

const briefingSection = z.enum(['overdue', 'today', 'this_week', 'next_4_weeks']);
export const briefingItem = z.object({
  task_id: z.string(),
  section: briefingSection,
  due: z.string(),
  title: z.string(),
  client: z.string().nullable(),
  client_id: z.string().nullable(),
  case_id: z.string().nullable(),
  hard: z.boolean(),
  kind: z.string(),
  rule: z.string().nullable(),
  reason: z.string().nullable(),
  assignee: z.string().nullable(),
});
/** The briefing: items in section order, hard before soft; each list capped, `counts` in all. */
export const briefingResponse = z.object({
  date: z.string(),
  items: z.array(briefingItem),
  counts: z.object({ overdue: z.number().int(), today: z.number().int(), this_week: z.number().int(), next_4_weeks: z.number().int() }),
  later_count: z.number().int(),
  /** Referral sources gone quiet, worth a call. */
  dormant_sources: z
    .array(
      z.object({
        id: z.string(),
        name: z.string(),
        kind_label: z.string(),
        last_referral: z.string(),
        silence_days: z.number(),
        median_gap_days: z.number(),
        referrals: z.number(),
      }),
    )
    .optional(),
});
export type Briefing = z.infer<typeof briefingResponse>;

export const auditEvent = z.looseObject({
  seq: z.number().int(),
  at: z.string(),
  user_id: z.string().nullable(),
  user_name: z.string().nullable(),
  action: z.string(),
  entity: z.string(),
  entity_id: z.string().nullable(),
  client_id: z.string().nullable(),
  detail: z.string(),
});
export type AuditEvent = z.infer<typeof auditEvent>;
export const auditResponse = z.object({ events: z.array(auditEvent) });
export const auditVerifyResponse = z.object({ events: z.number().int(), intact: z.boolean(), broken_at: z.number().int().nullable() });

export const listAuditQuery = z
  .object({
    client_id: z.string().trim().max(64).optional(),
    entity_id: z.string().trim().max(64).optional(),
    limit: z.coerce.number().int().min(1).max(1000).optional(),
    before_seq: z.coerce.number().int().min(1).optional(),
  })
  .strict();

export const searchQuery = z.object({ q: z.string().trim().max(200).optional() }).strict();
export const idParams = z.object({ id: z.string().trim().min(1).max(64) }).strict();
