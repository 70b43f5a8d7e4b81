import { updateOrganisationInput } from '../../../contract/organisations.js';
import { idParams } from '../../../contract/responses.js';
import { updateOrganisation } from '../../../services/organisations/update-organisation.js';
import { defineRoute } from '../../route.js';

export default defineRoute({
  method: 'PATCH',
  url: '/api/organisations/:id',
  access: 'signed_in',
  summary: 'Change an organisation',
  tags: ['organisations'],
  params: idParams,
  body: updateOrganisationInput,
  handler: async ({ ctx, params, body }) => updateOrganisation(ctx, params.id, body),
});
