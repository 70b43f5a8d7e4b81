import { idParams } from '../../../contract/common.js';
import { caseDetail, changeCaseStatusInput } from '../../../contract/cases.js';
import { changeCaseStatus } from '../../../services/cases/change-case-status.js';
import { defineRoute } from '../../route.js';

export default defineRoute({
  method: 'POST',
  url: '/api/cases/:id/status',
  access: 'cases.change',
  summary: 'Move a case to a new status',
  tags: ['cases'],
  response: caseDetail,
  params: idParams,
  body: changeCaseStatusInput,
  handler: async ({ ctx, params, body }) => changeCaseStatus(ctx, params.id, body),
});
