import { getCalendarStatusResponse, issueCalendarFeedResponse } from '../../../contract/deadlines.js';
import { z } from 'zod';
import { AppError } from '../../../domain/errors.js';
import { buildCalendar } from '../../../services/deadlines/build-calendar.js';
import { actorForCalendarToken, calendarFeedEnabled, issueCalendarToken, revokeCalendarToken } from '../../../services/deadlines/calendar-token.js';
import { NO_CONTENT, defineRoute, rawResponse } from '../../route.js';

/** Calendar apps cannot sign in: the feed is reached by a secret, revocable address instead. */
export const getCalendarFeed = defineRoute({
  method: 'GET',
  url: '/api/calendar/:token',
  access: 'open',
  summary: 'The signed-in user’s deadlines as an iCalendar feed, at a secret address',
  tags: ['deadlines'],
  response: rawResponse('The deadlines as an iCalendar feed', 'text/calendar'),
  params: z.object({
    token: z
      .string()
      .max(200)
      .transform((t) => t.replace(/\.ics$/, '')),
  }),
  handler: async ({ ctx, params, reply }) => {
    const actor = await actorForCalendarToken(ctx.db, params.token);
    if (!actor) throw new AppError('NOT_FOUND', 'This calendar address is not valid or has been revoked.');
    reply.header('content-type', 'text/calendar; charset=utf-8').header('cache-control', 'no-store');
    return buildCalendar({ ...ctx, actor });
  },
});

export const getCalendarStatus = defineRoute({
  method: 'GET',
  url: '/api/auth/calendar',
  access: 'signed_in',
  summary: 'Whether the user has a calendar feed address',
  tags: ['deadlines'],
  response: getCalendarStatusResponse,
  handler: async ({ ctx, session }) => ({ enabled: session?.actor.kind === 'user' ? await calendarFeedEnabled(ctx.db, session.actor.id) : false }),
});

export const issueCalendar = defineRoute({
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

export const revokeCalendar = defineRoute({
  method: 'DELETE',
  url: '/api/auth/calendar',
  access: 'signed_in',
  summary: 'Revoke the calendar feed address',
  tags: ['deadlines'],
  response: NO_CONTENT,
  status: 204,
  handler: async ({ ctx }) => revokeCalendarToken(ctx),
});
