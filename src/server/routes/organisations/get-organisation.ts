import { idParams } from '../../../contract/common.js';
import { organisation } from '../../../contract/organisations.js';
import { getOrganisation } from '../../../services/organisations/get-organisation.js';
import { defineRoute } from '../../route.js';

export default defineRoute({
  method: 'GET',
  url: '/api/organisations/:id',
  access: 'signed_in',
  summary: 'An organisation with its contacts',
  tags: ['organisations'],
  response: organisation,
  params: idParams,
  handler: async ({ ctx, params }) => getOrganisation(ctx.db, params.id),
});
