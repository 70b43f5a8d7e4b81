import { idParams } from '../../../contract/common.js';
import { clientContactRow, clientContactInput } from '../../../contract/clients.js';
import { addClientContact } from '../../../services/clients/update-client.js';
import { defineRoute } from '../../route.js';

export default defineRoute({
  method: 'POST',
  url: '/api/clients/:id/contacts',
  access: 'signed_in',
  summary: 'Add a carer or contact to a client',
  tags: ['clients'],
  response: clientContactRow,
  params: idParams,
  body: clientContactInput,
  status: 201,
  handler: async ({ ctx, params, body }) => addClientContact(ctx, params.id, body),
});
