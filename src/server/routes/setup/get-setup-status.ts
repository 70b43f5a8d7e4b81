import { getSetupResponse } from '../../../contract/auth.js';
import { setupNeeded } from '../../../services/auth/setup.js';
import { defineRoute } from '../../route.js';

export default defineRoute({
  method: 'GET',
  url: '/api/setup',
  access: 'open',
  summary: 'Whether first-run setup is needed (no practice yet)',
  tags: ['sign-in'],
  response: getSetupResponse,
  handler: async ({ deps }) => ({ needed: await setupNeeded(deps) }),
});
