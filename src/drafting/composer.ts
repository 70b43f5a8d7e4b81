/**
 * Builds a DocumentModel from a DraftSource. Every recorded value passes through `f` (or
 * one of its typed cousins), which either returns the value and notes its field as the
 * source of the block being written, or returns a visible placeholder and adds the field to
 * the "still needed" list. A template therefore cannot state a fact it was not given.
 */
import { DOCUMENT_KIND_TITLES, type DocumentKind } from '../domain/documents/kinds.js';
import { formatLongDate } from '../domain/calendar/local-date.js';
import { NOTE_FIELDS, type NoteKey } from '../domain/documents/notes.js';
import type { Block, DocumentModel, StillNeeded } from './model.js';
import { placeholder } from './model.js';
import type { DraftSource } from './source.js';

/** "12 March 2025": a document spells the month out, so no reader can take the day for the month. */
export function longDate(iso: string): string {
  return formatLongDate(iso);
}

type Value = string | number | null | undefined;

export class Composer {
  readonly blocks: Block[] = [];
  private readonly needed = new Map<string, StillNeeded>();
  private pending = new Set<string>();
  title: string;
  letterheadExtra: string[] = [];

  constructor(
    readonly kind: DocumentKind,
    readonly src: DraftSource,
  ) {
    this.title = DOCUMENT_KIND_TITLES[kind];
  }

  private missing(field: string, label: string): string {
    if (!this.needed.has(field)) this.needed.set(field, { field, label });
    this.pending.add(field);
    return placeholder(label);
  }

  /** A recorded value, or a placeholder that goes on the still-needed list. */
  f(value: Value, field: string, label: string): string {
    if (value === null || value === undefined || (typeof value === 'string' && value.trim() === '')) return this.missing(field, label);
    this.pending.add(field);
    return typeof value === 'number' ? String(value) : value.trim();
  }

  date(value: Value, field: string, label: string): string {
    const v = this.f(value, field, label);
    return typeof value === 'string' && value.trim() !== '' ? longDate(value) : v;
  }

  /** A narrative finding recorded under its key. */
  note(key: NoteKey, label: string = NOTE_FIELDS[key]): string {
    return this.f(this.src.notes[key], `note:${key}`, label);
  }

  /** Records that the block now being written draws on a field without quoting it. */
  uses(...fields: string[]): void {
    for (const f of fields) this.pending.add(f);
  }

  /** Marks something absent without a value to show (e.g. "no provision lines recorded"). */
  need(field: string, label: string): string {
    return this.missing(field, label);
  }

  private push(b: Omit<Block, 'id' | 'sources' | 'composed_by'>): Block {
    const block: Block = { id: `b${this.blocks.length + 1}`, ...b, sources: [...this.pending], composed_by: 'steve' };
    if (!block.tags?.length) delete block.tags;
    this.pending = new Set();
    this.blocks.push(block);
    return block;
  }

  heading(text: string, level: 1 | 2 = 1, tags?: string[]): void {
    this.pending = new Set();
    this.push({ type: 'heading', level, text, ...(tags ? { tags } : {}) });
  }

  para(text: string, tags?: string[]): void {
    this.push({ type: 'paragraph', text, ...(tags ? { tags } : {}) });
  }

  list(items: string[], tags?: string[]): void {
    this.push({ type: 'list', items, ...(tags ? { tags } : {}) });
  }

  table(header: string[], rows: string[][], tags?: string[]): void {
    this.push({ type: 'table', header, rows, ...(tags ? { tags } : {}) });
  }

  fields(rows: [string, string][], tags?: string[]): void {
    this.push({ type: 'fields', rows: rows.map(([a, b]) => [a, b]), ...(tags ? { tags } : {}) });
  }

  build(): DocumentModel {
    const s = this.src;
    const practiceName = s.practice.name || 'Occupational therapy practice';
    const letterLines = [s.practice.letterhead, s.practice.address, [s.practice.phone, s.practice.email].filter(Boolean).join(' · ')]
      .flatMap((l) => l.split('\n'))
      .map((l) => l.trim())
      .filter(Boolean);
    const header = s.client ? `${s.client.name} · date of birth ${longDate(s.client.dob)}` : '';
    return {
      kind: this.kind,
      title: this.title,
      running_header: header,
      letterhead: { name: practiceName, lines: [...letterLines, ...this.letterheadExtra] },
      blocks: this.blocks,
      still_needed: [...this.needed.values()],
    };
  }
}
