import { changePasswordInput } from '../../../contract/auth.js';
import { changePassword } from '../../../services/auth/change-password.js';
import { NO_CONTENT, defineRoute, requireSession } from '../../route.js';

export default defineRoute({
  method: 'POST',
  url: '/api/auth/password',
  access: 'signed_in',
  rateLimited: true,
  summary: 'Change your own password (needs the current one); your other sessions end',
  tags: ['sign-in'],
  body: changePasswordInput,
  response: NO_CONTENT,
  status: 204,
  handler: async ({ ctx, session, body, req }) => changePassword(ctx, requireSession(session).session_id, body, { ip: req.ip }),
});
