import { idParams } from '../../../contract/common.js';
import { documentView, sendInput } from '../../../contract/documents.js';
import { sendDocument } from '../../../services/documents/send-document.js';
import { defineRoute } from '../../route.js';

export default defineRoute({
  method: 'POST',
  url: '/api/documents/:id/send',
  access: 'clinical.write',
  summary: 'Mark the signed version sent and log the correspondence entry',
  tags: ['documents'],
  response: documentView,
  params: idParams,
  body: sendInput.optional(),
  handler: async ({ ctx, params, body }) => sendDocument(ctx, params.id, body ?? {}),
});
