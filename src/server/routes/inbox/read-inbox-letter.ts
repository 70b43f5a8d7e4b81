import { z } from 'zod';
import { id } from '../../../contract/common.js';
import { inboxLetterView } from '../../../contract/inbox.js';
import { readInboxLetter } from '../../../services/inbox/read-inbox-letter.js';
import { defineRoute } from '../../route.js';

export default defineRoute({
  method: 'GET',
  url: '/api/inbox/:id/letter',
  access: 'inbox.use',
  summary: 'The text of an imported letter or email, to read on the page (HTML parts as text; audited as a read)',
  tags: ['inbox'],
  response: inboxLetterView,
  params: z.object({ id }),
  handler: async ({ ctx, params }) => readInboxLetter(ctx, params.id),
});
