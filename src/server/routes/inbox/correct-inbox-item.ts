import { z } from 'zod';
import { id } from '../../../contract/common.js';
import { correctInboxItemInput, inboxItemView } from '../../../contract/inbox.js';
import { correctInboxItem } from '../../../services/inbox/correct-inbox-item.js';
import { defineRoute } from '../../route.js';

export default defineRoute({
  method: 'POST',
  url: '/api/inbox/:id/correct',
  access: 'inbox.use',
  summary: "Correct an item's category, client link or references; later letters from the same sender are read with the correction",
  tags: ['inbox'],
  response: inboxItemView,
  params: z.object({ id }),
  body: correctInboxItemInput,
  handler: async ({ ctx, params, body }) => correctInboxItem(ctx, params.id, body),
});
