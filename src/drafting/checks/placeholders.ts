/** A draft still holding "[STILL NEEDED: …]" cannot be signed as it stands. */
import { PLACEHOLDER_RE } from '../model.js';

export function findPlaceholders(text: string): { line: number; label: string }[] {
  const out: { line: number; label: string }[] = [];
  text.split('\n').forEach((l, i) => {
    for (const m of l.matchAll(PLACEHOLDER_RE)) out.push({ line: i + 1, label: m[1]! });
  });
  return out;
}
