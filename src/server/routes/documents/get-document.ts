import { z } from 'zod';
import { idParams } from '../../../contract/common.js';
import { documentView, versionNumber } from '../../../contract/documents.js';
import { getDocument } from '../../../services/documents/get-document.js';
import { defineRoute } from '../../route.js';

export default defineRoute({
  method: 'GET',
  url: '/api/documents/:id',
  access: 'clinical.read',
  summary: 'A document version with provenance, still-needed list and checks',
  tags: ['documents'],
  response: documentView,
  params: idParams,
  query: z.object({ version: versionNumber.optional() }),
  handler: async ({ ctx, params, query }) => getDocument(ctx, params.id, query.version === undefined ? {} : { version: query.version }),
});
