import { idParams } from '../../../contract/common.js';
import { client, updateClientInput } from '../../../contract/clients.js';
import { updateClient } from '../../../services/clients/update-client.js';
import { defineRoute } from '../../route.js';

export default defineRoute({
  method: 'PATCH',
  url: '/api/clients/:id',
  access: 'signed_in',
  summary: 'Change a client’s details',
  tags: ['clients'],
  response: client,
  params: idParams,
  body: updateClientInput,
  handler: async ({ ctx, params, body }) => updateClient(ctx, params.id, body),
});
