/**
 * Column widths for a table on an A4 portrait page, in twentieths of a point (twips), summing
 * exactly to the text width. Each column gets at least the width of its longest word, so no
 * word is broken mid-word when that fits; the space left goes to the columns with the most
 * text (the provision table's "what" column, a field's value), so short columns stay narrow.
 */

/** A4 portrait, 2 cm margins: 11906 − 2 × 1134 twips. */
export const PAGE = { width: 11906, height: 16838, margin: 1134 } as const;
export const TEXT_WIDTH = PAGE.width - 2 * PAGE.margin;

/** Table text is 10 pt Arial: an average character is about 5.6 pt wide (112 twips); bold headers a little more. */
const CHAR = 112;
/** Cell margins left and right (docx's default 108 twips each) plus a little air. */
const PAD = 260;
const MIN = 700;

function longestWord(s: string): number {
  return Math.max(0, ...s.split(/[\s/–-]+/).map((w) => w.length));
}

export function columnWidths(header: readonly string[] | undefined, rows: readonly (readonly string[])[], total: number = TEXT_WIDTH): number[] {
  const n = Math.max(header?.length ?? 0, ...rows.map((r) => r.length), 1);
  const cells = (i: number) => [...(header ? [header[i] ?? ''] : []), ...rows.map((r) => r[i] ?? '')];
  const floor = Array.from({ length: n }, (_, i) => Math.max(MIN, Math.max(...cells(i).map(longestWord)) * CHAR * (header ? 1.08 : 1) + PAD));
  // How much text a column carries: its average cell length, so one long cell does not take the page.
  const weight = Array.from({ length: n }, (_, i) => {
    const lens = cells(i).map((c) => c.length);
    return Math.max(1, lens.reduce((a, b) => a + b, 0) / lens.length);
  });
  const floorSum = floor.reduce((a, b) => a + b, 0);
  let widths: number[];
  if (floorSum >= total) widths = floor.map((f) => (f * total) / floorSum);
  else {
    const spare = total - floorSum;
    const wsum = weight.reduce((a, b) => a + b, 0);
    widths = floor.map((f, i) => f + (spare * weight[i]!) / wsum);
  }
  const rounded = widths.map((w) => Math.floor(w));
  rounded[rounded.length - 1]! += total - rounded.reduce((a, b) => a + b, 0);
  return rounded;
}
