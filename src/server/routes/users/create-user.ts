import { createUserInput, userRow } from '../../../contract/practice.js';
import { createUser } from '../../../services/users/create-user.js';
import { defineRoute } from '../../route.js';

export default defineRoute({
  method: 'POST',
  url: '/api/users',
  access: 'users.manage',
  summary: 'Add a user (owner only)',
  tags: ['settings'],
  body: createUserInput,
  response: userRow,
  status: 201,
  handler: async ({ ctx, body }) => createUser(ctx, body),
});
