import { idParams } from '../../../contract/common.js';
import { documentView } from '../../../contract/documents.js';
import { submitForReview } from '../../../services/documents/submit-for-review.js';
import { defineRoute } from '../../route.js';

export default defineRoute({
  method: 'POST',
  url: '/api/documents/:id/review',
  access: 'clinical.write',
  summary: 'Send the draft for review',
  tags: ['documents'],
  response: documentView,
  params: idParams,
  handler: async ({ ctx, params }) => submitForReview(ctx, params.id),
});
