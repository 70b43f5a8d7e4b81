import { idParams } from '../../../contract/responses.js';
import { getCase } from '../../../services/cases/get-case.js';
import { defineRoute } from '../../route.js';

export default defineRoute({
  method: 'GET',
  url: '/api/cases/:id',
  access: 'signed_in',
  summary: 'A case with its detail records (audited)',
  tags: ['cases'],
  params: idParams,
  handler: async ({ ctx, params }) => getCase(ctx, params.id),
});
