/** Whether the server is up, and on which database. */
import { z } from 'zod';

export const getHealthResponse = z.object({ ok: z.literal(true), version: z.string(), database: z.enum(['sqlite', 'postgres']) });
