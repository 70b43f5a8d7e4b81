import { idParams } from '../../../contract/common.js';
import { documentView } from '../../../contract/documents.js';
import { redraftDocument } from '../../../services/documents/redraft-document.js';
import { defineRoute } from '../../route.js';

export default defineRoute({
  method: 'POST',
  url: '/api/documents/:id/redraft',
  access: 'clinical.write',
  summary: 'Recompose from the findings as they are now: a new version',
  tags: ['documents'],
  response: documentView,
  params: idParams,
  handler: async ({ ctx, params }) => redraftDocument(ctx, params.id),
});
