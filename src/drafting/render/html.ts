/** HTML preview. Every recorded string is escaped; nothing from the record becomes markup. */
import type { DocumentModel } from '../model.js';

export function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

function text(s: string): string {
  return escapeHtml(s)
    .replace(/\[STILL NEEDED: ([^\]]*)\]/g, '<mark class="still-needed">[STILL NEEDED: $1]</mark>')
    .replace(/\n/g, '<br>');
}

export function renderHtml(model: DocumentModel, opts: { signed?: boolean; fragment?: boolean } = {}): string {
  const body: string[] = [];
  body.push(
    `<header class="letterhead"><strong>${text(model.letterhead.name)}</strong>${model.letterhead.lines.map((l) => `<br>${text(l)}`).join('')}</header>`,
  );
  if (model.running_header) body.push(`<p class="running-header">${text(model.running_header)}</p>`);
  if (!opts.signed) body.push('<p class="draft-banner">DRAFT — not for circulation</p>');
  body.push(`<h1>${text(model.title)}</h1>`);
  for (const b of model.blocks) {
    const id = ` data-block="${escapeHtml(b.id)}" data-sources="${escapeHtml(b.sources.join(' '))}" data-composed-by="${b.composed_by}"`;
    switch (b.type) {
      case 'heading':
        body.push(b.level === 2 ? `<h3${id}>${text(b.text ?? '')}</h3>` : `<h2${id}>${text(b.text ?? '')}</h2>`);
        break;
      case 'paragraph':
        body.push(`<p${id}>${text(b.text ?? '')}</p>`);
        break;
      case 'list':
        body.push(`<ul${id}>${(b.items ?? []).map((i) => `<li>${text(i)}</li>`).join('')}</ul>`);
        break;
      case 'table':
      case 'fields':
        body.push(
          `<table${id}>${b.header ? `<thead><tr>${b.header.map((h) => `<th>${text(h)}</th>`).join('')}</tr></thead>` : ''}<tbody>${(b.rows ?? [])
            .map((r) => `<tr>${r.map((c2, i) => (b.type === 'fields' && i === 0 ? `<th scope="row">${text(c2)}</th>` : `<td>${text(c2)}</td>`)).join('')}</tr>`)
            .join('')}</tbody></table>`,
        );
        break;
    }
  }
  const inner = `<article class="steve-document">${body.join('\n')}</article>`;
  if (opts.fragment) return inner;
  return `<!doctype html>
<html lang="en-GB"><head><meta charset="utf-8"><title>${escapeHtml(model.title)}</title>
<style>body{font-family:Arial,sans-serif;font-size:12pt;max-width:52em;margin:2em auto;line-height:1.4}table{border-collapse:collapse;width:100%;margin:0.5em 0}td,th{border:1px solid #888;padding:4px;text-align:left;vertical-align:top}.draft-banner{color:#a00;font-weight:bold}.still-needed{background:#ffe08a}.letterhead{border-bottom:2px solid #333;margin-bottom:1em}</style>
</head><body>${inner}</body></html>`;
}
