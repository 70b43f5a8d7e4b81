/**
 * The referral network's pure rules: who refers, when a referral must be
 * acknowledged, when a source has gone quiet, and how healthy each source is.
 * No I/O and no clock: the day of reckoning is always a parameter.
 */
import type { WorkingCalendar } from '../calendar/bank-holidays.js';
import { addDays, daysBetween, type LocalDate } from '../calendar/local-date.js';
import type { ConsentParty } from '../vocabulary.js';

export const SOURCE_KINDS = [
  'gp',
  'paediatrician',
  'school',
  'case_manager',
  'solicitor',
  'insurer',
  'cmht',
  'employer',
  'local_authority',
  'self_parent',
  'other',
] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];
export const SOURCE_KIND_LABELS: Record<SourceKind, string> = {
  gp: 'GP',
  paediatrician: 'Paediatrician',
  school: 'School / SENCO',
  case_manager: 'Case manager',
  solicitor: 'Solicitor',
  insurer: 'Insurer',
  cmht: 'Community mental health team',
  employer: 'Employer',
  local_authority: 'Local authority',
  self_parent: 'Self / parent',
  other: 'Other',
};

/**
 * Which of the client's consents to share a report-back to this kind of source rests on.
 * A paediatrician and a CMHT are the client's NHS care team, so they share the GP consent.
 * Case managers and employers have no consent flag of their own on the client record, so
 * they default to none (no report-back is ever proposed) until the practice names one.
 * 'self' means the referrer is the client or their parent: nothing goes to a third party.
 */
export type ReportBackParty = ConsentParty | 'self';
export const DEFAULT_CONSENT_PARTY: Record<SourceKind, ReportBackParty | null> = {
  gp: 'gp',
  paediatrician: 'gp',
  school: 'school',
  case_manager: null,
  solicitor: 'solicitor',
  insurer: 'insurer',
  cmht: 'gp',
  employer: null,
  local_authority: 'la',
  self_parent: 'self',
  other: null,
};

export const URGENCIES = ['routine', 'soon', 'urgent'] as const;

/** pending → accepted | waitlisted | declined; a waitlisted referral may later be accepted or declined. */
export const REFERRAL_STATUSES = ['pending', 'waitlisted', 'accepted', 'declined'] as const;
export type ReferralStatus = (typeof REFERRAL_STATUSES)[number];
export const REFERRAL_OUTCOMES = ['accepted', 'waitlisted', 'declined'] as const;
export type ReferralOutcome = (typeof REFERRAL_OUTCOMES)[number];
const OUTCOME_FROM: Record<ReferralOutcome, readonly ReferralStatus[]> = {
  accepted: ['pending', 'waitlisted'],
  waitlisted: ['pending'],
  declined: ['pending', 'waitlisted'],
};
export function canRecordOutcome(from: ReferralStatus, to: ReferralOutcome): boolean {
  return OUTCOME_FROM[to].includes(from);
}

export const DEFAULT_ACK_WORKING_DAYS = 2;
export const DEFAULT_REPORT_BACK_WORKING_DAYS = 10;
export const DECLINE_LETTER_WORKING_DAYS = 5;
/** A source must be silent at least this long before it counts as dormant, however regular it was. */
export const DORMANT_MIN_SILENCE_DAYS = 90;

/** Task rule ids; each task's rule_key adds its subject so recomputing never duplicates it. */
export const REF_RULES = {
  ack: 'REF-ACK',
  decline: 'REF-DECLINE',
  reportBack: 'REF-RB',
} as const;
export const ackKey = (referralId: string) => `${REF_RULES.ack}|referral:${referralId}`;
export const declineKey = (referralId: string) => `${REF_RULES.decline}|referral:${referralId}`;
export const reportBackKeyPrefix = (referralId: string) => `${REF_RULES.reportBack}|referral:${referralId}|`;

/**
 * The acknowledgement is due N working days after the day the referral arrived (the day of
 * receipt does not count). A referral that lands on a Saturday is due N working days after it,
 * counted from Monday.
 */
export function acknowledgementDue(receivedOn: LocalDate, workingDays: number, calendar: WorkingCalendar): LocalDate {
  if (!Number.isInteger(workingDays) || workingDays < 0) throw new RangeError(`working days must be a whole number ≥ 0, not ${workingDays}`);
  return workingDays === 0 ? calendar.nextWorkingDayOnOrAfter(receivedOn) : calendar.addWorkingDays(receivedOn, workingDays);
}

