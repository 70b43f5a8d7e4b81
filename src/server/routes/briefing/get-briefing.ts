import { briefingInput, briefingResponse } from '../../../contract/deadlines.js';
import { buildBriefing } from '../../../services/deadlines/build-briefing.js';
import { defineRoute } from '../../route.js';

export default defineRoute({
  method: 'GET',
  url: '/api/briefing',
  access: 'signed_in',
  summary: 'The morning briefing: overdue, today, this week and the next four weeks; hard deadlines first, each explained',
  tags: ['today'],
  query: briefingInput,
  response: briefingResponse,
  handler: async ({ ctx, query }) => buildBriefing(ctx, query),
});
