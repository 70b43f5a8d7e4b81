import { z } from 'zod';
import { caseDetail, updateAuthorisationInput } from '../../../contract/cases.js';
import { id } from '../../../contract/common.js';
import { updateAuthorisation } from '../../../services/cases/update-case-details.js';
import { defineRoute } from '../../route.js';

export default defineRoute({
  method: 'PATCH',
  url: '/api/authorisations/:id',
  access: 'authorisations.record',
  summary: 'Extend or correct an authorisation; its expiry deadline moves',
  tags: ['cases'],
  response: caseDetail,
  params: z.object({ id }),
  body: updateAuthorisationInput,
  handler: async ({ ctx, params, body }) => updateAuthorisation(ctx, params.id, body),
});
