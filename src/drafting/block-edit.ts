/**
 * A clinician's edit of one block, as a pure change to the model: the new block, which
 * placeholders it filled, and whether the edit did nothing but fill them (a version in review
 * then stays in review, since nothing the reviewer read has changed).
 */
import { blockLines, type Block, type DocumentModel } from './model.js';

export interface BlockEdit {
  model: DocumentModel;
  block: Block;
  /** Labels of the placeholders the edit replaced with text. */
  filled: string[];
  /** True when every line reads as before apart from placeholders now filled in. */
  onlyFilled: boolean;
  /** The heading the block sits under, to name it in the version note. */
  section: string;
}

const PLACEHOLDER = /\[STILL NEEDED: ([^\]]*)\]/g;
const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A line matches its former self when only its placeholders have been replaced by text. */
function fillsOnly(before: string, after: string): boolean {
  const pattern = before
    .split(/\[STILL NEEDED: [^\]]*\]/)
    .map(escapeRe)
    .join('(.+?)');
  return new RegExp(`^${pattern}$`, 's').test(after);
}

function labels(lines: string[]): string[] {
  return lines.flatMap((l) => [...l.matchAll(PLACEHOLDER)].map((m) => m[1]!));
}

function rowsFrom(text: string): string[][] {
  return text
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => l.split('|').map((c) => c.trim()));
}

/** Text for a fields block may give only the rows it changes, "Label | value", keeping the rest. */
function mergeFields(rows: string[][], given: string[][]): string[][] {
  const byLabel = new Map(rows.map((r, i) => [r[0], i]));
  if (!given.every((g) => g.length === 2 && byLabel.has(g[0]))) return given;
  const out = rows.map((r) => [...r]);
  for (const [label, value] of given) out[byLabel.get(label)!]![1] = value!;
  return out;
}

export function editBlockText(model: DocumentModel, blockId: string, text: string): BlockEdit | null {
  const index = model.blocks.findIndex((b) => b.id === blockId);
  if (index < 0) return null;
  const before = model.blocks[index]!;
  const block: Block = { ...before, composed_by: 'clinician' };
  if (block.type === 'heading' || block.type === 'paragraph') block.text = text;
  else if (block.type === 'list') block.items = text.split('\n').filter((l) => l.trim() !== '');
  else if (block.type === 'fields') block.rows = mergeFields(before.rows ?? [], rowsFrom(text));
  else block.rows = rowsFrom(text);
  const oldLines = blockLines(before);
  const newLines = blockLines(block);
  const stillThere = new Set(labels(newLines));
  const filled = [...new Set(labels(oldLines))].filter((l) => !stillThere.has(l));
  const onlyFilled = filled.length > 0 && oldLines.length === newLines.length && oldLines.every((l, i) => fillsOnly(l, newLines[i]!));
  const heading = model.blocks
    .slice(0, index + 1)
    .reverse()
    .find((b) => b.type === 'heading');
  const blocks = [...model.blocks];
  blocks[index] = block;
  return { model: { ...model, blocks }, block, filled, onlyFilled, section: heading?.text ?? model.title };
}
