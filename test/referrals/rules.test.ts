import { describe, expect, it } from 'vitest';
import { workingCalendar } from '../../src/domain/calendar/bank-holidays.js';
import { addDays, type LocalDate } from '../../src/domain/calendar/local-date.js';
import {
  acknowledgementDue,
  canRecordOutcome,
  dormancy,
  dormancyFromDays,
  histogramMedian,
  median,
  quarterOf,
  quartersEnding,
  sourceHealth,
  workingDaysBetween,
} from '../../src/domain/referrals/referrals.js';
import { planReportBacks, reportBackBlock, type ReportBackFacts } from '../../src/domain/referrals/report-backs.js';

const ew = workingCalendar('england-and-wales');
const sc = workingCalendar('scotland');
const d = (s: string) => s as LocalDate;

describe('acknowledgement due = received + N working days', () => {
  it.each([
    // received, N, calendar, due, why
    ['2026-11-23', 2, ew, '2026-11-25', 'Monday: Tuesday and Wednesday'],
    ['2026-11-26', 2, ew, '2026-11-30', 'Thursday: Friday, then over the weekend to Monday'],
    ['2026-11-27', 2, ew, '2026-12-01', 'Friday: Monday and Tuesday'],
    ['2026-11-28', 2, ew, '2026-12-01', 'Saturday: counting starts on Monday'],
    ['2026-11-29', 2, ew, '2026-12-01', 'Sunday: counting starts on Monday'],
    ['2026-12-23', 2, ew, '2026-12-29', 'Christmas Day (Fri) and the Boxing Day substitute (Mon 28th) are skipped'],
    ['2026-12-24', 2, ew, '2026-12-30', 'Christmas Eve: 29th and 30th'],
    ['2026-12-30', 2, ew, '2027-01-04', 'New Year’s Day (Fri) skipped in England'],
    ['2026-12-30', 2, sc, '2027-01-05', 'Scotland also skips the 2 January substitute (Mon 4th)'],
    ['2026-11-27', 2, sc, '2026-12-02', 'Scotland skips St Andrew’s Day (Mon 30 Nov)'],
    ['2027-03-25', 2, ew, '2027-03-31', 'Good Friday and Easter Monday skipped in England'],
    ['2027-03-25', 2, sc, '2027-03-30', 'Easter Monday is a working day in Scotland'],
    ['2026-11-27', 1, ew, '2026-11-30', 'a source set to 1 working day'],
    ['2026-11-23', 5, ew, '2026-11-30', 'a source set to 5 working days: a full week'],
    ['2026-11-27', 0, ew, '2026-11-27', 'a source set to same day: a working day is due that day'],
    ['2026-11-28', 0, ew, '2026-11-30', 'same day on a Saturday means the next working day'],
  ] as const)('received %s, %i working days → due %s (%s)', (received, n, cal, due, _why) => {
    expect(acknowledgementDue(d(received), n, cal)).toBe(due);
  });

  it('refuses a negative or fractional number of working days', () => {
    expect(() => acknowledgementDue(d('2026-11-27'), -1, ew)).toThrow(RangeError);
    expect(() => acknowledgementDue(d('2026-11-27'), 1.5, ew)).toThrow(RangeError);
  });

  it.each([
    ['2026-11-27', '2026-11-27', 0],
    ['2026-11-27', '2026-11-30', 1],
    ['2026-12-23', '2026-12-29', 2],
    ['2026-11-30', '2026-11-27', 0],
  ] as const)('working days from %s to %s = %i', (from, to, n) => {
    expect(workingDaysBetween(d(from), d(to), ew)).toBe(n);
  });
});

/** `count` referrals `gap` days apart, the last `silence` days before `on`. */
function series(on: string, silence: number, gap: number, count: number): string[] {
  const last = addDays(d(on), -silence);
  return Array.from({ length: count }, (_, i) => addDays(last, -gap * (count - 1 - i)));
}

