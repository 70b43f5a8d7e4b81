import { auditVerifyResponse } from '../../../contract/audit.js';
import { checkAuditTrail } from '../../../services/audit/check-audit-trail.js';
import { defineRoute } from '../../route.js';

export default defineRoute({
  method: 'GET',
  url: '/api/audit/verify',
  access: 'audit.read',
  summary: 'Check the audit log’s keyed hash chain and its checkpoint for edits, deletions and truncation (owner only)',
  tags: ['settings'],
  response: auditVerifyResponse,
  handler: async ({ ctx }) => checkAuditTrail(ctx),
});
