import { importInboxResponse, uploadInput } from '../../../contract/inbox.js';
import { importInbox } from '../../../services/inbox/inbox.js';
import { defineRoute } from '../../route.js';
import { decodeUploads } from './uploaded-files.js';

export default defineRoute({
  method: 'POST',
  url: '/api/inbox',
  access: 'inbox.use',
  summary: 'Import letters and emails: link to a client, keep the original, log correspondence, queue proposals',
  tags: ['inbox'],
  response: importInboxResponse,
  body: uploadInput,
  status: 201,
  handler: async ({ ctx, body }) => importInbox(ctx, decodeUploads(body.files)),
});
