import { describe, expect, it } from 'vitest';
import { workingCalendar } from '../../src/domain/calendar/bank-holidays.js';
import type { LocalDate } from '../../src/domain/calendar/local-date.js';
import { computeDeadline, DIVISION_OF, RULES, type RuleContext } from '../../src/domain/deadlines/rules.js';
import type { Jurisdiction } from '../../src/domain/vocabulary.js';

const ctx = (jurisdiction: Jurisdiction = 'england', extra: Partial<RuleContext> = {}): RuleContext => ({
  jurisdiction,
  calendar: workingCalendar(DIVISION_OF[jurisdiction]),
  ...extra,
});
const due = (rule: string, from: string, c: RuleContext = ctx()) => computeDeadline(rule, from as LocalDate, c).due;

describe('every rule is documented', () => {
  it.each(RULES.map((r) => [r.id, r] as const))('%s has a title, a trigger, a citation and a verification tag', (_id, r) => {
    expect(r.title.length).toBeGreaterThan(5);
    expect(r.trigger.length).toBeGreaterThan(3);
    expect(r.citation.length).toBeGreaterThan(3);
    expect(['V', 'S', 'U']).toContain(r.tag);
  });
});

describe('SEND timescales count calendar weeks and never pause (DC-01, DC-02, DC-03)', () => {
  it.each([
    ['EHCP-ADV-01', '2027-01-11', '2027-02-22'], // 6 weeks
    ['EHCP-ADV-01', '2027-12-20', '2028-01-31'], // over Christmas: no pause
    ['EHCP-ADV-01', '2027-07-16', '2027-08-27'], // into the summer holiday, still due (EHCP-ADV-02)
    ['EHCP-NA-01', '2027-01-11', '2027-02-22'],
    ['EHCP-NA-03', '2027-01-11', '2027-05-03'], // 16 weeks, due on a bank holiday and not moved
    ['EHCP-NA-06', '2027-01-11', '2027-05-31'], // 20 weeks, a bank holiday, not moved
    ['EHCP-RA-01', '2027-01-11', '2027-04-19'],
    ['EHCP-AM-02', '2027-01-11', '2027-03-08'],
    ['EHCP-AR-05', '2027-03-10', '2027-03-24'],
    ['EHCP-AR-06', '2027-03-10', '2027-04-07'],
  ])('%s from %s is due %s', (rule, from, expected) => {
    expect(due(rule, from)).toBe(expected);
  });

  it.each([
    ['EHCP-NA-05', '2027-01-11', '2027-01-25'], // 15 days beginning with the day served: served + 14
    ['EHCP-AM-01', '2027-02-20', '2027-03-06'],
    ['EHCP-AM-01', '2028-02-15', '2028-02-29'], // through 29 February in a leap year
  ])('%s: 15 days beginning with service on %s ends %s', (rule, from, expected) => {
    expect(due(rule, from)).toBe(expected);
  });

  it('EHCP-AR-04: the contribution is due 14 days before the meeting (meeting 10/03/2027 → 24/02/2027), with a 21-day practice target', () => {
    const r = computeDeadline('EHCP-AR-04', '2027-03-10' as LocalDate, ctx());
    expect(r.due).toBe('2027-02-24');
    expect(r.target).toBe('2027-02-17');
    expect(r.reason).toContain('10/03/2027');
  });

  it('EHCP-AR-04 target is configurable (a practice that wants 4 weeks gets meeting − 28 days)', () => {
    expect(computeDeadline('EHCP-AR-04', '2027-03-10' as LocalDate, ctx('england', { overrides: { 'EHCP-AR-04': { target_days_before: 28 } } })).target).toBe(
      '2027-02-10',
    );
  });
});

describe('calendar-month rules clamp to the month’s end (CM)', () => {
  it.each([
    ['EHCP-AR-01', '2026-03-10', '2027-03-10'],
    ['EHCP-AR-01', '2027-02-28', '2028-02-28'],
    ['EHCP-AR-01', '2028-02-29', '2029-02-28'], // 29 February has no corresponding date next year
    ['INS-BUPA-01', '2027-08-31', '2028-02-29'],
    ['INS-AXA-01', '2027-08-31', '2028-02-29'],
    ['DFG-03', '2027-01-31', '2027-07-31'],
    ['DFG-04', '2027-01-31', '2028-01-31'],
  ])('%s from %s is due %s', (rule, from, expected) => {
    expect(due(rule, from)).toBe(expected);
  });
});

describe('phase transfer (EHCP-PT-01..04)', () => {
  it.each([
    ['EHCP-PT-01', '2027-09-01', '2027-02-15'],
    ['EHCP-PT-02', '2027-09-01', '2027-03-31'],
    ['EHCP-PT-03', '2027-09-01', '2027-04-01'],
    ['EHCP-PT-04', '2027-09-01', '2026-11-09'], // 15 Feb − 8 − 4 − 2 weeks: the autumn term before
  ])('%s for a transfer on %s: %s', (rule, from, expected) => {
    expect(due(rule, from)).toBe(expected);
  });
});

