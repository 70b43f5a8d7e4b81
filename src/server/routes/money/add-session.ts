import { sessionRow, addSessionInput } from '../../../contract/money.js';
import { addSession } from '../../../services/sessions/add-session.js';
import { defineRoute } from '../../route.js';

export default defineRoute({
  method: 'POST',
  url: '/api/sessions',
  access: 'sessions.record',
  tags: ['money'],
  response: sessionRow,
  status: 201,
  summary: 'Record a session; one outside an insurer authorisation needs override_reason, which is kept',
  body: addSessionInput,
  handler: async ({ ctx, body }) => addSession(ctx, body),
});
