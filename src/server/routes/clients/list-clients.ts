import { listClientsInput, listClientsResponse } from '../../../contract/clients.js';
import { listClients } from '../../../services/clients/list-clients.js';
import { defineRoute } from '../../route.js';

export default defineRoute({
  method: 'GET',
  url: '/api/clients',
  access: 'signed_in',
  summary: 'Clients by name, NHS number or postcode (own caseload for clinicians)',
  tags: ['clients'],
  query: listClientsInput,
  response: listClientsResponse,
  handler: async ({ ctx, query }) => ({ clients: await listClients(ctx, { limit: 200, ...query }) }),
});
