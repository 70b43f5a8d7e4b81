import { postTotpSetupResponse } from '../../../contract/auth.js';
import { beginTotpSetup } from '../../../services/auth/totp.js';
import { defineRoute, requireSession } from '../../route.js';

export default defineRoute({
  method: 'POST',
  url: '/api/auth/totp/setup',
  access: 'signed_in',
  summary: 'Start two-factor set-up: a secret for the authenticator app (not on until enabled)',
  tags: ['sign-in'],
  response: postTotpSetupResponse,
  handler: async ({ ctx, session }) => beginTotpSetup(ctx, requireSession(session).session_id),
});
