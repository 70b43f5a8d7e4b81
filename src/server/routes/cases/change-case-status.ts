import { changeCaseStatusInput } from '../../../contract/cases.js';
import { idParams } from '../../../contract/responses.js';
import { changeCaseStatus } from '../../../services/cases/change-case-status.js';
import { defineRoute } from '../../route.js';

export default defineRoute({
  method: 'POST',
  url: '/api/cases/:id/status',
  access: 'cases.change',
  summary: 'Move a case to a new status',
  tags: ['cases'],
  params: idParams,
  body: changeCaseStatusInput,
  handler: async ({ ctx, params, body }) => changeCaseStatus(ctx, params.id, body),
});
