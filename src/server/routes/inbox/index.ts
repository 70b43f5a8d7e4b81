/** Inbox and triage routes, listed in ROUTES by routes/index.ts. */
import type { AnyRoute } from '../../route.js';
import triageFiles from './triage-files.js';
import importInbox from './import-inbox.js';
import listInbox from './list-inbox.js';
import acceptProposal from './accept-proposal.js';
import rejectProposal from './reject-proposal.js';
import downloadOriginal from './download-original.js';
import correctInboxItem from './correct-inbox-item.js';
import readInboxLetter from './read-inbox-letter.js';

export const INBOX_ROUTES: readonly AnyRoute[] = [
  triageFiles,
  importInbox,
  listInbox,
  acceptProposal,
  rejectProposal,
  downloadOriginal,
  correctInboxItem,
  readInboxLetter,
];
