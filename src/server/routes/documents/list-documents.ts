import { z } from 'zod';
import { listDocumentsInput, listDocumentsResponse } from '../../../contract/documents.js';
import { listDocuments } from '../../../services/documents/list-documents.js';
import { defineRoute } from '../../route.js';

export default defineRoute({
  method: 'GET',
  url: '/api/documents',
  access: 'clinical.read',
  summary: 'Documents, most recently changed first',
  tags: ['documents'],
  response: listDocumentsResponse,
  query: listDocumentsInput.extend({ limit: z.coerce.number().int().min(1).max(1000).optional() }),
  handler: async ({ ctx, query }) => listDocuments(ctx, query),
});
