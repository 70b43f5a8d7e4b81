import { describe, expect, it } from 'vitest';
import type { LocalDate } from '../../src/domain/calendar/local-date.js';
import { bucketOf, debtorDays } from '../../src/domain/money/aged-debt.js';
import { allocateExplicit, allocateOldestFirst } from '../../src/domain/money/allocation.js';
import { authorisationPosition, sessionOutsideAuthorisation } from '../../src/domain/money/authorisation.js';
import { billableTo, sessionFee, splitInsuredFees } from '../../src/domain/money/billing.js';
import { chaseDates, draftChaser, fixedCompensation } from '../../src/domain/money/chase.js';
import { stageMoveProblem } from '../../src/domain/money/ml-stages.js';
import { formatPounds, lineAmount, parsePounds, parseQuantity } from '../../src/domain/money/pence.js';
import { DEFAULT_MONEY_SETTINGS as S } from '../../src/domain/money/settings.js';
import { csvCell } from '../../src/domain/money/xero.js';

const d = (s: string) => s as LocalDate;

describe('pence', () => {
  it('reads pounds as typed into exact pence', () => {
    expect(parsePounds('£1,234.56')).toBe(123456);
    expect(parsePounds('12.3')).toBe(1230);
    expect(parsePounds('0.05')).toBe(5);
    expect(parsePounds('85')).toBe(8500);
  });
  it('refuses negative, non-numeric and sub-penny amounts with a clear message', () => {
    expect(() => parsePounds('-5')).toThrow(/cannot be negative/);
    expect(() => parsePounds('ten pounds')).toThrow(/amount in pounds/);
    expect(() => parsePounds('12.345')).toThrow(/amount in pounds/);
    expect(() => parsePounds('')).toThrow();
  });
  it('formats pence as pounds for a UK reader', () => {
    expect(formatPounds(123456)).toBe('£1,234.56');
    expect(formatPounds(5)).toBe('£0.05');
    expect(formatPounds(-1200)).toBe('−£12.00');
  });
  it('rounds mileage half up to the penny: 12.3 miles at 45p is £5.54 (553.5p), 12.1 miles £5.45 (544.5p)', () => {
    expect(lineAmount(parseQuantity('12.3'), 45)).toBe(554);
    expect(lineAmount(parseQuantity('12.1'), 45)).toBe(545);
    expect(lineAmount(parseQuantity('12.2'), 45)).toBe(549);
    expect(lineAmount(1, 49)).toBe(0);
    expect(lineAmount(1, 50)).toBe(1);
  });
});

describe('billing rules', () => {
  it('a DNA or late cancellation is never billable to an insurer (INS-GEN-03), but is to a client under the practice terms', () => {
    expect(billableTo('insurer', { attendance: 'dna', billable: 1 }, S)).toMatchObject({ ok: false, why: expect.stringContaining('INS-GEN-03') });
    expect(billableTo('insurer', { attendance: 'late_cancellation', billable: 1 }, S).ok).toBe(false);
    expect(billableTo('self_pay', { attendance: 'dna', billable: 1 }, S).ok).toBe(true);
    expect(billableTo('self_pay', { attendance: 'dna', billable: 1 }, { charge_missed_sessions: 0 }).ok).toBe(false);
    expect(billableTo('self_pay', { attendance: 'cancelled', billable: 1 }, S).ok).toBe(false);
    expect(billableTo('insurer', { attendance: 'attended', billable: 1 }, S).ok).toBe(true);
  });
  it('prices a session by its length at the hourly rate, rounding half up (45 min at £90/h = £67.50; 50 min = £75.00; 7 min = £10.50)', () => {
    expect(sessionFee({ kind: 'therapy', duration_minutes: 45, fee_pence: null }, S).amount_pence).toBe(6750);
    expect(sessionFee({ kind: 'therapy', duration_minutes: 50, fee_pence: null }, S).amount_pence).toBe(7500);
    expect(sessionFee({ kind: 'therapy', duration_minutes: 7, fee_pence: null }, S).amount_pence).toBe(1050);
    expect(sessionFee({ kind: 'travel', duration_minutes: 60, fee_pence: null }, S).amount_pence).toBe(4500);
    expect(sessionFee({ kind: 'therapy', duration_minutes: 60, fee_pence: 12000 }, S).amount_pence).toBe(12000);
  });
  it('splits fees: per-session limit, then the total benefit left, then the unpaid excess from the insurer share', () => {
    const fees = [1, 2, 3].map((i) => ({ session_id: `s${i}`, fee_pence: 9000 }));
    const split = splitInsuredFees(fees, {
      per_session_limit_pence: 7000,
      total_limit_pence: 16000,
      excess_pence: 5000,
      insurer_billed_pence: 0,
      excess_billed_pence: 0,
    });
    expect(split.map((s) => [s.insurer_pence, s.shortfall_pence, s.excess_pence])).toEqual([
      [2000, 2000, 5000],
      [7000, 2000, 0],
      [2000, 7000, 0],
    ]);
    for (const s of split) expect(s.insurer_pence + s.shortfall_pence + s.excess_pence).toBe(s.fee_pence);
  });
});

