/**
 * Money is integer pence everywhere (DESIGN.md section 6). Pounds appear only at the edges:
 * parsed from what a person types, formatted for what a person reads.
 */
import { invalid } from '../errors.js';

export type Pence = number;

/**
 * "£1,234.56", "1234.5", "12" → pence. Refuses negatives, more than two decimal places and
 * anything that is not a number, so "12.345" or "ten" never becomes a guessed amount.
 */
export function parsePounds(text: string, field = 'amount'): Pence {
  const raw = String(text).trim();
  const label = field.replace(/_/g, ' ');
  if (/^-/.test(raw) || /^£\s*-/.test(raw)) throw invalid(`The ${label} cannot be negative ("${raw}").`, field);
  const cleaned = raw.replace(/^£\s*/, '').replace(/,(?=\d{3}(\D|$))/g, '');
  const m = /^(\d{1,9})(?:\.(\d{1,2}))?$/.exec(cleaned);
  if (!m) throw invalid(`The ${label} must be an amount in pounds such as 85.00, not "${raw}".`, field);
  return Number(m[1]) * 100 + Number((m[2] ?? '0').padEnd(2, '0'));
}

/** "£1,234.56"; negative amounts as "−£12.00". */
export function formatPounds(p: Pence): string {
  assertPence(p, 'amount');
  const sign = p < 0 ? '−' : '';
  const abs = Math.abs(p);
  const pounds = Math.floor(abs / 100).toLocaleString('en-GB');
  return `${sign}£${pounds}.${String(abs % 100).padStart(2, '0')}`;
}

/** 12345 → "123.45", as accounting files want it (no symbol, no separators). */
export function plainPounds(p: Pence): string {
  const sign = p < 0 ? '-' : '';
  const abs = Math.abs(p);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

export function assertPence(p: number, field: string): void {
  if (!Number.isSafeInteger(p)) throw invalid(`The ${field.replace(/_/g, ' ')} must be a whole number of pence.`, field);
}

/**
 * quantity (in hundredths: 12.3 miles = 1230) × unit price, rounded half up to the penny.
 * Integer arithmetic only: 1230 × 45 = 55350 → 553.5p → 554p.
 */
export function lineAmount(quantityHundredths: number, unitPence: Pence): Pence {
  if (!Number.isSafeInteger(quantityHundredths) || !Number.isSafeInteger(unitPence)) throw invalid('Quantities and prices must be whole hundredths and pence.');
  const product = quantityHundredths * unitPence;
  const sign = product < 0 ? -1 : 1;
  return sign * Math.floor((Math.abs(product) + 50) / 100);
}

/** "12.3" → 1230 hundredths; refuses more than two decimal places and negatives. */
export function parseQuantity(text: string, field = 'quantity'): number {
  const raw = String(text).trim();
  const m = /^(\d{1,7})(?:\.(\d{1,2}))?$/.exec(raw);
  if (!m) throw invalid(`The ${field.replace(/_/g, ' ')} must be a number with at most two decimal places, not "${raw}".`, field);
  return Number(m[1]) * 100 + Number((m[2] ?? '0').padEnd(2, '0'));
}

export function formatQuantity(hundredths: number): string {
  return hundredths % 100 === 0 ? String(hundredths / 100) : (hundredths / 100).toFixed(2).replace(/0$/, '');
}

export function sumPence(xs: readonly Pence[]): Pence {
  let t = 0;
  for (const x of xs) t += x;
  return t;
}
