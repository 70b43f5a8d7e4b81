import type { RenderFormat } from '../../contract/documents.js';
import { renderDocx, renderHtml, renderMarkdown } from '../../drafting/index.js';
import { appendAudit } from '../audit/append-audit.js';
import type { ServiceContext } from '../context.js';
import { visibleDocument, versionRow } from './document-versions.js';

const CONTENT_TYPES: Record<RenderFormat, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  html: 'text/html; charset=utf-8',
  md: 'text/markdown; charset=utf-8',
};

/** The document as a file: DOCX, HTML or Markdown; "DRAFT — not for circulation" until signed. */
export async function renderDocument(ctx: ServiceContext, id: string, format: RenderFormat, opts: { version?: number } = {}) {
  const { d, v } = await ctx.db.transaction().execute(async (trx) => {
    const d = await visibleDocument(trx, ctx, id);
    const v = await versionRow(trx, id, opts.version ?? d.version);
    await appendAudit(trx, ctx, {
      action: 'export',
      entity: 'document',
      entity_id: id,
      client_id: d.client_id,
      detail: `format=${format} version=${v.version}`,
    });
    return { d, v };
  });
  const signed = v.status === 'signed' || v.status === 'sent';
  const slug = `${d.kind}-v${v.version}`;
  const content =
    format === 'docx' ? await renderDocx(v.shown, { signed }) : format === 'html' ? renderHtml(v.shown, { signed }) : renderMarkdown(v.shown, { signed });
  return { filename: `${slug}.${format}`, content_type: CONTENT_TYPES[format], content, signed, content_hash: v.content_hash };
}