describe('SEND Tribunal roll-forward (EHCP-TR-01, EHCP-TR-02)', () => {
  it.each([
    ['2027-05-14', '2027-07-14', 'ends in July: no roll'],
    ['2027-06-15', '2027-09-01', 'ends 15 August: first working day of September'],
    ['2026-06-30', '2026-09-01', 'ends 30 August 2026: 1 September 2026 is a Tuesday'],
    ['2027-10-26', '2028-01-04', 'ends 26 December: 2 and 3 January 2028 are weekend / substitute, so Tuesday 4 January'],
    ['2027-10-24', '2027-12-24', 'ends 24 December: not rolled'],
    ['2026-11-01', '2027-01-04', 'ends 1 January 2027: Monday 4 January is the next working day'],
  ])('decision letter %s → appeal by %s (%s)', (from, expected) => {
    expect(due('EHCP-TR-01', from)).toBe(expected);
  });

  it('the later of 2 months from the letter and 1 month from the mediation certificate wins', () => {
    expect(due('EHCP-TR-01', '2027-03-01', ctx('england', { mediation_certificate_on: '2027-04-20' as LocalDate }))).toBe('2027-05-20');
  });
});

describe('CPR and working-day rules', () => {
  it('ML-Q-01: questions within 28 clear days of service: served Fri 05/03/2027 → Fri 02/04/2027 (not moved although Good Friday)', () => {
    expect(due('ML-Q-01', '2027-03-05')).toBe('2027-04-02');
  });

  it('EHCP-TR-04 counts working days past the Easter bank holidays: Thu 25/03/2027 + 3 WD = Thu 01/04/2027', () => {
    expect(due('EHCP-TR-04', '2027-03-25')).toBe('2027-04-01');
  });

  it('GDPR-02: a month from receipt, rolled to the next working day (31/01/2027 → Mon 01/03/2027)', () => {
    expect(due('GDPR-02', '2027-01-31')).toBe('2027-03-01');
    expect(due('GDPR-02', '2027-03-03')).toBe('2027-04-05'); // 3 April 2027 is a Saturday
  });

  it('GDPR-02 rolls over a Scottish bank holiday that England does not have (St Andrew’s Day, Mon 30/11/2026)', () => {
    expect(due('GDPR-02', '2026-10-30', ctx('scotland'))).toBe('2026-12-01');
    expect(due('GDPR-02', '2026-10-30', ctx('england'))).toBe('2026-11-30');
  });

  it('JUR-WAL-03: a Welsh 12-week period ending on a bank holiday moves to the next working day (JUR-WAL-02)', () => {
    expect(due('JUR-WAL-03', '2027-02-01', ctx('wales'))).toBe('2027-04-26');
    expect(due('JUR-WAL-03', '2027-03-08', ctx('wales'))).toBe('2027-06-01'); // 31 May 2027 is the spring bank holiday
  });
});

describe('compliance, records and work', () => {
  it.each([
    ['COMP-HCPC-01', '2026-11-27', '2027-10-31'],
    ['COMP-HCPC-01', '2025-10-15', '2027-10-31'], // renewed inside the 2025 window
    ['COMP-HCPC-01', '2027-07-31', '2027-10-31'], // registered just before the 2027 window
    ['COMP-HCPC-01', '2027-08-01', '2029-10-31'], // renewed on the window's first day
    ['COMP-HCPC-01', '2027-11-01', '2029-10-31'],
    ['COMP-DSPT-01', '2027-06-15', '2028-06-30'],
    ['COMP-DSPT-01', '2027-07-01', '2029-06-30'],
    ['COMP-DBS-01', '2027-01-10', '2027-02-09'],
    ['COMP-ICO-01', '2027-01-10', '2028-01-10'],
    ['ATW-01', '2027-01-04', '2027-02-15'],
    ['EQA-02', '2027-01-15', '2027-04-14'],
  ])('%s from %s → %s', (rule, from, expected) => {
    expect(due(rule, from)).toBe(expected);
  });

  it.each([
    ['adult: 8 years after treatment ends', '1980-05-01', '2027-06-30', '2035-06-30'],
    ['child: until the 25th birthday', '2015-05-01', '2027-06-30', '2040-05-01'],
    ['child aged 17 at the end: until the 26th birthday', '2010-01-15', '2027-06-30', '2036-01-15'],
  ])('REC-03 %s (dob %s, ended %s → %s)', (_label, dob, from, expected) => {
    expect(due('REC-03', from, ctx('england', { dob: dob as LocalDate }))).toBe(expected);
  });
});

describe('jurisdiction honesty (JUR-UI-01)', () => {
  it.each(['wales', 'scotland', 'ni'] as const)('England’s EHCP-ADV-01 is refused for %s rather than given a wrong date', (j) => {
    expect(() => computeDeadline('EHCP-ADV-01', '2027-01-11' as LocalDate, ctx(j))).toThrow(/not modelled/);
  });

  it('an unknown rule ID is refused with a pointer to the list', () => {
    expect(() => computeDeadline('EHCP-XX-99', '2027-01-11' as LocalDate, ctx())).toThrow(/Unknown rule EHCP-XX-99/);
  });
});
