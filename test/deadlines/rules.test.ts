import { describe, expect, it } from 'vitest';
import { workingCalendar } from '../../src/domain/calendar/bank-holidays.js';
import type { LocalDate } from '../../src/domain/calendar/local-date.js';
import { dateWarning, lateReviewWarning } from '../../src/domain/deadlines/plausible-dates.js';
import { computeDeadline, DIVISION_OF, obligationOf, RULES, ruleStanding, type RuleContext } from '../../src/domain/deadlines/rules.js';
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
    ['INS-BUPA-01', '2027-08-31', '2028-02-29'],
    ['INS-AXA-01', '2027-08-31', '2028-02-29'],
    ['DFG-03', '2027-01-31', '2027-07-31'],
    ['DFG-04', '2027-01-31', '2028-01-31'],
  ])('%s from %s is due %s', (rule, from, expected) => {
    expect(due(rule, from)).toBe(expected);
  });
});

describe('annual review: within 12 months starting with the plan date, so the day before the anniversary (EHCP-AR-01)', () => {
  it.each([
    ['2026-03-10', '2027-03-09', 'an ordinary day'],
    ['2027-03-01', '2028-02-29', '1 March into a leap year: the day before is 29 February'],
    ['2028-03-01', '2029-02-28', '1 March into a common year'],
    ['2027-02-28', '2028-02-27', '28 February into a leap year'],
    ['2028-02-29', '2029-02-28', '29 February has no corresponding date: the month’s last day'],
    ['2027-01-01', '2027-12-31', 'New Year’s Day: the last day of the year, a bank holiday or not'],
    ['2026-12-31', '2027-12-30', 'a month end'],
    ['2027-05-02', '2028-05-01', 'due on the early May bank holiday 2028: not moved (DC-01)'],
  ])('plan made %s → review by %s (%s)', (from, expected) => {
    expect(due('EHCP-AR-01', from)).toBe(expected);
  });
});

