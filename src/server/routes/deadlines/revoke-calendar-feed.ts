import { revokeCalendarToken } from '../../../services/deadlines/calendar-token.js';
import { NO_CONTENT, defineRoute } from '../../route.js';

export default defineRoute({
  method: 'DELETE',
  url: '/api/auth/calendar',
  access: 'signed_in',
  summary: 'Revoke the calendar feed address',
  tags: ['deadlines'],
  response: NO_CONTENT,
  status: 204,
  handler: async ({ ctx }) => revokeCalendarToken(ctx),
});
