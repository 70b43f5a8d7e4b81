/** The findings and documents API's answers as the pages name them, from the contract (src/contract/findings.ts, documents.ts). */
import type { Block, DocumentView } from '../../../src/contract/documents.js';

export type { Assessment, FindingItem, GetCaseFindingsResponse as Findings, Goal, ProvisionLine } from '../../../src/contract/findings.js';
export type { Block, DocumentView } from '../../../src/contract/documents.js';
export type DocStatus = DocumentView['status'];
export type DocumentRow = import('../../../src/contract/documents.js').ListDocumentsResponse[number];

export const STATUS_LABELS: Record<DocStatus, string> = { draft: 'Draft', in_review: 'In review', signed: 'Signed', sent: 'Sent' };

export const CHECK_LABELS: Record<string, string> = {
  placeholders: 'Placeholder left',
  provision: 'Section F specificity',
  pd35: 'PD35 completeness',
  other_client: 'Another client',
  dates: 'Dates',
  la_profile: 'LA profile',
};

/** A block as the clinician edits it: tables and field lists as rows of "a | b" lines, lists one item a line. */
export function blockText(b: Block): string {
  switch (b.type) {
    case 'heading':
    case 'paragraph':
      return b.text ?? '';
    case 'list':
      return (b.items ?? []).join('\n');
    case 'table':
    case 'fields':
      return (b.rows ?? []).map((r) => r.join(' | ')).join('\n');
  }
}

export function placeholderText(label: string): string {
  return `[STILL NEEDED: ${label.replace(/[[\]]/g, '')}]`;
}
