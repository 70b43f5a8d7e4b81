import { setupStatusResponse } from '../../../contract/responses.js';
import { setupNeeded } from '../../../services/auth/setup.js';
import { defineRoute } from '../../route.js';

export default defineRoute({
  method: 'GET',
  url: '/api/setup',
  access: 'open',
  summary: 'Whether first-run setup is needed (no practice yet)',
  tags: ['sign-in'],
  response: setupStatusResponse,
  handler: async ({ deps }) => ({ needed: await setupNeeded(deps) }),
});
