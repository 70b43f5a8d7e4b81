import { listAuditQuery, listAuditResponse } from '../../../contract/audit.js';
import { listAudit } from '../../../services/audit/list-audit.js';
import { defineRoute } from '../../route.js';

export default defineRoute({
  method: 'GET',
  url: '/api/audit',
  access: 'audit.read',
  summary: 'The audit log, newest first (owner only)',
  tags: ['settings'],
  query: listAuditQuery,
  response: listAuditResponse,
  handler: async ({ ctx, query }) => ({ events: await listAudit(ctx, query) }),
});
