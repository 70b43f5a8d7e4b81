import { idParams } from '../../../contract/common.js';
import { updateUserInput, userRow } from '../../../contract/practice.js';
import { updateUser } from '../../../services/users/update-user.js';
import { defineRoute } from '../../route.js';

export default defineRoute({
  method: 'PATCH',
  url: '/api/users/:id',
  access: 'users.manage',
  summary: 'Change a user’s name, role, HCPC number or active flag (owner only)',
  tags: ['settings'],
  params: idParams,
  body: updateUserInput,
  response: userRow,
  handler: async ({ ctx, params, body }) => updateUser(ctx, params.id, body),
});
