import { z } from 'zod';
import { id } from '../../../contract/common.js';
import { getOriginal } from '../../../services/inbox/inbox.js';
import { defineRoute, rawResponse } from '../../route.js';

export default defineRoute({
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
