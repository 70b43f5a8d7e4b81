import { listCasesInput, listCasesResponse } from '../../../contract/cases.js';
import { listCases } from '../../../services/cases/list-cases.js';
import { defineRoute } from '../../route.js';

export default defineRoute({
  method: 'GET',
  url: '/api/cases',
  access: 'signed_in',
  summary: 'Cases (own caseload for clinicians)',
  tags: ['cases'],
  response: listCasesResponse,
  query: listCasesInput,
  handler: async ({ ctx, query }) => ({ cases: await listCases(ctx, query) }),
});
