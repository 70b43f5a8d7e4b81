import { totpTokenInput, userResponse } from '../../../contract/auth.js';
import { enableTotp } from '../../../services/auth/totp.js';
import { defineRoute, requireSession } from '../../route.js';

export default defineRoute({
  method: 'POST',
  url: '/api/auth/totp/enable',
  access: 'signed_in',
  summary: 'Turn two-factor on by entering a code from the app',
  tags: ['sign-in'],
  body: totpTokenInput,
  response: userResponse,
  handler: async ({ ctx, session, body }) => enableTotp(ctx, requireSession(session).session_id, body),
});
