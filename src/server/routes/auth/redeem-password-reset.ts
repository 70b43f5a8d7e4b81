import { redeemPasswordResetInput } from '../../../contract/auth.js';
import { redeemPasswordReset } from '../../../services/auth/redeem-password-reset.js';
import { NO_CONTENT, defineRoute } from '../../route.js';

export default defineRoute({
  method: 'POST',
  url: '/api/auth/password-reset',
  access: 'open',
  sameOrigin: true,
  rateLimited: true,
  summary: 'Choose a new password with the one-time code the practice owner gave you',
  tags: ['sign-in'],
  body: redeemPasswordResetInput,
  response: NO_CONTENT,
  status: 204,
  handler: async ({ deps, body, req }) => redeemPasswordReset(deps, body, { ip: req.ip }),
});
