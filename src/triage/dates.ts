/**
 * UK date grammar for letters and emails: "14/09/2018", "05.07.2023", "03.11.26", "Thursday
 * 10th December 2026", "Tues 3rd Nov", "19th\nFebruary 2027", "March 3rd, 2027", with an optional
 * time after ("at 9.15am", ", 10:30-12:00", "at 11"). Day-first numeric dates always (never US
 * order). Written without a month or year ("thurs 17th", "by the 30th", "3/11", "the 3rd of
 * next month") a date is the next such date after receipt.
 *
 * The absolute forms are a hand-written grammar: chrono-node over a whole letter costs ~4 ms,
 * which alone would halve the throughput target. Phrases relative to the day of receipt ("by
 * Fri", "next Tuesday", "tomorrow") are read by chrono-node's en-GB parser on the short phrase
 * only (see relative-dates.ts), with this module's checks: the day exists and falls after receipt.
 * Pure: the received date is a parameter.
 */
import { addDays, daysBetween, dayOfWeek, isValidIsoDate, type LocalDate } from '../domain/calendar/local-date.js';
import { findRelativeDates } from './relative-dates.js';

const MONTHS: Record<string, number> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  sept: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};
const WEEKDAYS: Record<string, number> = { sun: 0, mon: 1, tue: 2, tues: 2, wed: 3, thu: 4, thur: 4, thurs: 4, fri: 5, sat: 6 };

const MONTH = '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';
const WEEKDAY = '(?:(mon|tues?|wed|thu(?:rs?)?|fri|sat|sun)(?:day|nesday|rsday|urday|sday|s)?\\.?,?\\s+(?:the\\s+)?)?';
const ORD = '(?:st|nd|rd|th)?';

