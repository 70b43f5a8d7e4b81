import { runChasersResponse } from '../../../contract/money.js';
import { runChasers } from '../../../services/billing/chasers.js';
import { defineRoute } from '../../route.js';

export default defineRoute({
  method: 'POST',
  url: '/api/chasers/run',
  access: 'debts.chase',
  tags: ['money'],
  response: runChasersResponse,
  summary: 'Bring the chase ladder up to date and list the chasers to send with their letters',
  handler: async ({ ctx }) => runChasers(ctx),
});
