import { listAuthorisationsResponse, queryFlag } from '../../../contract/money.js';
import { z } from 'zod';
import { id } from '../../../contract/common.js';
import { listAuthorisations } from '../../../services/sessions/authorisations.js';
import { defineRoute } from '../../route.js';

export default defineRoute({
  method: 'GET',
  url: '/api/authorisations',
  access: 'signed_in',
  tags: ['money'],
  response: listAuthorisationsResponse,
  summary: 'Insurer authorisations with sessions authorised, used and left, and warnings (caseload for clinicians)',
  query: z.object({ case_id: id.optional(), client_id: id.optional(), all: queryFlag, warnings: queryFlag }).strict(),
  handler: async ({ ctx, query }) =>
    listAuthorisations(ctx, { case_id: query.case_id, client_id: query.client_id, include_ended: query.all, warnings_only: query.warnings }),
});
