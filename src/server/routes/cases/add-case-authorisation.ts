import { z } from 'zod';
import { authorisationDetailInput, caseDetail } from '../../../contract/cases.js';
import { id } from '../../../contract/common.js';
import { addAuthorisation } from '../../../services/cases/update-case-details.js';
import { defineRoute } from '../../route.js';

export default defineRoute({
  method: 'POST',
  url: '/api/cases/:id/authorisations',
  access: 'authorisations.record',
  summary: 'Record an insurer authorisation on a case',
  tags: ['cases'],
  response: caseDetail,
  params: z.object({ id }),
  body: authorisationDetailInput,
  status: 201,
  handler: async ({ ctx, params, body }) => addAuthorisation(ctx, params.id, body),
});
