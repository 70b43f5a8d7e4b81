import { briefingResponse } from '../../../contract/responses.js';
import { getBriefing } from '../../../services/briefing/get-briefing.js';
import { defineRoute } from '../../route.js';

export default defineRoute({
  method: 'GET',
  url: '/api/briefing',
  access: 'signed_in',
  summary: 'Today: overdue, due today and upcoming (14 days) open tasks',
  tags: ['today'],
  response: briefingResponse,
  handler: async ({ ctx }) => getBriefing(ctx),
});
