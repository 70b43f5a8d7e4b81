import { z } from 'zod';
import { id } from '../../../contract/common.js';
import { acceptProposalInput, inboxProposalView } from '../../../contract/inbox.js';
import { acceptProposal } from '../../../services/inbox/inbox.js';
import { defineRoute } from '../../route.js';

export default defineRoute({
  method: 'POST',
  url: '/api/inbox/proposals/:id/accept',
  access: 'inbox.use',
  summary: 'Accept a proposal, optionally edited; all of its changes are applied in one transaction',
  tags: ['inbox'],
  response: inboxProposalView,
  params: z.object({ id }),
  body: acceptProposalInput,
  handler: async ({ ctx, params, body }) => acceptProposal(ctx, params.id, body),
});