describe('phase transfer (EHCP-PT-01..04): before 15 February / 31 March, so the day before', () => {
  it.each([
    ['EHCP-PT-01', '2027-09-01', '2027-02-14'],
    ['EHCP-PT-01', '2028-09-01', '2028-02-14'], // leap year: no difference in February's middle
    ['EHCP-PT-01', '2026-09-01', '2026-02-14'], // a Saturday: a fixed last day, not moved
    ['EHCP-PT-02', '2027-09-01', '2027-03-30'],
    ['EHCP-PT-02', '2024-09-01', '2024-03-30'], // Easter Saturday 2024: not moved
    ['EHCP-PT-03', '2027-09-01', '2027-04-01'],
    ['EHCP-PT-04', '2027-09-01', '2026-11-08'], // 14 Feb − 8 − 4 − 2 weeks: the autumn term before
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
    ['2027-01-13', '2027-03-15', 'ends Saturday 13 March: the next working day, Monday 15 March'],
    ['2027-01-14', '2027-03-15', 'ends Sunday 14 March: Monday 15 March'],
    ['2027-01-29', '2027-03-30', 'ends Easter Monday 29 March 2027: Tuesday 30 March'],
    ['2027-02-26', '2027-04-26', 'ends Monday 26 April: a working day, not moved'],
    ['2027-01-26', '2027-03-30', 'ends Friday 26 March 2027 (Good Friday): Easter Monday too, so Tuesday 30 March'],
    ['2027-03-31', '2027-06-01', 'ends Monday 31 May 2027, the spring bank holiday: Tuesday 1 June'],
    ['2027-12-31', '2028-02-29', 'from 31 December to a leap-year February’s last day, a Tuesday'],
    ['2028-09-30', '2028-11-30', 'ends Thursday 30 November: a working day in England'],
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

  it('EHCP-TR-04: mediation is held within 30 days of the day the parent said they want it, not of the day another declined', () => {
    const declinedOnly = computeDeadline('EHCP-TR-04', '2027-03-25' as LocalDate, ctx());
    expect(declinedOnly.also).toBeUndefined();
    const wanted = computeDeadline('EHCP-TR-04', '2027-03-25' as LocalDate, ctx('england', { mediation_wanted_on: '2027-01-30' as LocalDate }));
    expect(wanted.also).toEqual([{ label: expect.stringContaining('mediation held'), due: '2027-03-01' }]); // 30 days across a common-year February
    const leap = computeDeadline('EHCP-TR-04', '2028-03-25' as LocalDate, ctx('england', { mediation_wanted_on: '2028-01-30' as LocalDate }));
    expect(leap.also![0]!.due).toBe('2028-02-29');
  });

  it.each([
    ['2027-01-04', undefined, '2027-01-25', '2027-04-25', 'no acknowledgment recorded: 3 months from its last day'],
    ['2027-01-04', '2027-01-11', '2027-01-25', '2027-04-11', 'acknowledged early: 3 months from the acknowledgment'],
    ['2027-11-09', '2027-11-30', '2027-11-30', '2028-02-29', 'acknowledged 30 November: clamps to 29 February in a leap year'],
    ['2026-12-10', '2026-12-31', '2026-12-31', '2027-03-31', 'acknowledged on a month end'],
  ])('ML-PAP-01: letter %s, acknowledged %s → acknowledgment by %s, liability by %s (%s)', (from, ack, ackDue, liability, _label) => {
    const r = computeDeadline('ML-PAP-01', from as LocalDate, ctx('england', ack ? { acknowledged_on: ack as LocalDate } : {}));
    expect(r.due).toBe(ackDue);
    expect(r.also![0]!.due).toBe(liability);
  });

  it('JUR-SCO-01 counts from the request or proposal to establish whether a CSP is needed', () => {
    const r = computeDeadline('JUR-SCO-01', '2027-01-11' as LocalDate, ctx('scotland'));
    expect(r.due).toBe('2027-05-03');
    expect(r.reason).toContain('request or proposal to establish whether a CSP is needed');
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
    ['COMP-DSPT-01', '2027-06-15', '2028-06-30'], // on time
    ['COMP-DSPT-01', '2027-06-30', '2028-06-30'], // on the deadline day
    ['COMP-DSPT-01', '2027-07-01', '2028-06-30'], // a day late: still due next June, no year skipped
    ['COMP-DSPT-01', '2027-12-31', '2028-06-30'], // months late
    ['COMP-DSPT-01', '2028-02-29', '2029-06-30'], // leap day
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

  it.each([
    ['adult: 20 years after treatment ends', '1980-05-01', '2027-06-30', '2047-06-30'],
    ['child aged 10: 20 years (age 30) is later than the 25th birthday', '2017-01-10', '2027-06-30', '2047-06-30'],
    ['child aged 2: 20 years (age 22) is earlier, so the 25th birthday', '2025-01-10', '2027-06-30', '2050-01-10'],
    ['child aged 17: the 26th birthday is earlier than 20 years', '2010-01-15', '2027-06-30', '2047-06-30'],
    ['child born on 29 February: the birthday in a common year is 28 February', '2024-02-29', '2027-06-30', '2049-02-28'],
  ])('REC-03 mental health records: the later of the mental health period and the child’s birthday — %s', (_label, dob, from, expected) => {
    expect(due('REC-03', from, ctx('england', { dob: dob as LocalDate, record_kind: 'mental_health' }))).toBe(expected);
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

describe('what is unverified is said so, in words', () => {
  it.each([
    ['EHCP-ADV-01', 'statutory', 'Statutory; secondary source — check the current text'],
    ['EHCP-NA-05', 'statutory', 'Statutory; checked against the primary text'],
    ['ML-Q-01', 'court', 'Court rule; secondary source — check the current text'],
    ['ML-Q-02', 'practice_default', 'Practice default — check your instructions'],
    ['INS-BUPA-01', 'contractual', 'Contractual; checked against the primary text'],
    ['INS-AXA-01', 'contractual', 'Contractual; checked against the primary text'],
    ['INS-ENG-01', 'practice_default', 'Practice default — check your instructions'],
    ['ML-PAP-01', 'guidance', 'Guidance or protocol; secondary source — check the current text'],
    ['COMP-HCPC-01', 'regulator', 'Regulator or scheme; checked against the primary text'],
  ])('%s is %s: "%s"', (id, basis, words) => {
    expect(ruleStanding(id)).toMatchObject({ basis, words });
  });

  it('every [U] rule reads as a practice default, and no contractual or unverified rule is called statutory or court', () => {
    for (const r of RULES) {
      const s = ruleStanding(r.id)!;
      if (r.tag === 'U') expect(s.words).toBe('Practice default — check your instructions');
      if (r.family === 'insurer' || r.tag === 'U') expect(['statutory', 'court']).not.toContain(s.basis);
    }
  });

  it('CPR 35.6 answers and insurer invoicing deadlines are soft defaults, not court deadlines', () => {
    for (const id of ['ML-Q-02', 'INS-BUPA-01', 'INS-AXA-01']) expect(RULES.find((r) => r.id === id)!.hard).toBe(false);
    expect(obligationOf('ML-Q-02', 'court')).toBe('practice default');
    expect(obligationOf('INS-BUPA-01', 'statutory')).toBe('contractual');
    expect(obligationOf(null, 'contractual')).toBe('contractual');
    expect(obligationOf(null, 'chaser')).toBe('money');
  });
});

describe('implausible dates are questioned, not refused', () => {
  const cal = workingCalendar('england-and-wales');
  it.each([
    ['2027-03-10', null],
    ['2027-03-13', 'a Saturday'],
    ['2027-03-14', 'a Sunday'],
    ['2027-03-29', 'a bank holiday'], // Easter Monday 2027
    ['2027-05-31', 'a bank holiday'],
    ['2027-12-24', null], // Christmas Eve is a working day
    ['2027-12-25', 'between Christmas and New Year'],
    ['2027-12-29', 'between Christmas and New Year'], // a Wednesday, still questioned
    ['2028-01-01', 'between Christmas and New Year'],
    ['2028-01-04', null], // 2028-01-03 is the substitute bank holiday; the 4th is ordinary
    ['2028-02-29', null],
  ])('a meeting on %s → %s', (on, expected) => {
    const w = dateWarning('The meeting', on as LocalDate, cal);
    if (expected === null) expect(w).toBeNull();
    else expect(w).toContain(expected);
  });

  it.each([
    ['2026-03-10', null, '2027-03-09', false],
    ['2026-03-10', null, '2027-03-10', true], // the anniversary is already too late
    ['2027-03-01', null, '2028-02-29', false], // leap year: the last day is 29 February
    ['2027-03-01', null, '2028-03-01', true],
    ['2025-01-10', '2026-01-20', '2027-01-19', false], // counts from the last review
    ['2025-01-10', '2026-01-20', '2027-01-20', true],
  ])('plan %s, last review %s, meeting %s: late = %s (EHCP-AR-01)', (plan, last, meeting, late) => {
    const w = lateReviewWarning({ plan_issued_on: plan, last_review_on: last, next_review_meeting_on: meeting }, cal);
    expect(w !== null).toBe(late);
  });
});
