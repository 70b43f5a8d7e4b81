import { issueCalendarFeedResponse } from '../../../contract/deadlines.js';
import { issueCalendarToken } from '../../../services/deadlines/calendar-token.js';
import { defineRoute } from '../../route.js';

export default defineRoute({
  method: 'POST',
  url: '/api/auth/calendar',
  access: 'signed_in',
  summary: 'Create (or replace) the secret calendar feed address; shown once',
  tags: ['deadlines'],
  response: issueCalendarFeedResponse,
  status: 201,
  handler: async ({ ctx }) => {
    const { token } = await issueCalendarToken(ctx);
    return { token, path: `/api/calendar/${token}.ics` };
  },
});
