import { caseDetail, openCaseInput } from '../../../contract/cases.js';
import { openCase } from '../../../services/cases/open-case.js';
import { defineRoute } from '../../route.js';

export default defineRoute({
  method: 'POST',
  url: '/api/cases',
  access: 'cases.open',
  summary: 'Open a case, with any detail kinds (EHCP, authorisation, medico-legal, housing, workplace)',
  tags: ['cases'],
  response: caseDetail,
  body: openCaseInput,
  status: 201,
  handler: async ({ ctx, body }) => openCase(ctx, body),
});
