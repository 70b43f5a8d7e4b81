import { documentView, draftInput } from '../../../contract/documents.js';
import { draftDocument } from '../../../services/documents/draft-document.js';
import { defineRoute } from '../../route.js';

export default defineRoute({
  method: 'POST',
  url: '/api/documents',
  access: 'clinical.write',
  summary: "Draft a document of a kind from the case's recorded findings",
  tags: ['documents'],
  response: documentView,
  body: draftInput,
  status: 201,
  handler: async ({ ctx, body }) => draftDocument(ctx, body),
});
