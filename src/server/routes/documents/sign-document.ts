import { idParams } from '../../../contract/common.js';
import { documentView, signInput } from '../../../contract/documents.js';
import { signDocument } from '../../../services/documents/sign-document.js';
import { defineRoute } from '../../route.js';

export default defineRoute({
  method: 'POST',
  url: '/api/documents/:id/sign',
  access: 'documents.sign',
  summary: 'Sign the version in review as the signed-in clinician',
  tags: ['documents'],
  response: documentView,
  params: idParams,
  body: signInput.omit({ signer_id: true }).optional(),
  handler: async ({ ctx, params, body }) => signDocument(ctx, params.id, body ?? {}),
});
