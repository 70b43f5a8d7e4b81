import { idParams } from '../../../contract/common.js';
import { documentView, editBlockInput } from '../../../contract/documents.js';
import { editBlock } from '../../../services/documents/edit-block.js';
import { defineRoute } from '../../route.js';

export default defineRoute({
  method: 'PATCH',
  url: '/api/documents/:id/blocks',
  access: 'clinical.write',
  summary: 'Rewrite one block; always makes a new version (a signed version never changes)',
  tags: ['documents'],
  response: documentView,
  params: idParams,
  body: editBlockInput,
  handler: async ({ ctx, params, body }) => editBlock(ctx, params.id, body),
});
