import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonths,
  ageOn,
  daysBetween,
  daysInMonth,
  dayOfWeek,
  formatUkDate,
  isValidIsoDate,
  parseLocalDate,
  type LocalDate,
} from '../../src/domain/calendar/local-date.js';

const d = (s: string) => s as LocalDate;

describe('isValidIsoDate and parseLocalDate', () => {
  it('2027-02-30 and 2027-04-31 do not exist; 2027-02-28 and 2027-04-30 do', () => {
    expect(isValidIsoDate('2027-02-30')).toBe(false);
    expect(isValidIsoDate('2027-04-31')).toBe(false);
    expect(isValidIsoDate('2027-02-28')).toBe(true);
    expect(isValidIsoDate('2027-04-30')).toBe(true);
  });

  it('29 February exists in 2028 (leap year) but not in 2027, nor in 2100 (century), but in 2000', () => {
    expect(isValidIsoDate('2028-02-29')).toBe(true);
    expect(isValidIsoDate('2027-02-29')).toBe(false);
    expect(isValidIsoDate('2100-02-29')).toBe(false);
    expect(isValidIsoDate('2000-02-29')).toBe(true);
  });

  it('month 00 and 13 and day 00 are refused; 12-31 and 01-01 are the edges that pass', () => {
    expect(isValidIsoDate('2027-00-10')).toBe(false);
    expect(isValidIsoDate('2027-13-10')).toBe(false);
    expect(isValidIsoDate('2027-01-00')).toBe(false);
    expect(isValidIsoDate('2027-12-31')).toBe(true);
    expect(isValidIsoDate('2027-01-01')).toBe(true);
  });

  it('only YYYY-MM-DD is a date: 27/11/2026, 2026-1-5 and 2026-11-27T00:00 are refused', () => {
    for (const s of ['27/11/2026', '2026-1-5', '2026-11-27T00:00', '', '20261127']) expect(isValidIsoDate(s)).toBe(false);
  });

  it('parseLocalDate trims, then refuses a wrong shape and an impossible day with different messages', () => {
    expect(parseLocalDate(' 2028-02-29 ')).toBe('2028-02-29');
    expect(() => parseLocalDate('27/11/2026', 'due date')).toThrow(/due date must be a date written YYYY-MM-DD/);
    expect(() => parseLocalDate('2027-02-30', 'due date')).toThrow(/2027-02-30 is not a real calendar date/);
    let caught: unknown = null;
    try {
      parseLocalDate('2027-02-29', 'dob');
    } catch (e) {
      caught = e;
    }
    expect(caught).toMatchObject({ code: 'VALIDATION', field: 'dob' });
  });

  it('February has 28 days in 2027 and 29 in 2028', () => {
    expect(daysInMonth(2027, 2)).toBe(28);
    expect(daysInMonth(2028, 2)).toBe(29);
    expect(daysInMonth(2027, 12)).toBe(31);
  });
});

describe('day arithmetic', () => {
  it('addMonths clamps to month end: 31 Jan + 1 month is 28 Feb in 2027 and 29 Feb in 2028', () => {
    expect(addMonths(d('2027-01-31'), 1)).toBe('2027-02-28');
    expect(addMonths(d('2028-01-31'), 1)).toBe('2028-02-29');
    expect(addMonths(d('2027-03-31'), 1)).toBe('2027-04-30');
  });

  it('addMonths keeps the day when it exists, crosses years both ways, and 29 Feb + 12 months is 28 Feb', () => {
    expect(addMonths(d('2027-01-15'), 1)).toBe('2027-02-15');
    expect(addMonths(d('2026-11-30'), 3)).toBe('2027-02-28');
    expect(addMonths(d('2027-01-31'), -2)).toBe('2026-11-30');
    expect(addMonths(d('2028-02-29'), 12)).toBe('2029-02-28');
    expect(addMonths(d('2027-05-10'), 0)).toBe('2027-05-10');
  });

  it('addDays crosses month, year and the BST change without drifting (2027-03-27 + 1 = 2027-03-28)', () => {
    expect(addDays(d('2027-03-27'), 1)).toBe('2027-03-28');
    expect(addDays(d('2027-03-28'), 1)).toBe('2027-03-29');
    expect(addDays(d('2026-12-31'), 1)).toBe('2027-01-01');
    expect(addDays(d('2028-02-28'), 1)).toBe('2028-02-29');
    expect(addDays(d('2027-02-28'), 1)).toBe('2027-03-01');
    expect(addDays(d('2027-01-01'), -1)).toBe('2026-12-31');
  });

  it('daysBetween counts whole days and is negative backwards: 2027-01-01 to 2027-12-31 is 364', () => {
    expect(daysBetween(d('2027-01-01'), d('2027-12-31'))).toBe(364);
    expect(daysBetween(d('2028-01-01'), d('2028-12-31'))).toBe(365);
    expect(daysBetween(d('2027-03-31'), d('2027-03-01'))).toBe(-30);
  });

  it('dayOfWeek: 27 Nov 2026 is a Friday (5), 29 Nov 2026 a Sunday (0)', () => {
    expect(dayOfWeek(d('2026-11-27'))).toBe(5);
    expect(dayOfWeek(d('2026-11-29'))).toBe(0);
  });

  it('ageOn turns a year older on the birthday, not the day before', () => {
    expect(ageOn(d('2015-11-27'), d('2026-11-26'))).toBe(10);
    expect(ageOn(d('2015-11-27'), d('2026-11-27'))).toBe(11);
  });
});

describe('formatUkDate', () => {
  it('2027-03-04 shows as 04/03/2027 (day first), and text that is not an ISO date is left alone', () => {
    expect(formatUkDate('2027-03-04')).toBe('04/03/2027');
    expect(formatUkDate('2026-12-31')).toBe('31/12/2026');
    expect(formatUkDate('not a date')).toBe('not a date');
  });
});
