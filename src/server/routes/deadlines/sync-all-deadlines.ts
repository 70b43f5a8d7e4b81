import { syncAllResult } from '../../../contract/deadlines.js';
import { syncAllDeadlines } from '../../../services/deadlines/sync-all-deadlines.js';
import { defineRoute } from '../../route.js';

export default defineRoute({
  method: 'POST',
  url: '/api/deadlines/sync',
  access: 'deadlines.repair',
  summary: 'Recompute every rule-made task and repair stale or duplicate ones (safe to repeat)',
  tags: ['deadlines'],
  response: syncAllResult,
  handler: async ({ ctx }) => syncAllDeadlines(ctx),
});
