import type { LocalDate } from '../../domain/calendar/local-date.js';

/*
 * Day arithmetic on day numbers with memoised ISO strings: the demo does a few million date
 * steps at 50 000 clients, and parsing and formatting each one dominated the build time.
 * Same results as domain/calendar/local-date.ts (UTC midnight, every day 24 hours).
 */
const dayOf = new Map<string, number>();
const isoOf = new Map<number, LocalDate>();
export function dayNumber(d: string): number {
  let n = dayOf.get(d);
  if (n === undefined) {
    n = Math.round(Date.parse(d) / 86_400_000);
    dayOf.set(d, n);
  }
  return n;
}
export function isoDay(n: number): LocalDate {
  let d = isoOf.get(n);
  if (d === undefined) {
    d = new Date(n * 86_400_000).toISOString().slice(0, 10) as LocalDate;
    isoOf.set(n, d);
    dayOf.set(d, n);
  }
  return d;
}
export const addDays = (d: string, days: number): LocalDate => isoDay(dayNumber(d) + days);
/** 0 = Sunday … 6 = Saturday (1 January 1970 was a Thursday). */
export const dayOfWeek = (d: string): number => (((dayNumber(d) + 4) % 7) + 7) % 7;

export const pad2 = (n: number) => String(n).padStart(2, '0');
export const minDate = (a: LocalDate, b: LocalDate) => (a < b ? a : b);
export const maxDate = (a: LocalDate, b: LocalDate) => (a > b ? a : b);
