import { z } from 'zod';
import { id, isoDate } from '../../../contract/common.js';
import { updateSubjectAccessRequestResponse } from '../../../contract/deadlines.js';
import { updateSubjectAccessRequest } from '../../../services/compliance/update-subject-access-request.js';
import { defineRoute } from '../../route.js';

export default defineRoute({
  method: 'POST',
  url: '/api/sars/:id',
  access: 'subject_access.manage',
  summary: 'Extend a subject access request or record the response',
  tags: ['deadlines'],
  response: updateSubjectAccessRequestResponse,
  params: z.object({ id }),
  body: z.object({ extend: z.boolean().optional(), responded_on: isoDate.optional() }).strict(),
  handler: async ({ ctx, params, body }) => updateSubjectAccessRequest(ctx, params.id, body),
});
