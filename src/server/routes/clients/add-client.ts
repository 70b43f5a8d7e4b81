import { addClientInput, client } from '../../../contract/clients.js';
import { addClient } from '../../../services/clients/add-client.js';
import { defineRoute } from '../../route.js';

export default defineRoute({
  method: 'POST',
  url: '/api/clients',
  access: 'clients.add',
  summary: 'Add a client',
  tags: ['clients'],
  response: client,
  body: addClientInput,
  status: 201,
  handler: async ({ ctx, body }) => addClient(ctx, body),
});
