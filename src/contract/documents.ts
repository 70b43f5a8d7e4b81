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
