import { listSessionsResponse, queryFlag } from '../../../contract/money.js';
import { z } from 'zod';
import { id, isoDate } from '../../../contract/common.js';
import { listSessions } from '../../../services/sessions/list-sessions.js';
import { defineRoute } from '../../route.js';

export default defineRoute({
  method: 'GET',
  url: '/api/sessions',
  access: 'signed_in',
  tags: ['money'],
  response: listSessionsResponse,
  summary: "A case's or client's sessions with the invoice each is on (notes hidden from admin)",
  query: z.object({ case_id: id.optional(), client_id: id.optional(), from: isoDate.optional(), to: isoDate.optional(), uninvoiced: queryFlag }).strict(),
  handler: async ({ ctx, query }) => listSessions(ctx, query),
});
