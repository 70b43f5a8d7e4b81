import { inboxListQuery, listInboxResponse } from '../../../contract/inbox.js';
import { listInbox } from '../../../services/inbox/inbox.js';
import { defineRoute } from '../../route.js';

export default defineRoute({
  method: 'GET',
  url: '/api/inbox',
  access: 'inbox.use',
  summary: 'Imported items with their proposals (pending only unless status=all)',
  tags: ['inbox'],
  response: listInboxResponse,
  query: inboxListQuery,
  handler: async ({ ctx, query }) => listInbox(ctx, { status: query.status ?? 'pending' }),
});
