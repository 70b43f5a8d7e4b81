/** The audit log as the owner's settings page reads it. */
import { z } from 'zod';

export const listAuditQuery = z
  .object({
    client_id: z.string().trim().max(64).optional(),
    entity_id: z.string().trim().max(64).optional(),
    limit: z.coerce.number().int().min(1).max(1000).optional(),
    before_seq: z.coerce.number().int().min(1).optional(),
  })
  .strict();

export const auditVerifyResponse = z.object({
  events: z.number(),
  intact: z.boolean(),
  broken_at: z.number().nullable(),
  problem: z.string().optional(),
  checkpoint: z.object({ seq: z.number(), at: z.string() }).optional(),
});
export const listAuditResponse = z.object({
  events: z.array(
    z.object({
      user_id: z.string().nullable(),
      client_id: z.string().nullable(),
      entity_id: z.string().nullable(),
      seq: z.number(),
      at: z.string(),
      action: z.string(),
      entity: z.string(),
      detail: z.string(),
      user_name: z.string().nullable(),
    }),
  ),
});
export type ListAuditResponse = z.infer<typeof listAuditResponse>;
