import { describe, expect, it } from 'vitest';
import { workingCalendar } from '../../src/domain/calendar/bank-holidays.js';
import type { LocalDate } from '../../src/domain/calendar/local-date.js';
import { recordsRetention, type RetentionCase } from '../../src/domain/deadlines/retention.js';

const cal = workingCalendar('england-and-wales');
const closed = (closed_on: string, service_line = 'adult_neuro', jurisdiction = 'england'): RetentionCase => ({
  status: 'closed',
  service_line,
  closed_on,
  jurisdiction,
});

describe('records retention (REC-03)', () => {
  it('an adult’s records are kept 8 years after the last case ends (ended 30/06/2027 → 30/06/2035)', () => {
    expect(recordsRetention('1980-05-01' as LocalDate, [closed('2026-01-10'), closed('2027-06-30')], cal)).toMatchObject({
      state: 'keep_until',
      until: '2035-06-30',
      rule: 'REC-03',
    });
  });

  it('a child’s records are kept to the 25th birthday; 26th when they were 17 at the end', () => {
    expect(recordsRetention('2015-05-01' as LocalDate, [closed('2027-06-30', 'paediatric')], cal)).toMatchObject({ until: '2040-05-01' });
    expect(recordsRetention('2010-01-15' as LocalDate, [closed('2027-06-30', 'paediatric')], cal)).toMatchObject({ until: '2036-01-15' });
  });

  it('mental health records are kept 20 years after treatment ends', () => {
    expect(recordsRetention('1990-03-03' as LocalDate, [closed('2027-01-31', 'mental_health')], cal)).toMatchObject({ until: '2047-01-31' });
  });

  it('while any case is open the clock has not started', () => {
    expect(
      recordsRetention(
        '1980-05-01' as LocalDate,
        [closed('2026-01-10'), { status: 'open', service_line: 'adult_neuro', closed_on: null, jurisdiction: 'england' }],
        cal,
      ),
    ).toMatchObject({ state: 'ongoing' });
    expect(recordsRetention('1980-05-01' as LocalDate, [], cal).state).toBe('ongoing');
  });

  it('a Scottish client is shown as not modelled rather than given England’s period', () => {
    expect(recordsRetention('1980-05-01' as LocalDate, [closed('2027-06-30', 'adult_neuro', 'scotland')], cal).state).toBe('not_modelled');
  });
});