describe('dormancy: silence > 2 × median gap AND ≥ 90 days', () => {
  const on = d('2026-11-27');
  it.each([
    ['monthly referrer silent 90 days', series(on, 90, 30, 6), true],
    ['monthly referrer silent 89 days (under the 90-day floor)', series(on, 89, 30, 6), false],
    ['45-day rhythm silent exactly 90 days (not more than twice the gap)', series(on, 90, 45, 5), false],
    ['45-day rhythm silent 91 days', series(on, 91, 45, 5), true],
    ['100-day rhythm silent 150 days (still within twice its gap)', series(on, 150, 100, 4), false],
    ['100-day rhythm silent exactly 200 days', series(on, 200, 100, 4), false],
    ['100-day rhythm silent 201 days', series(on, 201, 100, 4), true],
    ['same-day pair (gap 0) silent 90 days', series(on, 90, 0, 2), true],
    ['same-day pair (gap 0) silent 89 days', series(on, 89, 0, 2), false],
    ['a single referral two years ago (no rhythm to fall silent from)', ['2024-11-01'], false],
    ['no referrals at all', [], false],
    ['weekly referrer last heard from yesterday', series(on, 1, 7, 20), false],
  ] as const)('%s → dormant %s', (_label, dates, dormant) => {
    expect(dormancy(dates, on).dormant).toBe(dormant);
  });

  it('uses the median gap, so one long gap does not hide a usually busy source', () => {
    // gaps 10, 20, 200: median 20; silence 90 > 40 and ≥ 90.
    const r = dormancy(['2026-01-11', '2026-01-21', '2026-02-10', '2026-08-29'], on);
    expect(r).toMatchObject({ median_gap_days: 20, silence_days: 90, last_referral: '2026-08-29', dormant: true });
  });

  it('ignores referrals dated after the day asked about', () => {
    const dates = [...series(on, 120, 30, 5), '2026-12-15'];
    expect(dormancy(dates, on)).toMatchObject({ dormant: true, silence_days: 120 });
    expect(dormancy(dates, d('2026-12-20')).dormant).toBe(false);
  });

  it('median of an even number of gaps is the mean of the middle two', () => {
    expect(median([10, 30])).toBe(20);
    expect(median([5, 1, 3])).toBe(3);
    expect(median([])).toBeNull();
  });
});

describe('quarters', () => {
  it.each([
    ['2026-01-01', '2026-Q1'],
    ['2026-03-31', '2026-Q1'],
    ['2026-04-01', '2026-Q2'],
    ['2026-12-31', '2026-Q4'],
  ])('%s is in %s', (day, q) => expect(quarterOf(day)).toBe(q));

  it('lists the quarters ending with the current one, across a year end', () => {
    expect(quartersEnding(d('2026-02-10'), 3)).toEqual(['2025-Q3', '2025-Q4', '2026-Q1']);
  });
});

describe('source health', () => {
  const on = d('2026-11-27');
  it('counts conversion, quarters, working days to acknowledge and report-backs on time', () => {
    const h = sourceHealth(
      {
        referrals: [
          { received_on: '2026-07-06', status: 'accepted', acknowledged_on: '2026-07-07' }, // 1 working day
          { received_on: '2026-10-02', status: 'accepted', acknowledged_on: '2026-10-06' }, // Fri → Tue: 2
          { received_on: '2026-10-20', status: 'declined', acknowledged_on: null },
          { received_on: '2026-11-20', status: 'pending', acknowledged_on: '2026-11-27' }, // Fri → Fri: 5
          { received_on: '2026-12-01', status: 'pending', acknowledged_on: null }, // after `on`: ignored
        ],
        report_backs: [
          { due_on: '2026-08-01', status: 'done', completed_on: '2026-07-30' }, // on time
          { due_on: '2026-10-10', status: 'done', completed_on: '2026-10-12' }, // late
          { due_on: '2026-11-20', status: 'open', completed_on: null }, // overdue
          { due_on: '2026-12-10', status: 'open', completed_on: null }, // not yet due: not counted
          { due_on: '2026-09-01', status: 'waived', completed_on: '2026-09-01' }, // withdrawn: not counted
        ],
        revenue_pence: 123_450,
      },
      on,
      ew,
      4,
    );
    expect(h).toMatchObject({
      referrals: 4,
      accepted: 2,
      conversion: 0.5,
      median_days_to_acknowledge: 2,
      report_backs_due: 3,
      revenue_pence: 123_450,
      last_referral: '2026-11-20',
      dormant: false,
    });
    expect(h.report_backs_on_time).toBeCloseTo(1 / 3);
    expect(h.per_quarter).toEqual([
      { quarter: '2026-Q1', referrals: 0 },
      { quarter: '2026-Q2', referrals: 0 },
      { quarter: '2026-Q3', referrals: 1 },
      { quarter: '2026-Q4', referrals: 3 },
    ]);
  });

  it('a source that has never referred converts 0 and has no on-time figure', () => {
    const h = sourceHealth({ referrals: [], report_backs: [], revenue_pence: null }, on, ew);
    expect(h).toMatchObject({ referrals: 0, conversion: 0, report_backs_on_time: null, median_days_to_acknowledge: null, last_referral: null, dormant: false });
  });
});

