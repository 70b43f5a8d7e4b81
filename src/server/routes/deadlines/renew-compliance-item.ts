import { z } from 'zod';
import { id, isoDate } from '../../../contract/common.js';
import { renewComplianceItemResponse } from '../../../contract/deadlines.js';
import { renewComplianceItem } from '../../../services/compliance/renew-compliance-item.js';
import { defineRoute } from '../../route.js';

export default defineRoute({
  method: 'POST',
  url: '/api/compliance/:id/renew',
  access: 'compliance.keep',
  summary: 'Record a renewal; the next cycle follows from it',
  tags: ['deadlines'],
  response: renewComplianceItemResponse,
  params: z.object({ id }),
  body: z.object({ on: isoDate }).strict(),
  handler: async ({ ctx, params, body }) => renewComplianceItem(ctx, params.id, body.on),
});
