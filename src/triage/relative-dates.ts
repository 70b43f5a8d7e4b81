/**
 * Dates written relative to the day a letter arrived: "by Fri", "on Tuesday", "next Thursday",
 * "tomorrow", "Friday week", "a week on Monday", "Monday fortnight". The phrase is found here
 * (cheaply, so the parser never runs over a whole thread) and read by chrono-node's en-GB
 * parser, looking forward from the day of receipt; the result must be a real day after receipt.
 */
import * as chrono from 'chrono-node';
import { addDays, isValidIsoDate, type LocalDate } from '../domain/calendar/local-date.js';

export interface RelativeDate {
  index: number;
  text: string;
  date: LocalDate;
}

const WEEKDAY = String.raw`(?:mon|tues?|wed(?:s|nes)?|thu(?:rs?)?|fri|sat|sun)(?:day)?`;
// A weekday alone (not "Mondays", not followed by a day number), with what may qualify it.
const PHRASE = new RegExp(
  String.raw`\b(?:(a\s+week|a\s+fortnight)\s+on\s+)?(?:(this|next|coming|this\s+coming)\s+)?(${WEEKDAY})\b\.?(?:\s+(week|fortnight)\b)?(?![ \t]*(?:the\s+)?\d)(?!['’]s)|\b(tomorrow)\b`,
  'gi',
);

const GB = chrono.en.GB;

function iso(d: Date): LocalDate | null {
  const s = `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  return isValidIsoDate(s) ? (s as LocalDate) : null;
}

export function findRelativeDates(text: string, received: LocalDate): RelativeDate[] {
  const out: RelativeDate[] = [];
  // Midday on the day of receipt, in local time, so no time zone moves the day.
  const [y, m, d] = received.split('-').map(Number) as [number, number, number];
  const ref = new Date(y, m - 1, d, 12);
  for (const match of text.matchAll(PHRASE)) {
    const [whole, leadWeek, qualifier, weekday, trailWeek, tomorrow] = match;
    const phrase = tomorrow ?? `${qualifier ? `${qualifier.replace(/\s+/g, ' ')} ` : ''}${weekday!.replace(/s$/i, '').replace(/nes$/i, 'nesday')}`;
    const parsed = GB.parse(phrase, ref, { forwardDate: true })[0];
    if (!parsed) continue;
    let date = iso(parsed.start.date());
    if (!date) continue;
    // "on Tuesday" written on a Tuesday means the Tuesday after.
    if (date <= received) date = addDays(date, 7);
    // "Friday week" / "a week on Friday": the Friday after next; "Monday fortnight": two weeks on.
    const later = (leadWeek ?? trailWeek ?? '').toLowerCase();
    if (later.includes('fortnight')) date = addDays(date, 14);
    else if (later.includes('week')) date = addDays(date, 7);
    out.push({ index: match.index!, text: whole, date });
  }
  return out;
}