/** Working days from `from` to `to`: how many working days after `from` fall on or before `to`. */
export function workingDaysBetween(from: LocalDate, to: LocalDate, calendar: WorkingCalendar): number {
  if (to <= from) return 0;
  let n = 0;
  for (let d = addDays(from, 1); d <= to; d = addDays(d, 1)) if (calendar.isWorkingDay(d)) n++;
  return n;
}

export function median(xs: readonly number[]): number | null {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

export interface Dormancy {
  last_referral: LocalDate | null;
  /** Days from the last referral to the day of reckoning. */
  silence_days: number | null;
  /** Median days between consecutive referrals; null with fewer than two referrals. */
  median_gap_days: number | null;
  dormant: boolean;
}

/**
 * A source is dormant when its silence is longer than twice its median gap between
 * referrals AND at least 90 days. With fewer than two referrals there is no usual rhythm to
 * fall silent from, so such a source is never called dormant. Referrals dated after `on`
 * are ignored, so the rule can be asked about any past day.
 */
export function dormancy(referralDates: readonly string[], on: LocalDate): Dormancy {
  const dates = referralDates.filter((d) => d <= on).sort() as LocalDate[];
  if (dates.length === 0) return { last_referral: null, silence_days: null, median_gap_days: null, dormant: false };
  const last = dates[dates.length - 1]!;
  const silence = daysBetween(last, on);
  const gaps: number[] = [];
  for (let i = 1; i < dates.length; i++) gaps.push(daysBetween(dates[i - 1]!, dates[i]!));
  const gap = median(gaps);
  const dormant = gap !== null && silence > 2 * gap && silence >= DORMANT_MIN_SILENCE_DAYS;
  return { last_referral: last, silence_days: silence, median_gap_days: gap, dormant };
}

/** '2026-Q4' for any day in October to December 2026. */
export function quarterOf(d: string): string {
  return `${d.slice(0, 4)}-Q${Math.floor((Number(d.slice(5, 7)) - 1) / 3) + 1}`;
}

/** The `count` quarters ending with the one holding `on`, oldest first. */
export function quartersEnding(on: LocalDate, count: number): string[] {
  let y = Number(on.slice(0, 4));
  let q = Math.floor((Number(on.slice(5, 7)) - 1) / 3) + 1;
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    out.push(`${y}-Q${q}`);
    if (--q === 0) {
      q = 4;
      y--;
    }
  }
  return out.reverse();
}

/**
 * One source's history as counts, which SQL can tally without shipping every referral:
 * referrals per day received, per outcome, per working days taken to acknowledge.
 */
export interface SourceTallies {
  /** [day received, referrals that day], any order; days after the reckoning are ignored by the caller. */
  days: readonly (readonly [string, number])[];
  accepted: number;
  unacknowledged: number;
  /** [working days taken to acknowledge, referrals]. */
  ack_days: readonly (readonly [number, number])[];
  report_backs_due: number;
  report_backs_on_time: number;
  revenue_pence: number | null;
}

/** The median of a histogram of [value, count] pairs. */
export function histogramMedian(h: readonly (readonly [number, number])[]): number | null {
  const s = [...h].filter(([, n]) => n > 0).sort((a, b) => a[0] - b[0]);
  const total = s.reduce((t, [, n]) => t + n, 0);
  if (total === 0) return null;
  const at = (k: number) => {
    let seen = 0;
    for (const [v, n] of s) if ((seen += n) > k) return v;
    return s[s.length - 1]![0];
  };
  return total % 2 === 1 ? at((total - 1) / 2) : (at(total / 2 - 1) + at(total / 2)) / 2;
}

/** Days since 1970-01-01 of an ISO date: a cheap parse, as a busy source has hundreds of referral days. */
const dayNumber = (d: string): number => Date.UTC(Number(d.slice(0, 4)), Number(d.slice(5, 7)) - 1, Number(d.slice(8, 10))) / 86_400_000;

