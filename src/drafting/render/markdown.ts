/** Markdown rendering. Recorded text is escaped so a name like "*Sam*" or "<b>" stays literal. */
import type { DocumentModel } from '../model.js';

/**
 * Inline escaping: every character Markdown (or HTML inside it) could read as markup. Round
 * brackets stay as they are: with "[" and "]" escaped they can never form a link, and
 * "BSc (Hons)" should read as written.
 */
export function escapeMarkdown(s: string): string {
  return s.replace(/([\\`*_{}[\]#+!|<>~&])/g, '\\$1');
}

/** At the start of a paragraph line, "- x", "= x" and "1. x" would become lists or headings. */
function escapeLineStart(s: string): string {
  return s.replace(/^(\s*)([-=])/, '$1\\$2').replace(/^(\s*\d+)\./, '$1\\.');
}

/** Placeholders are kept readable and bold: the clinician must see them. */
function text(s: string): string {
  return s
    .split(/(\[STILL NEEDED: [^\]]*\])/)
    .map((part) => (part.startsWith('[STILL NEEDED: ') ? `**${part.replace(/([\\`*_<>&])/g, '\\$1')}**` : escapeMarkdown(part)))
    .join('');
}

function cell(s: string): string {
  return text(s).replace(/\n/g, '<br>');
}

export function renderMarkdown(model: DocumentModel, opts: { signed?: boolean } = {}): string {
  const out: string[] = [];
  out.push(`# ${text(model.title)}`, '');
  out.push(`${text(model.letterhead.name)}${model.letterhead.lines.length ? `  \n${model.letterhead.lines.map(text).join('  \n')}` : ''}`, '');
  if (!opts.signed) out.push('**DRAFT — not for circulation**', '');
  for (const b of model.blocks) {
    switch (b.type) {
      case 'heading':
        out.push(`${b.level === 2 ? '###' : '##'} ${text(b.text ?? '')}`, '');
        break;
      case 'paragraph':
        out.push(
          (b.text ?? '')
            .split('\n')
            .map((l) => escapeLineStart(text(l)))
            .join('  \n'),
          '',
        );
        break;
      case 'list':
        out.push(...(b.items ?? []).map((i) => `- ${escapeLineStart(text(i))}`), '');
        break;
      case 'table':
      case 'fields': {
        const header = b.header ?? ['', ''];
        out.push(`| ${header.map(cell).join(' | ')} |`, `| ${header.map(() => '---').join(' | ')} |`);
        for (const r of b.rows ?? []) out.push(`| ${r.map(cell).join(' | ')} |`);
        out.push('');
        break;
      }
    }
  }
  return out.join('\n');
}
