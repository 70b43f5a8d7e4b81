import { auditVerifyResponse } from '../../../contract/audit.js';
import { verifyAuditChain } from '../../../services/audit/verify-audit-chain.js';
import { defineRoute } from '../../route.js';

export default defineRoute({
  method: 'GET',
  url: '/api/audit/verify',
  access: 'audit.read',
  summary: 'Check the audit log’s hash chain for edits or deletions (owner only)',
  tags: ['settings'],
  response: auditVerifyResponse,
  handler: async ({ ctx }) => verifyAuditChain(ctx.db),
});
