import { addSubjectAccessRequestResponse, subjectAccessInput } from '../../../contract/deadlines.js';
import { addSubjectAccessRequest } from '../../../services/compliance/add-subject-access-request.js';
import { defineRoute } from '../../route.js';

export default defineRoute({
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
