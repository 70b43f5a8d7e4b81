import { auditResponse, listAuditQuery } from '../../../contract/responses.js';
import { listAudit } from '../../../services/audit/list-audit.js';
import { defineRoute } from '../../route.js';

export default defineRoute({
  method: 'GET',
  url: '/api/audit',
  access: 'audit.read',
  summary: 'The audit log, newest first (owner only)',
  tags: ['settings'],
  query: listAuditQuery,
  response: auditResponse,
  handler: async ({ ctx, query }) => ({ events: await listAudit(ctx, query) }),
});
