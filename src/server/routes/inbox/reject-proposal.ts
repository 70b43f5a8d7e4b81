import { z } from 'zod';
import { id } from '../../../contract/common.js';
import { inboxProposalView, rejectProposalInput } from '../../../contract/inbox.js';
import { rejectProposal } from '../../../services/inbox/inbox.js';
import { defineRoute } from '../../route.js';

export default defineRoute({
  method: 'POST',
  url: '/api/inbox/proposals/:id/reject',
  access: 'inbox.use',
  summary: 'Reject a proposal; nothing else changes',
  tags: ['inbox'],
  response: inboxProposalView,
  params: z.object({ id }),
  body: rejectProposalInput,
  handler: async ({ ctx, params, body }) => rejectProposal(ctx, params.id, body.reason ?? '', { notOurs: body.not_ours ?? false }),
});
