/** Drafting, reviewing, signing and sending documents. */
import { z } from 'zod';
import { CHASER_LEVELS, DOCUMENT_KINDS } from '../domain/documents/kinds.js';
import { id, isoDate, longText, shortText } from './common.js';
import { CORRESPONDENCE_CHANNELS } from '../domain/vocabulary.js';

export const documentKind = z.enum(DOCUMENT_KINDS, { error: () => `must be one of ${DOCUMENT_KINDS.join(', ')}` });

export const draftInput = z.strictObject({
  kind: documentKind,
  case_id: id.optional(),
  level: z.union(CHASER_LEVELS.map((l) => z.literal(l)) as unknown as [z.ZodLiteral<1>, z.ZodLiteral<2>, z.ZodLiteral<3>]).optional(),
  invoice: z
    .strictObject({
      number: shortText,
      issued_on: isoDate,
      due_on: isoDate,
      amount_pence: z.number().int().positive(),
      business_payer: z.boolean(),
      reference_rate_bp: z.number().int().min(0).max(2000).nullable().optional(),
    })
    .optional(),
  audience: shortText.optional(),
});
export type DraftInput = z.input<typeof draftInput>;

export const listDocumentsInput = z.strictObject({
  case_id: id.optional(),
  client_id: id.optional(),
  status: z.enum(['draft', 'in_review', 'signed', 'sent']).optional(),
  limit: z.number().int().min(1).max(1000).optional(),
});
export type ListDocumentsInput = z.input<typeof listDocumentsInput>;

export const editBlockInput = z.strictObject({ block_id: z.string().regex(/^b\d+$/, 'is not a block id'), text: longText });
export type EditBlockInput = z.input<typeof editBlockInput>;

export const signInput = z.strictObject({
  /** The signer when the CLI acts (it has no signed-in user); the web always signs as the user. */
  signer_id: id.optional(),
  content_hash: z
    .string()
    .regex(/^[0-9a-f]{64}$/)
    .optional(),
});
export type SignInput = z.input<typeof signInput>;

export const sendInput = z.strictObject({
  channel: z.enum(CORRESPONDENCE_CHANNELS).optional(),
  party_name: shortText.optional(),
  on_date: isoDate.optional(),
});
export type SendInput = z.input<typeof sendInput>;

export const renderFormat = z.enum(['docx', 'html', 'md']);
export type RenderFormat = z.infer<typeof renderFormat>;

/** Which version of a document, when not the current one. */
export const versionNumber = z.coerce.number().int().min(1);

// What the API answers: the route serialises through these, so a field not listed never leaves the server.
export const block = z.object({
  id: z.string(),
  type: z.enum(['heading', 'paragraph', 'list', 'table', 'fields']),
  level: z.union([z.literal(1), z.literal(2)]).optional(),
  text: z.string().optional(),
  items: z.array(z.string()).optional(),
  header: z.array(z.string()).optional(),
  rows: z.array(z.array(z.string())).optional(),
  sources: z.array(z.string()),
  composed_by: z.enum(['clinician', 'steve']),
  tags: z.array(z.string()).optional(),
});
export type Block = z.infer<typeof block>;
export const stillNeeded = z.object({ field: z.string(), label: z.string() });
export const checkFinding = z.object({
  check: z.enum(['placeholders', 'provision', 'pd35', 'other_client', 'dates', 'la_profile']),
  severity: z.enum(['error', 'warning']),
  message: z.string(),
  block_id: z.string().nullable(),
  text: z.string().nullable(),
});
export const provisionFinding = z.object({ line: z.number(), text: z.string(), problem: z.string() });
export const laProfile = z.object({
  id: z.string(),
  organisation_id: z.string().nullable(),
  name: z.string(),
  section_order: z.array(z.string()),
  headings: z.record(z.string(), z.string()),
  front_sheet_fields: z.array(z.string()),
  reference_format: z.string().nullable(),
  provision_layout: z.enum(['split', 'single']),
  scores_in: z.enum(['body', 'appendix']),
  max_words: z.number().nullable(),
  max_pages: z.number().nullable(),
  freshness_months: z.number().nullable(),
  return_to: z.string().nullable(),
});
export const documentView = z.object({
  id: z.string(),
  kind: z.string(),
  title: z.string(),
  status: z.string(),
  version: z.number(),
  current_version: z.number(),
  case_id: z.string().nullable(),
  client_id: z.string().nullable(),
  created_at: z.string(),
  content_hash: z.string(),
  signed_by: z.string().nullable(),
  signed_by_name: z.string().nullable(),
  signed_at: z.string().nullable(),
  sent_at: z.string().nullable(),
  correspondence_id: z.string().nullable(),
  running_header: z.string(),
  letterhead: z.object({ name: z.string(), lines: z.array(z.string()) }),
  blocks: z.array(block),
  /** Who signed, as they were at signing: what the sign-off block of the signed version shows. */
  signature: z
    .object({
      name: z.string(),
      role: z.string(),
      qualifications: z.string(),
      professional_bodies: z.string().nullable(),
      hcpc_number: z.string(),
      signed_at: z.string(),
    })
    .nullable(),
  still_needed: z.array(stillNeeded),
  checks: z.array(checkFinding),
  can_sign: z.boolean(),
  composed_by: z.object({ steve: z.array(z.string()), clinician: z.array(z.string()) }),
  versions: z.array(
    z.object({
      created_at: z.string(),
      status: z.string(),
      version: z.number(),
      signed_at: z.string().nullable(),
      content_hash: z.string(),
      change: z.string(),
      signed_by_name: z.string().nullable(),
    }),
  ),
});
export type DocumentView = z.infer<typeof documentView>;
export const listDocumentsResponse = z.array(
  z.object({
    client_name: z.string().nullable(),
    client_id: z.string().nullable(),
    id: z.string(),
    title: z.string(),
    created_at: z.string(),
    case_id: z.string().nullable(),
    kind: z.string(),
    status: z.string(),
    updated_at: z.string().nullable(),
    version: z.number(),
    signed_at: z.string().nullable(),
    sent_at: z.string().nullable(),
    signed_by_name: z.string().nullable(),
  }),
);
export type ListDocumentsResponse = z.infer<typeof listDocumentsResponse>;
export const checkProvisionResponse = z.object({ findings: z.array(provisionFinding) });
export const listLaProfilesResponse = z.array(laProfile);
export const deleteLaProfileResponse = z.object({ id: z.string(), deleted: z.boolean() });