// Day Month [Year]: "Thursday 10th December 2026", "3rd August 2019", "Wed 9 Dec".
const DMY = new RegExp(`\\b${WEEKDAY}(\\d{1,2})${ORD}\\s+(?:of\\s+)?${MONTH}\\b\\.?(?:,?\\s+(\\d{4})\\b)?`, 'gi');
// Month Day[,] [Year]: "March 3rd, 2027".
const MDY = new RegExp(`\\b${WEEKDAY}${MONTH}\\s+(\\d{1,2})${ORD}\\b(?:,?\\s+(\\d{4})\\b)?`, 'gi');
// Numeric, day first: 14/09/2018, 05.07.2023, 1-2-27.
const NUM = /(?<![\d/.-])(\d{1,2})([/.-])(\d{1,2})\2(\d{4}|\d{2})(?![\d/]|\.\d)/g;
const TIME = /^(?:\s*(?:,|at|from|–|-|starting at|\()\s*)?(\d{1,2})(?:[:.](\d{2}))?(?![./]\d)\s*(am|pm|a\.m\.|p\.m\.)?/i;

export interface DateMention {
  index: number;
  end: number;
  text: string;
  date: LocalDate;
  /** The year was written (false when it was inferred from the received date). */
  year_written: boolean;
  /** "HH:MM" when a time of day follows the date. */
  time: string | null;
  /** Read relative to the day of receipt ("by Friday", "tomorrow"): trusted only beside a cue. */
  relative?: boolean;
}

function iso(y: number, m: number, d: number): LocalDate | null {
  const s = `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  return isValidIsoDate(s) ? (s as LocalDate) : null;
}

/**
 * A date written without a year is the occurrence nearest the received date, preferring the
 * one whose weekday matches when a weekday was written: "Thursday 4 February" in a January
 * letter is next month, "filed on 5 October" in a late-October letter is this month (past).
 */
function resolveYear(m: number, d: number, weekday: number | null, received: LocalDate): LocalDate | null {
  const y0 = Number(received.slice(0, 4));
  const options = [y0 - 1, y0, y0 + 1].map((y) => iso(y, m, d)).filter((x): x is LocalDate => x !== null);
  if (options.length === 0) return null;
  const matching = weekday === null ? [] : options.filter((o) => dayOfWeek(o) === weekday);
  const pool = matching.length > 0 ? matching : options;
  return pool.reduce((best, o) => (Math.abs(daysBetween(received, o)) < Math.abs(daysBetween(received, best)) ? o : best));
}

/** A day of the month written alone ("thurs 17th", "by the 30th"): the next one after receipt, matching the weekday when written. */
function nextDayOfMonth(day: number, weekday: number | null, received: LocalDate): LocalDate | null {
  const y = Number(received.slice(0, 4));
  const m = Number(received.slice(5, 7));
  const candidates: LocalDate[] = [];
  for (let k = 0; k < 13; k++) {
    const mm = ((m - 1 + k) % 12) + 1;
    const d = iso(y + Math.floor((m - 1 + k) / 12), mm, day);
    if (d && d > received) candidates.push(d);
  }
  if (weekday !== null) return candidates.slice(0, 2).find((d) => dayOfWeek(d) === weekday) ?? candidates[0] ?? null;
  return candidates[0] ?? null;
}

// A weekday with a day of the month and no month ("tues 15th", "Thursday 29th").
const WD_DAY = new RegExp(
  String.raw`\b(mon|tues?|wed|thu(?:rs?)?|fri|sat|sun)(?:day|nesday|rsday|urday|sday|s)?\.?,?\s+(?:the\s+)?(\d{1,2})(?:st|nd|rd|th)\b(?!\s+(?:of\s+)?${MONTH})`,
  'gi',
);
// "by the 30th", "on the 3rd": a day of the month after a preposition, no month written.
const THE_DAY = new RegExp(
  String.raw`\b(?:by|on|until|till|before|from|for|after)\s+the\s+(\d{1,2})(?:st|nd|rd|th)\b(?!\s+(?:of\s+)?(?:${MONTH}|next|this|floor|centur))`,
  'gi',
);
// "the 3rd of next month".
const NEXT_MONTH_DAY = /\bthe\s+(\d{1,2})(?:st|nd|rd|th)?\s+of\s+(next|this)\s+month\b/gi;
// Day and month, no year ("have 3/11 instead", "on 14/1"), only after a word that introduces a date.
const DM = /\b(?:on|by|have|do|until|till|before|from|w\/c|instead of|or|and|(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*)\s+(\d{1,2})\/(\d{1,2})(?![\d/])/gi;

function parseTime(after: string): { time: string | null; length: number } {
  const m = TIME.exec(after);
  if (!m) return { time: null, length: 0 };
  const lead = /^\s*(?:,|at|from|–|-|starting at|\()/i.test(after);
  const hasMinutes = m[2] !== undefined;
  const meridiem = m[3]?.toLowerCase().replace(/\./g, '');
  // A bare number is a time only after "at" ("at 11"), never a stray figure.
  if (!meridiem && !hasMinutes && !/^\s*(?:at|from|starting at)\s/i.test(after)) return { time: null, length: 0 };
  if (!meridiem && hasMinutes && !lead && !/^\s/.test(after)) return { time: null, length: 0 };
  let h = Number(m[1]);
  const min = hasMinutes ? Number(m[2]) : 0;
  if (h > 23 || min > 59) return { time: null, length: 0 };
  if (meridiem === 'pm' && h < 12) h += 12;
  if (meridiem === 'am' && h === 12) h = 0;
  // "at 2" in office hours means the afternoon.
  if (!meridiem && !hasMinutes && h >= 1 && h <= 6) h += 12;
  return { time: `${String(h).padStart(2, '0')}:${String(min).padStart(2, '0')}`, length: m[0].length };
}

export function findDates(text: string, received: LocalDate): DateMention[] {
  const out: DateMention[] = [];
  const taken: [number, number][] = [];
  const overlaps = (a: number, b: number) => taken.some(([x, y]) => a < y && b > x);
  const push = (index: number, raw: string, date: LocalDate | null, yearWritten: boolean): boolean => {
    if (!date || overlaps(index, index + raw.length)) return false;
    let end = index + raw.length;
    const t = parseTime(text.slice(end, end + 30));
    if (t.time) end += t.length;
    taken.push([index, index + raw.length]);
    out.push({ index, end, text: text.slice(index, end), date, year_written: yearWritten, time: t.time });
    return true;
  };
  for (const m of text.matchAll(DMY)) {
    const wd = m[1] ? (WEEKDAYS[m[1].toLowerCase()] ?? null) : null;
    const day = Number(m[2]);
    const mon = MONTHS[m[3]!.toLowerCase().slice(0, m[3]!.toLowerCase().startsWith('sept') ? 4 : 3)]!;
    const date = m[4] ? iso(Number(m[4]), mon, day) : resolveYear(mon, day, wd, received);
    push(m.index!, m[0], date, Boolean(m[4]));
  }
  for (const m of text.matchAll(MDY)) {
    const wd = m[1] ? (WEEKDAYS[m[1].toLowerCase()] ?? null) : null;
    const mon = MONTHS[m[2]!.toLowerCase().slice(0, m[2]!.toLowerCase().startsWith('sept') ? 4 : 3)]!;
    const day = Number(m[3]);
    // "May 2026" or "June and July" are months, not dates; a day above 31 is a figure.
    if (day < 1 || day > 31) continue;
    const date = m[4] ? iso(Number(m[4]), mon, day) : resolveYear(mon, day, wd, received);
    push(m.index!, m[0], date, Boolean(m[4]));
  }
  for (const m of text.matchAll(NUM)) {
    let y = Number(m[4]);
    if (m[4]!.length === 2) y += y > 70 ? 1900 : 2000;
    push(m.index!, m[0], iso(y, Number(m[3]), Number(m[1])), true);
  }
  for (const m of text.matchAll(NEXT_MONTH_DAY)) {
    const y = Number(received.slice(0, 4));
    const mo = Number(received.slice(5, 7)) + (m[2]!.toLowerCase() === 'next' ? 1 : 0);
    push(m.index!, m[0], iso(mo > 12 ? y + 1 : y, mo > 12 ? 1 : mo, Number(m[1])), false);
  }
  for (const m of text.matchAll(WD_DAY)) {
    push(m.index!, m[0], nextDayOfMonth(Number(m[2]), WEEKDAYS[m[1]!.toLowerCase()] ?? null, received), false);
  }
  for (const m of text.matchAll(THE_DAY)) {
    const at = m.index! + m[0].toLowerCase().indexOf('the');
    push(at, text.slice(at, m.index! + m[0].length), nextDayOfMonth(Number(m[1]), null, received), false);
  }
  for (const m of text.matchAll(DM)) {
    const at = m.index! + m[0].length - `${m[1]}/${m[2]}`.length;
    const day = Number(m[1]);
    const mon = Number(m[2]);
    if (mon < 1 || mon > 12) continue;
    const y = Number(received.slice(0, 4));
    const thisYear = iso(y, mon, day);
    push(at, `${m[1]}/${m[2]}`, thisYear && thisYear > received ? thisYear : iso(y + 1, mon, day), false);
  }
  for (const r of findRelativeDates(text, received)) {
    if (push(r.index, r.text, r.date, false)) out[out.length - 1]!.relative = true;
  }
  return out.sort((a, b) => a.index - b.index);
}

/** The first date in a short string (a header value, a "Date:" line). */
export function firstDate(text: string, received: LocalDate): LocalDate | null {
  return findDates(text, received)[0]?.date ?? null;
}

export { addDays };
