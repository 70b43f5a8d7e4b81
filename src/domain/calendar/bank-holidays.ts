/**
 * UK bank holidays, computed offline for any year. Three divisions:
 * England & Wales (BH-EW-01), Scotland (BH-SC-01), Northern Ireland (BH-NI-01), with
 * weekend substitutes (BH-SUB-01) and the one-off proclaimed days listed below.
 * Verified against the `date-holidays` package for 2015–2035 in the tests.
 */
import { addDays, dayOfWeek, type LocalDate } from './local-date.js';

export type Division = 'england-and-wales' | 'scotland' | 'northern-ireland';

const iso = (y: number, m: number, d: number) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}` as LocalDate;

/** Gregorian Easter Sunday (anonymous Gregorian algorithm, Meeus/Jones/Butcher). */
export function easterSunday(year: number): LocalDate {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return iso(year, month, day);
}

function firstMonday(year: number, month: number): LocalDate {
  let d = iso(year, month, 1);
  while (dayOfWeek(d) !== 1) d = addDays(d, 1);
  return d;
}

function lastMonday(year: number, month: number): LocalDate {
  let d = addDays(iso(month === 12 ? year + 1 : year, month === 12 ? 1 : month + 1, 1), -1);
  while (dayOfWeek(d) !== 1) d = addDays(d, -1);
  return d;
}

const isWeekend = (d: LocalDate) => dayOfWeek(d) === 0 || dayOfWeek(d) === 6;

/** A fixed-date holiday on a weekend moves to the next weekday not already taken (BH-SUB-01). */
function withSubstitutes(fixed: LocalDate[], taken: Set<string>): LocalDate[] {
  // Weekday holidays of the group are claimed first, so 25 Dec on a Sunday moves past Boxing Day to the 27th.
  for (const d of fixed) if (!isWeekend(d)) taken.add(d);
  return fixed.map((d) => {
    if (!isWeekend(d)) return d;
    let s = addDays(d, 1);
    while (isWeekend(s) || taken.has(s)) s = addDays(s, 1);
    taken.add(s);
    return s;
  });
}

/**
 * Proclaimed changes to the usual pattern: days added, and usual days moved. Source: gov.uk
 * bank holidays and the Royal Proclamations (2012 Diamond Jubilee, 2020 VE Day, 2022 Platinum
 * Jubilee and State Funeral, 2023 Coronation).
 */
const MOVED: Record<string, LocalDate> = {
  '2012-05-28': '2012-06-04' as LocalDate, // spring holiday moved for the Diamond Jubilee
  '2020-05-04': '2020-05-08' as LocalDate, // early May moved to VE Day
  '2022-05-30': '2022-06-02' as LocalDate, // spring holiday moved for the Platinum Jubilee
};
const ADDED: LocalDate[] = ['2012-06-05', '2022-06-03', '2022-09-19', '2023-05-08'] as LocalDate[];

export function bankHolidays(year: number, division: Division): LocalDate[] {
  const easter = easterSunday(year);
  const moveable: LocalDate[] = [addDays(easter, -2)]; // Good Friday, everywhere
  if (division !== 'scotland') moveable.push(addDays(easter, 1)); // Easter Monday, not in Scotland
  moveable.push(firstMonday(year, 5), lastMonday(year, 5));
  moveable.push(division === 'scotland' ? firstMonday(year, 8) : lastMonday(year, 8));

  const taken = new Set<string>(moveable);
  const fixedStart: LocalDate[] = [iso(year, 1, 1)];
  if (division === 'scotland') fixedStart.push(iso(year, 1, 2));
  if (division === 'northern-ireland') fixedStart.push(iso(year, 3, 17), iso(year, 7, 12));
  if (division === 'scotland') fixedStart.push(iso(year, 11, 30)); // St Andrew's Day, 2007 Act s1
  const christmas = [iso(year, 12, 25), iso(year, 12, 26)];
  const days = [...moveable, ...withSubstitutes(fixedStart, taken), ...withSubstitutes(christmas, taken)].map((d) => MOVED[d] ?? d);
  for (const d of ADDED) if (d.startsWith(`${year}-`)) days.push(d);
  return [...new Set(days)].sort() as LocalDate[];
}

/** A working-day calendar for one division: Monday to Friday less its bank holidays. */
export interface WorkingCalendar {
  readonly division: Division;
  isWorkingDay(d: LocalDate): boolean;
  isBankHoliday(d: LocalDate): boolean;
  /** The day itself if it is a working day, else the next working day. */
  nextWorkingDayOnOrAfter(d: LocalDate): LocalDate;
  addWorkingDays(d: LocalDate, n: number): LocalDate;
}

export function workingCalendar(division: Division): WorkingCalendar {
  const cache = new Map<number, Set<string>>();
  const holidays = (y: number) => {
    let s = cache.get(y);
    if (!s) cache.set(y, (s = new Set(bankHolidays(y, division))));
    return s;
  };
  const isBankHoliday = (d: LocalDate) => holidays(Number(d.slice(0, 4))).has(d);
  const isWorkingDay = (d: LocalDate) => !isWeekend(d) && !isBankHoliday(d);
  return {
    division,
    isBankHoliday,
    isWorkingDay,
    nextWorkingDayOnOrAfter(d) {
      let x = d;
      while (!isWorkingDay(x)) x = addDays(x, 1);
      return x;
    },
    addWorkingDays(d, n) {
      let x = d;
      let left = n;
      while (left > 0) {
        x = addDays(x, 1);
        if (isWorkingDay(x)) left--;
      }
      return x;
    },
  };
}
