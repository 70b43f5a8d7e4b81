import { z } from 'zod';
import { AppError } from '../../../domain/errors.js';
import { buildCalendar } from '../../../services/deadlines/build-calendar.js';
import { actorForCalendarToken } from '../../../services/deadlines/calendar-token.js';
import { defineRoute, rawResponse } from '../../route.js';

/** Calendar apps cannot sign in: the feed is reached by a secret, revocable address instead. */
export default defineRoute({
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
