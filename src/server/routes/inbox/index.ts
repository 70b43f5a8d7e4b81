/** Inbox and triage routes, listed in ROUTES by routes/index.ts. */
import { z } from 'zod';
import { id } from '../../../contract/common.js';
import {
  acceptProposalInput,
  importInboxResponse,
  inboxListQuery,
  inboxProposalView,
  listInboxResponse,
  rejectProposalInput,
  triageFilesResponse,
  uploadInput,
} from '../../../contract/inbox.js';
import { acceptProposal, getOriginal, importInbox, listInbox, rejectProposal } from '../../../services/inbox/inbox.js';
import { triageFiles } from '../../../services/inbox/triage-files.js';
import { type AnyRoute, defineRoute, rawResponse } from '../../route.js';

const decode = (files: { name: string; content_base64: string }[]) => files.map((f) => ({ name: f.name, bytes: Buffer.from(f.content_base64, 'base64') }));

const postTriage = defineRoute({
  method: 'POST',
  url: '/api/triage',
  access: 'inbox.use',
  summary: 'Triage letters and emails without storing them: category, client, references, dates, facts (one result or error per file)',
  tags: ['inbox'],
  response: triageFilesResponse,
  body: uploadInput,
  handler: async ({ ctx, body }) => triageFiles(decode(body.files), { today: ctx.clock.today() }),
});

const postInbox = defineRoute({
  method: 'POST',
  url: '/api/inbox',
  access: 'inbox.use',
  summary: 'Import letters and emails: link to a client, keep the original, log correspondence, queue proposals',
  tags: ['inbox'],
  response: importInboxResponse,
  body: uploadInput,
  status: 201,
  handler: async ({ ctx, body }) => importInbox(ctx, decode(body.files)),
});

const getInbox = defineRoute({
  method: 'GET',
  url: '/api/inbox',
  access: 'inbox.use',
  summary: 'Imported items with their proposals (pending only unless status=all)',
  tags: ['inbox'],
  response: listInboxResponse,
  query: inboxListQuery,
  handler: async ({ ctx, query }) => listInbox(ctx, { status: query.status ?? 'pending' }),
});

const postAccept = defineRoute({
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

const postReject = defineRoute({
  method: 'POST',
  url: '/api/inbox/proposals/:id/reject',
  access: 'inbox.use',
  summary: 'Reject a proposal; nothing else changes',
  tags: ['inbox'],
  response: inboxProposalView,
  params: z.object({ id }),
  body: rejectProposalInput,
  handler: async ({ ctx, params, body }) => rejectProposal(ctx, params.id, body.reason ?? ''),
});

const getOriginalFile = defineRoute({
  method: 'GET',
  url: '/api/inbox/:id/original',
  access: 'inbox.use',
  summary: 'Download the stored original of an imported letter or email (audited as a read)',
  tags: ['inbox'],
  response: rawResponse('The original letter or email as imported', 'application/octet-stream'),
  params: z.object({ id }),
  handler: async ({ ctx, params, reply }) => {
    const f = await getOriginal(ctx, params.id);
    reply
      .header('content-type', f.content_type)
      .header('content-disposition', `attachment; filename="${f.file_name}"`)
      .header('x-content-type-options', 'nosniff')
      .header('cache-control', 'no-store');
    return f.bytes;
  },
});

export const INBOX_ROUTES: readonly AnyRoute[] = [postTriage, postInbox, getInbox, postAccept, postReject, getOriginalFile];
