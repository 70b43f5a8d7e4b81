/** Searching clients and organisations at once. */
import { z } from 'zod';
import { clientRow } from './clients.js';
import { orgRow } from './organisations.js';

export const searchQuery = z.object({ q: z.string().trim().max(200).optional() }).strict();

export const getSearchResponse = z.object({ clients: z.array(clientRow), organisations: z.array(orgRow) });
