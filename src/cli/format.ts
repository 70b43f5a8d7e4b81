/** Plain-text tables for the terminal. Dates dd/mm/yyyy, as a UK reader expects. */
import { formatUkDate } from '../domain/calendar/local-date.js';

/** Columns name keys of the rows' type, so a column for a field a view does not have fails to compile. */
export function table<T extends object>(rows: readonly T[], columns: [key: keyof T & string, heading: string][]): string {
  if (rows.length === 0) return '(none)';
  const cells = rows.map((r) => columns.map(([k]) => cell(r[k])));
  const widths = columns.map(([, h], i) => Math.min(48, Math.max(h.length, ...cells.map((c) => c[i]!.length))));
  const line = (vals: string[]) =>
    vals
      .map((v, i) => (v.length > widths[i]! ? `${v.slice(0, widths[i]! - 1)}…` : v.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  return [line(columns.map(([, h]) => h)), line(widths.map((w) => '-'.repeat(w))), ...cells.map(line)].join('\n');
}

function cell(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'boolean') return v ? 'yes' : 'no';
  if (Array.isArray(v)) return v.join(', ');
  const s = String(v);
  return /^\d{4}-\d{2}-\d{2}$/.test(s) ? formatUkDate(s) : s.replace(/\s+/g, ' ');
}

export function fields<T extends object>(obj: T, keys: [key: keyof T & string, label: string][]): string {
  const w = Math.max(...keys.map(([, l]) => l.length));
  return keys
    .filter(([k]) => obj[k] !== undefined && obj[k] !== null && obj[k] !== '')
    .map(([k, l]) => `${l.padEnd(w)}  ${cell(obj[k])}`)
    .join('\n');
}
