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

export const rejectProposalInput = z.object({ reason: z.string().trim().max(500).optional() }).strict();
