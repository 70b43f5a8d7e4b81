import { idParams } from '../../../contract/common.js';
import { caseDetail } from '../../../contract/cases.js';
import { getCase } from '../../../services/cases/get-case.js';
import { defineRoute } from '../../route.js';

export default defineRoute({
  method: 'GET',
  url: '/api/cases/:id',
  access: 'signed_in',
  summary: 'A case with its detail records (audited)',
  tags: ['cases'],
  response: caseDetail,
  params: idParams,
  handler: async ({ ctx, params }) => getCase(ctx, params.id),
});
