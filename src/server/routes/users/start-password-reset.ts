import { passwordResetResponse } from '../../../contract/auth.js';
import { idParams } from '../../../contract/common.js';
import { startPasswordReset } from '../../../services/users/start-password-reset.js';
import { defineRoute } from '../../route.js';

export default defineRoute({
  method: 'POST',
  url: '/api/users/:id/password-reset',
  access: 'users.manage',
  summary: 'Make a one-time code (24 hours) with which the user chooses a new password; shown once (owner only)',
  tags: ['settings'],
  params: idParams,
  response: passwordResetResponse,
  status: 201,
  handler: async ({ ctx, params }) => startPasswordReset(ctx, params.id),
});
