import { getEhcpTimelineResponse } from '../../../contract/deadlines.js';
import { z } from 'zod';
import { id } from '../../../contract/common.js';
import { getEhcpTimeline } from '../../../services/ehcp/ehcp-register.js';
import { defineRoute } from '../../route.js';

export default defineRoute({
  method: 'GET',
  url: '/api/ehcp/:caseId',
  access: 'ehcp.read',
  summary: "A child's EHCP timeline: plan, events and the deadlines that follow",
  tags: ['deadlines'],
  response: getEhcpTimelineResponse,
  params: z.object({ caseId: id }),
  handler: async ({ ctx, params }) => getEhcpTimeline(ctx, params.caseId),
});
