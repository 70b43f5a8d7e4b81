import { idParams } from '../../../contract/common.js';
import { organisation, updateOrganisationInput } from '../../../contract/organisations.js';
import { updateOrganisation } from '../../../services/organisations/update-organisation.js';
import { defineRoute } from '../../route.js';

export default defineRoute({
  method: 'PATCH',
  url: '/api/organisations/:id',
  access: 'signed_in',
  summary: 'Change an organisation',
  tags: ['organisations'],
  response: organisation,
  params: idParams,
  body: updateOrganisationInput,
  handler: async ({ ctx, params, body }) => updateOrganisation(ctx, params.id, body),
});