describe('authorisation edges', () => {
  const a = { sessions_authorised: 3, valid_from: '2026-09-01', valid_until: '2026-11-20', authorisation_code: 'BUP123' };
  it('the last authorised session counts; the next one is refused', () => {
    expect(sessionOutsideAuthorisation(a, '2026-11-01', 2)).toBeNull();
    expect(sessionOutsideAuthorisation(a, '2026-11-02', 3)).toMatch(/All 3 sessions/);
  });
  it('a session on the expiry date is inside; the day after is outside', () => {
    expect(sessionOutsideAuthorisation(a, '2026-11-20', 0)).toBeNull();
    expect(sessionOutsideAuthorisation(a, '2026-11-21', 0)).toMatch(/after authorisation BUP123 ended on 20\/11\/2026/);
  });
  it('warns at one session left and within the warning window before expiry', () => {
    const p = authorisationPosition(a, 2, d('2026-11-01'), 30);
    expect(p).toMatchObject({ sessions_used: 2, sessions_left: 1, status: 'active', days_to_expiry: 19 });
    expect(p.warnings.join(' ')).toMatch(/One authorised session left.*Ends in 19 days/);
    expect(authorisationPosition(a, 0, d('2026-10-20'), 30).warnings).toEqual([]);
    expect(authorisationPosition(a, 0, d('2026-10-21'), 30).warnings).toEqual(['Ends in 30 days (20/11/2026).']);
    expect(authorisationPosition(a, 1, d('2026-11-21'), 30)).toMatchObject({ status: 'expired' });
  });
});

describe('allocation', () => {
  const inv = (id: string, due: string, owed: number) => ({ id, number: id, due_on: due, issued_on: due, outstanding_pence: owed });
  it('refuses an allocation above what an invoice owes, and allocations above the payment', () => {
    expect(allocateExplicit(10000, [{ invoice: inv('INV-1', '2026-10-01', 5000), amount_pence: 6000 }])).toMatchObject({
      ok: false,
      message: expect.stringContaining('£60.00 is more than the £50.00 owed on INV-1'),
    });
    expect(
      allocateExplicit(5000, [
        { invoice: inv('INV-1', '2026-10-01', 5000), amount_pence: 4000 },
        { invoice: inv('INV-2', '2026-10-01', 5000), amount_pence: 4000 },
      ]),
    ).toMatchObject({ ok: false });
  });
  it('pays the oldest first and keeps the rest as credit', () => {
    const r = allocateOldestFirst(12000, [inv('B', '2026-11-01', 5000), inv('A', '2026-10-01', 5000)]);
    expect(r.allocations.map((a) => [a.number, a.amount_pence])).toEqual([
      ['A', 5000],
      ['B', 5000],
    ]);
    expect(r.credit_pence).toBe(2000);
  });
});

describe('aged debt buckets', () => {
  const today = d('2026-11-27');
  it('due today is current; 1 and 30 days late are 1–30; 31 is 31–60; 90 is 61–90; 91 is 90+', () => {
    expect(bucketOf('2026-11-27', today)).toBe('current');
    expect(bucketOf('2026-12-10', today)).toBe('current');
    expect(bucketOf('2026-11-26', today)).toBe('days_1_30');
    expect(bucketOf('2026-10-28', today)).toBe('days_1_30');
    expect(bucketOf('2026-10-27', today)).toBe('days_31_60');
    expect(bucketOf('2026-08-29', today)).toBe('days_61_90');
    expect(bucketOf('2026-08-28', today)).toBe('days_90_plus');
  });
  it('debtor days = owed / last year invoiced × 365', () => {
    expect(debtorDays(10000, 365000)).toBe(10);
    expect(debtorDays(10000, 0)).toBe(0);
  });
});

describe('chase ladder', () => {
  const inv = {
    number: 'INV-000001',
    issued_on: '2026-09-01',
    due_on: '2026-10-01',
    outstanding_pence: 12345,
    total_pence: 12345,
    payer_kind: 'insurer',
    payer_name: 'Bupa',
    client_name: 'Ada Example',
    membership_number: 'M123',
    authorisation_code: 'A1',
  };
  it('reminder at due + 7, firm at + 21, final at + 45; AXA Health never before invoice + 30 (INS-AXA-01)', () => {
    expect(chaseDates(inv, S)).toEqual({ reminder: '2026-10-08', firm: '2026-10-22', final: '2026-11-15' });
    expect(chaseDates({ ...inv, payer_name: 'AXA Health', due_on: '2026-09-08' }, S).reminder).toBe('2026-10-01');
  });
  it('the final notice to a business names statutory interest and fixed compensation; to a private client it does not', () => {
    const biz = draftChaser('final', inv, { name: 'Practice', bank_details: 'Sort 00-00-00' }, d('2026-11-27'));
    expect(biz.body).toMatch(/fixed compensation of £40.00/);
    expect(biz.body).toMatch(/membership number M123, authorisation A1/);
    const consumer = draftChaser('final', { ...inv, payer_kind: 'self_pay' }, { name: 'Practice', bank_details: '' }, d('2026-11-27'));
    expect(consumer.body).not.toMatch(/interest|compensation/);
    expect(consumer.body).toMatch(/Pre-Action Protocol for Debt Claims/);
    expect([fixedCompensation(99_999), fixedCompensation(100_000), fixedCompensation(1_000_000)]).toEqual([4000, 7000, 10000]);
  });
});

describe('medico-legal stages', () => {
  it('move forward, may skip, never back; questions need a served report; closing is always possible', () => {
    expect(stageMoveProblem('instructed', 'assessed')).toBeNull();
    expect(stageMoveProblem('assessed', 'records_received')).toMatch(/forward only/);
    expect(stageMoveProblem('report_drafted', 'questions')).toMatch(/served first/);
    expect(stageMoveProblem('served', 'questions')).toBeNull();
    expect(stageMoveProblem('settled', 'closed')).toBeNull();
    expect(stageMoveProblem('settled', 'trial_window')).toMatch(/no further stages/);
  });
});

describe('csv', () => {
  it('quotes commas and neutralises spreadsheet formulas', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('=SUM(A1)')).toBe("'=SUM(A1)");
    expect(csvCell('-12.50')).toBe('-12.50');
  });
});
