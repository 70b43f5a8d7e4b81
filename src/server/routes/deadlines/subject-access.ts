import { z } from 'zod';
import { id, isoDate } from '../../../contract/common.js';
import {
  addSubjectAccessRequestResponse,
  listSubjectAccessRequestsResponse,
  subjectAccessInput,
  updateSubjectAccessRequestResponse,
} from '../../../contract/deadlines.js';
import { addSubjectAccessRequest } from '../../../services/compliance/add-subject-access-request.js';
import { listSubjectAccessRequests } from '../../../services/compliance/list-subject-access-requests.js';
import { updateSubjectAccessRequest } from '../../../services/compliance/update-subject-access-request.js';
import { defineRoute } from '../../route.js';

export const listSars = defineRoute({
  method: 'GET',
  url: '/api/sars',
  access: 'subject_access.manage',
  summary: 'Subject access requests and their response dates (GDPR-02)',
  tags: ['deadlines'],
  response: listSubjectAccessRequestsResponse,
  handler: async ({ ctx }) => ({ requests: await listSubjectAccessRequests(ctx) }),
});

export const addSar = defineRoute({
  method: 'POST',
  url: '/api/sars',
  access: 'subject_access.manage',
  summary: 'Log a subject access request',
  tags: ['deadlines'],
  response: addSubjectAccessRequestResponse,
  body: subjectAccessInput,
  status: 201,
  handler: async ({ ctx, body }) => addSubjectAccessRequest(ctx, body),
});

export const updateSar = defineRoute({
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
