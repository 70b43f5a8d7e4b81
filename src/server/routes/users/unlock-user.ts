import { unlockUserResponse } from '../../../contract/auth.js';
import { idParams } from '../../../contract/common.js';
import { unlockUser } from '../../../services/users/unlock-user.js';
import { defineRoute } from '../../route.js';

export default defineRoute({
  method: 'POST',
  url: '/api/users/:id/unlock',
  access: 'users.manage',
  summary: 'End a user’s sign-in back-off after failed attempts (owner only)',
  tags: ['settings'],
  params: idParams,
  response: unlockUserResponse,
  handler: async ({ ctx, params }) => unlockUser(ctx, params.id),
});
