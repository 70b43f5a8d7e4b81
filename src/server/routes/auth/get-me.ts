import { getMeResponse } from '../../../contract/auth.js';
import { whoAmI } from '../../../services/auth/me.js';
import { defineRoute, requireSession } from '../../route.js';

export default defineRoute({
  method: 'GET',
  url: '/api/auth/me',
  access: 'signed_in',
  summary: 'The signed-in user, their CSRF token and the practice name',
  tags: ['sign-in'],
  response: getMeResponse,
  handler: async ({ deps, session }) => whoAmI(deps, requireSession(session)),
});
