/**
 * Plain calendar days as ISO `YYYY-MM-DD` strings. This module owns all day arithmetic so
 * that no code anywhere does date maths on instants (time zones and BST would shift days).
 * Arithmetic goes through UTC midnight, where every day is exactly 24 hours long.
 */
import { invalid } from '../errors.js';

declare const localDateBrand: unique symbol;
export type LocalDate = string & { readonly [localDateBrand]: true };

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isValidIsoDate(text: string): boolean {
  const m = ISO_DATE.exec(text);
  if (!m) return false;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (mo < 1 || mo > 12 || d < 1) return false;
  return d <= daysInMonth(y, mo);
}

/** Checks shape and that the day exists (2027-02-30 is refused). */
export function parseLocalDate(text: string, field = 'date'): LocalDate {
  const trimmed = text.trim();
  if (!ISO_DATE.test(trimmed)) {
    throw invalid(`${field} must be a date written YYYY-MM-DD, not "${text}".`, field);
  }
  if (!isValidIsoDate(trimmed)) {
    throw invalid(`${field} ${trimmed} is not a real calendar date.`, field);
  }
  return trimmed as LocalDate;
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function toUtc(d: LocalDate): Date {
  const [y, m, day] = d.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, day));
}

function fromUtc(d: Date): LocalDate {
  return d.toISOString().slice(0, 10) as LocalDate;
}

export function addDays(d: LocalDate, days: number): LocalDate {
  const t = toUtc(d);
  t.setUTCDate(t.getUTCDate() + days);
  return fromUtc(t);
}

/** Calendar months to the corresponding date, clamped to the month's end (31 Jan + 1 month = 28/29 Feb). */
export function addMonths(d: LocalDate, months: number): LocalDate {
  const [y, m, day] = d.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + months;
  const ny = Math.floor(total / 12);
  const nm = (total % 12) + 1;
  const nd = Math.min(day, daysInMonth(ny, nm));
  return `${String(ny).padStart(4, '0')}-${String(nm).padStart(2, '0')}-${String(nd).padStart(2, '0')}` as LocalDate;
}

/**
 * The last day of a period of N calendar months *beginning with* a day (that day is day 1): the day
 * before the corresponding date N months later, or that month's last day when it has no
 * corresponding date (12 months beginning with 29/02/2028 end on 28/02/2029).
 */
export function lastDayOfMonthsBeginning(d: LocalDate, months: number): LocalDate {
  const day = Number(d.slice(8, 10));
  const corresponding = addMonths(d, months);
  return Number(corresponding.slice(8, 10)) < day ? corresponding : addDays(corresponding, -1);
}

export function daysBetween(from: LocalDate, to: LocalDate): number {
  return Math.round((toUtc(to).getTime() - toUtc(from).getTime()) / 86_400_000);
}

/** 0 = Sunday … 6 = Saturday. */
export function dayOfWeek(d: LocalDate): number {
  return toUtc(d).getUTCDay();
}

/** dd/mm/yyyy, as a UK reader expects. */
export function formatUkDate(d: string): string {
  const m = ISO_DATE.exec(d);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : d;
}

const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "12 March 2025": prose spells the month out, so no reader can take the day for the month. */
export function formatLongDate(d: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(d);
  return m ? `${Number(m[3])} ${MONTH_NAMES[Number(m[2]) - 1]} ${m[1]}` : d;
}

/** Whole years between a date of birth and a day. */
export function ageOn(dob: LocalDate, on: LocalDate): number {
  const [by, bm, bd] = dob.split('-').map(Number) as [number, number, number];
  const [y, m, d] = on.split('-').map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}