describe('referral outcomes', () => {
  it.each([
    ['pending', 'accepted', true],
    ['pending', 'waitlisted', true],
    ['pending', 'declined', true],
    ['waitlisted', 'accepted', true],
    ['waitlisted', 'declined', true],
    ['waitlisted', 'waitlisted', false],
    ['accepted', 'declined', false],
    ['declined', 'accepted', false],
  ] as const)('%s → %s allowed: %s', (from, to, ok) => expect(canRecordOutcome(from, to)).toBe(ok));
});

describe('report-backs rest on consent', () => {
  const base: ReportBackFacts = {
    referral_id: 'ref-1',
    source_name: 'Millbrook Surgery',
    consent_party: 'gp',
    report_back_working_days: 10,
    client_id: 'client-1',
    client_name: 'Ada Testchild',
    case_id: 'case-1',
    assignee_id: null,
    consent: { gp: true, school: false, la: false, insurer: false, solicitor: false },
    milestones: [
      { kind: 'assessment', on: d('2026-12-21'), ref: '' },
      { kind: 'review', on: d('2027-02-01'), ref: 'sess-9' },
      { kind: 'discharge', on: d('2027-03-25'), ref: '' },
    ],
  };

  it('with consent, plans one task per milestone, N working days after it, saying which consent it rests on', () => {
    const plan = planReportBacks(base, ew);
    expect(plan.blocked).toEqual([]);
    expect(plan.planned.map((p) => [p.rule_key, p.due_on])).toEqual([
      ['REF-RB|referral:ref-1|assessment', '2027-01-07'], // 25, 28 Dec and 1 Jan skipped
      ['REF-RB|referral:ref-1|review:sess-9', '2027-02-15'],
      ['REF-RB|referral:ref-1|discharge', '2027-04-12'], // Good Friday and Easter Monday skipped
    ]);
    expect(plan.planned[0]).toMatchObject({ kind: 'report_back', case_id: 'case-1', trigger_ref: 'ref-1', hardness: 'soft' });
    expect(plan.planned[0]!.reason).toContain('consent_gp');
  });

  it.each([
    ['gp', { gp: false }, 'consent_gp'],
    ['school', { gp: true, school: false }, 'consent_school'],
    ['la', { la: false }, 'consent_la'],
    ['insurer', { insurer: false }, 'consent_insurer'],
    ['solicitor', { solicitor: false }, 'consent_solicitor'],
  ] as const)('without consent to share with the %s, no task is planned and each milestone is blocked', (party, consent, flag) => {
    const plan = planReportBacks({ ...base, consent_party: party, consent: { ...base.consent, ...consent } }, ew);
    expect(plan.planned).toEqual([]);
    expect(plan.blocked).toHaveLength(3);
    expect(plan.blocked[0]!.reason).toContain(flag);
  });

  it('a source with no consent party (e.g. a case manager) never gets a proposed report-back', () => {
    const plan = planReportBacks({ ...base, consent_party: null, consent: { gp: true, school: true, la: true, insurer: true, solicitor: true } }, ew);
    expect(plan.planned).toEqual([]);
    expect(reportBackBlock({ ...base, consent_party: null })).toContain('No consent on the client record covers');
  });

  it('a self-referral owes no third-party report-back', () => {
    expect(planReportBacks({ ...base, consent_party: 'self' }, ew).planned).toEqual([]);
  });
});

describe('tallied forms agree with the referral-by-referral rules', () => {
  const on = d('2026-11-27');
  const tally = (dates: string[]) => [...dates.reduce((m, x) => m.set(x, (m.get(x) ?? 0) + 1), new Map<string, number>())];
  it.each([
    ['monthly, silent 90', series(on, 90, 30, 6)],
    ['same-day pairs', [...series(on, 95, 0, 3), '2026-01-05', '2026-01-05']],
    ['uneven gaps', ['2026-01-11', '2026-01-21', '2026-02-10', '2026-08-29']],
    ['one referral', ['2026-03-01']],
  ])('dormancy from per-day counts equals dormancy from dates (%s)', (_l, dates) => {
    expect(dormancyFromDays(tally(dates), on)).toEqual(dormancy(dates, on));
  });

  it('the median of a histogram is the median of the values it stands for', () => {
    expect(
      histogramMedian([
        [2, 3],
        [1, 1],
      ]),
    ).toBe(median([1, 2, 2, 2]));
    expect(
      histogramMedian([
        [5, 1],
        [1, 1],
      ]),
    ).toBe(3);
    expect(histogramMedian([])).toBeNull();
  });
});
