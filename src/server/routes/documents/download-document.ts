import { z } from 'zod';
import { idParams } from '../../../contract/common.js';
import { renderFormat, versionNumber } from '../../../contract/documents.js';
import { renderDocument } from '../../../services/documents/render-document.js';
import { defineRoute, rawResponse } from '../../route.js';

export default defineRoute({
  method: 'GET',
  url: '/api/documents/:id/file',
  access: 'clinical.read',
  summary: 'Download as DOCX, HTML or Markdown ("DRAFT — not for circulation" until signed)',
  tags: ['documents'],
  response: rawResponse('The document as DOCX, HTML or Markdown', 'application/octet-stream'),
  params: idParams,
  query: z.object({ format: renderFormat.default('docx'), version: versionNumber.optional() }),
  handler: async ({ ctx, params, query, reply }) => {
    const r = await renderDocument(ctx, params.id, query.format, query.version === undefined ? {} : { version: query.version });
    reply
      .header('content-type', r.content_type)
      .header('content-disposition', `attachment; filename="${r.filename}"`)
      .header('cache-control', 'no-store')
      .header('x-content-hash', r.content_hash);
    // An HTML preview must never run anything it holds, even if escaping were bypassed.
    if (query.format === 'html') reply.header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'");
    return r.content;
  },
});
