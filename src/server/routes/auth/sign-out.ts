import { endSession } from '../../../services/auth/sessions.js';
import { clearSessionCookie } from '../../auth-hook.js';
import { NO_CONTENT, defineRoute, requireSession } from '../../route.js';

export default defineRoute({
  method: 'POST',
  url: '/api/auth/logout',
  access: 'signed_in',
  summary: 'Sign out: the session ends on every server at once',
  tags: ['sign-in'],
  response: NO_CONTENT,
  status: 204,
  handler: async ({ ctx, session, deps, reply }) => {
    await endSession(ctx, requireSession(session).session_id);
    clearSessionCookie(reply, deps);
  },
});
