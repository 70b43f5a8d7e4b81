/**
 * Dates worth a second look. A meeting, hearing or appointment can fall on a weekend, a bank
 * holiday or between Christmas and New Year, but more often the date was mistyped: Steve accepts
 * it and says so. A review meeting after the plan's 12-month limit (EHCP-AR-01) is accepted too,
 * with a warning, since the LA may have arranged it late. Pure: the calendar is a parameter.
 */
import type { WorkingCalendar } from '../calendar/bank-holidays.js';
import { dayOfWeek, formatUkDate as uk, type LocalDate } from '../calendar/local-date.js';
import { computeDeadline } from './rules.js';

/** Null for an ordinary working day; otherwise what is odd about the day, for a meeting or appointment called `what`. */
export function dateWarning(what: string, on: LocalDate, cal: WorkingCalendar): string | null {
  const month = Number(on.slice(5, 7));
  const day = Number(on.slice(8, 10));
  if ((month === 12 && day >= 25) || (month === 1 && day === 1)) return `${what} is on ${uk(on)}, between Christmas and New Year: check the date.`;
  const dow = dayOfWeek(on);
  if (dow === 0 || dow === 6) return `${what} is on ${uk(on)}, a ${dow === 0 ? 'Sunday' : 'Saturday'}: check the date.`;
  if (cal.isBankHoliday(on)) return `${what} is on ${uk(on)}, a bank holiday: check the date.`;
  return null;
}

export interface ReviewDates {
  plan_issued_on: string | null;
  last_review_on: string | null;
  next_review_meeting_on: string | null;
}

/** The last day of the current review cycle (EHCP-AR-01), when the plan has a date to count from. */
export function reviewLimit(plan: ReviewDates, cal: WorkingCalendar): LocalDate | null {
  const anchor = (plan.last_review_on ?? plan.plan_issued_on) as LocalDate | null;
  return anchor ? computeDeadline('EHCP-AR-01', anchor, { jurisdiction: 'england', calendar: cal }).due : null;
}

/** Null unless the next review meeting falls after the plan's 12-month limit. */
export function lateReviewWarning(plan: ReviewDates, cal: WorkingCalendar): string | null {
  const meeting = plan.next_review_meeting_on as LocalDate | null;
  const limit = reviewLimit(plan, cal);
  if (!meeting || !limit || meeting <= limit) return null;
  return `The review meeting on ${uk(meeting)} is after the last day for the annual review (${uk(limit)}, EHCP-AR-01): ask the LA to bring it forward or to record why it is late.`;
}

/** Everything odd about an English plan's dates, for its timeline. */
export function planWarnings(plan: ReviewDates, cal: WorkingCalendar): string[] {
  const out: string[] = [];
  const meeting = plan.next_review_meeting_on as LocalDate | null;
  if (meeting) {
    const odd = dateWarning('The review meeting', meeting, cal);
    if (odd) out.push(odd);
  }
  const late = lateReviewWarning(plan, cal);
  if (late) out.push(late);
  return out;
}
