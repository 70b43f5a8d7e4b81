import Holidays from 'date-holidays';
import { describe, expect, it } from 'vitest';
import { bankHolidays, easterSunday, workingCalendar, type Division } from '../../src/domain/calendar/bank-holidays.js';
import type { LocalDate } from '../../src/domain/calendar/local-date.js';

/** date-holidays as an independent oracle: its public and bank holidays, substitutes included. */
function oracle(year: number, division: Division): string[] {
  const region = { 'england-and-wales': 'ENG', scotland: 'SCT', 'northern-ireland': 'NIR' }[division];
  const hd = new Holidays('GB', region);
  const days = new Set<string>();
  for (const h of hd.getHolidays(year)) {
    if (h.type !== 'public' && h.type !== 'bank') continue;
    const d = h.date.slice(0, 10);
    const dow = new Date(`${d}T12:00:00Z`).getUTCDay();
    // The package lists both a weekend Christmas Day and its substitute; only weekdays are days off.
    if (dow === 0 || dow === 6) continue;
    days.add(d);
  }
  return [...days].sort();
}

describe('bank holidays (BH-EW-01, BH-SC-01, BH-NI-01, BH-SUB-01)', () => {
  it.each([
    [2024, '2024-03-31'],
    [2025, '2025-04-20'],
    [2026, '2026-04-05'],
    [2027, '2027-03-28'],
    [2038, '2038-04-25'],
  ])('Easter Sunday %i is %s', (year, date) => {
    expect(easterSunday(year)).toBe(date);
  });

  const years = Array.from({ length: 21 }, (_, i) => 2015 + i);
  describe.each(['england-and-wales', 'scotland', 'northern-ireland'] as const)('%s', (division) => {
    it.each(years)('%i matches an independent source (date-holidays)', (year) => {
      expect(bankHolidays(year, division)).toEqual(oracle(year, division));
    });
  });

  it('Christmas 2027 falls on a Saturday: England takes Monday 27 and Tuesday 28 December off', () => {
    const h = bankHolidays(2027, 'england-and-wales');
    expect(h).toContain('2027-12-27');
    expect(h).toContain('2027-12-28');
    expect(h).not.toContain('2027-12-25');
  });

  it('Scotland has 2 January and the first Monday of August, and no Easter Monday; England the reverse', () => {
    const sc = bankHolidays(2027, 'scotland');
    const en = bankHolidays(2027, 'england-and-wales');
    expect(sc).toContain('2027-08-02');
    expect(en).toContain('2027-08-30');
    expect(sc).not.toContain('2027-03-29');
    expect(en).toContain('2027-03-29');
  });

  it('St Andrew’s Day 2026 is a Monday in Scotland only; Boyne Day 12 July 2027 (a Monday) in Northern Ireland only', () => {
    expect(bankHolidays(2026, 'scotland')).toContain('2026-11-30');
    expect(bankHolidays(2026, 'england-and-wales')).not.toContain('2026-11-30');
    expect(bankHolidays(2027, 'northern-ireland')).toContain('2027-07-12');
    expect(bankHolidays(2027, 'england-and-wales')).not.toContain('2027-07-12');
  });

  it('adds working days across a bank holiday weekend: Thursday 25/03/2027 + 2 working days is Wednesday 31/03/2027 (Good Friday and Easter Monday skipped)', () => {
    const cal = workingCalendar('england-and-wales');
    expect(cal.addWorkingDays('2027-03-25' as LocalDate, 2)).toBe('2027-03-31');
    expect(cal.nextWorkingDayOnOrAfter('2027-12-25' as LocalDate)).toBe('2027-12-29');
  });
});
