import { getCalendarStatusResponse } from '../../../contract/deadlines.js';
import { calendarFeedEnabled } from '../../../services/deadlines/calendar-token.js';
import { defineRoute } from '../../route.js';

export default defineRoute({
  method: 'GET',
  url: '/api/auth/calendar',
  access: 'signed_in',
  summary: 'Whether the user has a calendar feed address',
  tags: ['deadlines'],
  response: getCalendarStatusResponse,
  handler: async ({ ctx, session }) => ({ enabled: session?.actor.kind === 'user' ? await calendarFeedEnabled(ctx.db, session.actor.id) : false }),
});
