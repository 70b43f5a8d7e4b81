import { listOrganisationsInput, listOrganisationsResponse } from '../../../contract/organisations.js';
import { listOrganisations } from '../../../services/organisations/list-organisations.js';
import { defineRoute } from '../../route.js';

export default defineRoute({
  method: 'GET',
  url: '/api/organisations',
  access: 'signed_in',
  summary: 'Organisations by name and kind',
  tags: ['organisations'],
  query: listOrganisationsInput,
  response: listOrganisationsResponse,
  handler: async ({ ctx, query }) => ({ organisations: await listOrganisations(ctx.db, query) }),
});
