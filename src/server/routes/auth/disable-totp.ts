import { totpDisableInput, userResponse } from '../../../contract/auth.js';
import { disableTotp } from '../../../services/auth/totp.js';
import { defineRoute } from '../../route.js';

export default defineRoute({
  method: 'POST',
  url: '/api/auth/totp/disable',
  access: 'signed_in',
  summary: 'Turn two-factor off (needs the password)',
  tags: ['sign-in'],
  body: totpDisableInput,
  response: userResponse,
  handler: async ({ ctx, body }) => disableTotp(ctx, body),
});
