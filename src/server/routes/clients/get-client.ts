import { idParams } from '../../../contract/common.js';
import { clientDetail } from '../../../contract/clients.js';
import { getClient } from '../../../services/clients/get-client.js';
import { defineRoute } from '../../route.js';

export default defineRoute({
  method: 'GET',
  url: '/api/clients/:id',
  access: 'signed_in',
  summary: 'A client’s whole record (audited); another clinician’s client is not found',
  tags: ['clients'],
  response: clientDetail,
  params: idParams,
  handler: async ({ ctx, params }) => getClient(ctx, params.id),
});
