import { listOrganisationsInput } from '../../../contract/organisations.js';
import { organisationsResponse } from '../../../contract/responses.js';
import { listOrganisations } from '../../../services/organisations/list-organisations.js';
import { defineRoute } from '../../route.js';

export default defineRoute({
  method: 'GET',
  url: '/api/organisations',
  access: 'signed_in',
  summary: 'Organisations by name and kind',
  tags: ['organisations'],
  query: listOrganisationsInput,
  response: organisationsResponse,
  handler: async ({ ctx, query }) => ({ organisations: await listOrganisations(ctx.db, query) }),
});
