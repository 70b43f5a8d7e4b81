/**
 * A drafted document as data: blocks in order, each knowing which recorded fields it came
 * from (provenance) and who wrote it (Steve composed it, or the clinician edited it).
 * Renderers turn the same model into DOCX, HTML and Markdown, so the three never disagree.
 */
import type { DocumentKind } from '../domain/documents/kinds.js';

export type BlockType = 'heading' | 'paragraph' | 'list' | 'table' | 'fields';

export interface Block {
  /** Stable within a version: b1, b2, … in document order. */
  id: string;
  type: BlockType;
  /** Headings: 1 (section) or 2 (subsection). */
  level?: 1 | 2;
  text?: string;
  items?: string[];
  header?: string[];
  rows?: string[][];
  /** The recorded fields this block was composed from, e.g. "client.dob", "provision:<id>". */
  sources: string[];
  composed_by: 'steve' | 'clinician';
  /** Markers a check looks for, e.g. "pd35-3.2(5)", "statement-of-truth", "provision-F". */
  tags?: string[];
}

export interface StillNeeded {
  field: string;
  label: string;
}

export interface DocumentModel {
  kind: DocumentKind;
  title: string;
  /** Shown in the running header of every page (client name and DOB), so a loose page is never mistaken for another client's. */
  running_header: string;
  letterhead: { name: string; lines: string[] };
  blocks: Block[];
  still_needed: StillNeeded[];
}

export const PLACEHOLDER_RE = /\[STILL NEEDED: ([^\]]*)\]/g;
export function placeholder(label: string): string {
  return `[STILL NEEDED: ${label.replace(/[[\]]/g, '')}]`;
}

/** The document's text, one line per paragraph or row, as the checks and content hash read it. */
export function plainText(model: Pick<DocumentModel, 'title' | 'blocks'>): string {
  const lines = [model.title];
  for (const b of model.blocks) lines.push(...blockLines(b));
  return lines.join('\n');
}

export function blockLines(b: Block): string[] {
  switch (b.type) {
    case 'heading':
    case 'paragraph':
      return (b.text ?? '').split('\n');
    case 'list':
      return b.items ?? [];
    case 'table':
    case 'fields':
      return [...(b.header ? [b.header.join(' | ')] : []), ...(b.rows ?? []).map((r) => r.join(' | '))];
  }
}
