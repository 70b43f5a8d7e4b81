import { z } from 'zod';
import { id } from '../../../contract/common.js';
import { ehcpEventInput, recordEhcpEventResponse } from '../../../contract/deadlines.js';
import { recordEhcpEvent } from '../../../services/ehcp/record-ehcp-event.js';
import { defineRoute } from '../../route.js';

export default defineRoute({
  method: 'POST',
  url: '/api/ehcp/:caseId/events',
  access: 'ehcp.update',
  summary: 'Record an event on an EHC plan (advice request, review meeting set or moved, plan received); its deadlines move',
  tags: ['deadlines'],
  response: recordEhcpEventResponse,
  params: z.object({ caseId: id }),
  body: ehcpEventInput,
  status: 201,
  handler: async ({ ctx, params, body }) => recordEhcpEvent(ctx, params.caseId, body),
});