/** The dormancy rule over referrals counted per day: same-day referrals are gaps of 0 days. */
export function dormancyFromDays(days: readonly (readonly [string, number])[], on: LocalDate): Dormancy {
  const s = days.filter(([d, n]) => d <= on && n > 0).sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  if (s.length === 0) return { last_referral: null, silence_days: null, median_gap_days: null, dormant: false };
  const gaps = new Map<number, number>();
  let prev = 0;
  for (let i = 0; i < s.length; i++) {
    if (s[i]![1] > 1) gaps.set(0, (gaps.get(0) ?? 0) + s[i]![1] - 1);
    const day = dayNumber(s[i]![0]);
    if (i > 0) gaps.set(day - prev, (gaps.get(day - prev) ?? 0) + 1);
    prev = day;
  }
  const last = s[s.length - 1]![0] as LocalDate;
  const silence = daysBetween(last, on);
  const gap = histogramMedian([...gaps]);
  return {
    last_referral: last,
    silence_days: silence,
    median_gap_days: gap,
    dormant: gap !== null && silence > 2 * gap && silence >= DORMANT_MIN_SILENCE_DAYS,
  };
}

export interface SourceHealth extends Dormancy {
  referrals: number;
  accepted: number;
  /** Accepted ÷ referrals received (0–1); 0 for a source that has not referred yet. */
  conversion: number;
  per_quarter: { quarter: string; referrals: number }[];
  median_days_to_acknowledge: number | null;
  unacknowledged: number;
  report_backs_due: number;
  /** Of report-backs done or overdue by `on`, the share done by their due date (0–1); null when none were due. */
  report_backs_on_time: number | null;
  revenue_pence: number | null;
}

/** Source health as of `on` from its tallies (only referrals received by `on` should be tallied). */
export function sourceHealthFromTallies(t: SourceTallies, on: LocalDate, quarters = 8): SourceHealth {
  const days = t.days.filter(([d]) => d <= on);
  const total = days.reduce((n, [, k]) => n + k, 0);
  const byQuarter = new Map<string, number>();
  for (const [d, k] of days) byQuarter.set(quarterOf(d), (byQuarter.get(quarterOf(d)) ?? 0) + k);
  return {
    referrals: total,
    accepted: t.accepted,
    conversion: total === 0 ? 0 : t.accepted / total,
    per_quarter: quartersEnding(on, quarters).map((q) => ({ quarter: q, referrals: byQuarter.get(q) ?? 0 })),
    median_days_to_acknowledge: histogramMedian(t.ack_days),
    unacknowledged: t.unacknowledged,
    report_backs_due: t.report_backs_due,
    report_backs_on_time: t.report_backs_due === 0 ? null : t.report_backs_on_time / t.report_backs_due,
    revenue_pence: t.revenue_pence,
    ...dormancyFromDays(days, on),
  };
}

/** What one source's history holds, referral by referral. */
export interface SourceHistory {
  referrals: { received_on: string; status: string; acknowledged_on: string | null }[];
  /** Report-back tasks of this source's referrals. */
  report_backs: { due_on: string; status: string; completed_on: string | null }[];
  revenue_pence: number | null;
}

/**
 * Source health as of `on`, from the referral-by-referral history: referrals per quarter (the
 * last `quarters`), conversion to accepted cases, median working days to acknowledge,
 * report-backs on time, and dormancy. Tallies the history, then reads it as SQL tallies are read.
 */
export function sourceHealth(h: SourceHistory, on: LocalDate, calendar: WorkingCalendar, quarters = 8): SourceHealth {
  const upTo = h.referrals.filter((r) => r.received_on <= on);
  const days = new Map<string, number>();
  for (const r of upTo) days.set(r.received_on, (days.get(r.received_on) ?? 0) + 1);
  const ack = new Map<number, number>();
  for (const r of upTo) {
    if (r.acknowledged_on === null || r.acknowledged_on > on) continue;
    const n = workingDaysBetween(r.received_on as LocalDate, r.acknowledged_on as LocalDate, calendar);
    ack.set(n, (ack.get(n) ?? 0) + 1);
  }
  const due = h.report_backs.filter((t) => (t.status === 'done' && t.completed_on !== null) || (t.status === 'open' && t.due_on < on));
  return sourceHealthFromTallies(
    {
      days: [...days],
      accepted: upTo.filter((r) => r.status === 'accepted').length,
      unacknowledged: upTo.filter((r) => r.acknowledged_on === null && r.status !== 'declined').length,
      ack_days: [...ack],
      report_backs_due: due.length,
      report_backs_on_time: due.filter((t) => t.status === 'done' && t.completed_on! <= t.due_on).length,
      revenue_pence: h.revenue_pence,
    },
    on,
    quarters,
  );
}
