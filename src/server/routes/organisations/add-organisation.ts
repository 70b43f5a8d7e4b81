import { addOrganisationInput, addOrganisationResponse } from '../../../contract/organisations.js';
import { addOrganisation } from '../../../services/organisations/add-organisation.js';
import { defineRoute } from '../../route.js';

export default defineRoute({
  method: 'POST',
  url: '/api/organisations',
  access: 'signed_in',
  summary: 'Add an organisation',
  tags: ['organisations'],
  response: addOrganisationResponse,
  body: addOrganisationInput,
  status: 201,
  handler: async ({ ctx, body }) => addOrganisation(ctx, body),
});
