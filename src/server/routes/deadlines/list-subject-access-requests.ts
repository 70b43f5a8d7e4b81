import { listSubjectAccessRequestsResponse } from '../../../contract/deadlines.js';
import { listSubjectAccessRequests } from '../../../services/compliance/list-subject-access-requests.js';
import { defineRoute } from '../../route.js';

export default defineRoute({
  method: 'GET',
  url: '/api/sars',
  access: 'subject_access.manage',
  summary: 'Subject access requests and their response dates (GDPR-02)',
  tags: ['deadlines'],
  response: listSubjectAccessRequestsResponse,
  handler: async ({ ctx }) => ({ requests: await listSubjectAccessRequests(ctx) }),
});
