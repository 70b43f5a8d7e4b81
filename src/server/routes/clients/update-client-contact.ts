import { idParams } from '../../../contract/common.js';
import { clientContactInput, clientContactRow } from '../../../contract/clients.js';
import { updateClientContact } from '../../../services/clients/update-client.js';
import { defineRoute } from '../../route.js';

export default defineRoute({
  method: 'PATCH',
  url: '/api/client-contacts/:id',
  access: 'signed_in',
  summary: 'Change a client’s carer or contact',
  tags: ['clients'],
  response: clientContactRow,
  params: idParams,
  body: clientContactInput.partial().strict(),
  handler: async ({ ctx, params, body }) => updateClientContact(ctx, params.id, body),
});
