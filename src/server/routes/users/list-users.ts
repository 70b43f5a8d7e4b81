import { listUsersResponse } from '../../../contract/practice.js';
import { listUsers } from '../../../services/users/list-users.js';
import { defineRoute } from '../../route.js';

export default defineRoute({
  method: 'GET',
  url: '/api/users',
  access: 'signed_in',
  summary: 'The practice’s users (no secrets)',
  tags: ['settings'],
  response: listUsersResponse,
  handler: async ({ ctx }) => ({ users: await listUsers(ctx.db) }),
});
