import { recentTaskEventsInput, recentTaskEventsResponse } from '../../../contract/tasks.js';
import { listRecentTaskEvents } from '../../../services/tasks/list-recent-task-events.js';
import { defineRoute } from '../../route.js';

export default defineRoute({
  method: 'GET',
  url: '/api/tasks/recent',
  access: 'signed_in',
  summary: 'Your recent Done, Waive and Snooze actions that can still be undone',
  tags: ['tasks'],
  query: recentTaskEventsInput,
  response: recentTaskEventsResponse,
  handler: async ({ ctx, query }) => ({ events: await listRecentTaskEvents(ctx, query) }),
});
