/**
 * An insurer authorisation's position: sessions used and left, and the warnings of
 * INS-ENG-01 (one session left; expiry within the practice's warning window).
 */
import { daysBetween, formatUkDate, type LocalDate } from '../calendar/local-date.js';

export interface AuthorisationFacts {
  sessions_authorised: number;
  valid_from: string;
  valid_until: string;
}

export interface AuthorisationPosition {
  sessions_authorised: number;
  sessions_used: number;
  sessions_left: number;
  /** Sessions delivered beyond the authorisation under a recorded override. */
  sessions_over: number;
  days_to_expiry: number;
  status: 'not_started' | 'active' | 'expired' | 'used_up';
  warnings: string[];
}

export function authorisationPosition(a: AuthorisationFacts, used: number, today: LocalDate, warnDays: number): AuthorisationPosition {
  const authorised = Number(a.sessions_authorised);
  const left = Math.max(0, authorised - used);
  const days = daysBetween(today, a.valid_until as LocalDate);
  const status = today > a.valid_until ? 'expired' : today < a.valid_from ? 'not_started' : left === 0 ? 'used_up' : 'active';
  const warnings: string[] = [];
  if (status === 'expired') warnings.push(`Ended on ${formatUkDate(a.valid_until)}.`);
  else {
    if (left === 0) warnings.push('No authorised sessions left: ask the insurer for more before the next session.');
    else if (left === 1) warnings.push('One authorised session left: send the progress report and ask for more (INS-ENG-01).');
    if (days <= warnDays) warnings.push(days === 0 ? 'Ends today.' : `Ends in ${days} day${days === 1 ? '' : 's'} (${formatUkDate(a.valid_until)}).`);
  }
  return {
    sessions_authorised: authorised,
    sessions_used: used,
    sessions_left: left,
    sessions_over: Math.max(0, used - authorised),
    days_to_expiry: days,
    status,
    warnings,
  };
}

/**
 * Why a session on `on` cannot count against the authorisation, or null when it can.
 * `usedBefore` counts the authorised sessions already delivered. The last valid day counts.
 */
export function sessionOutsideAuthorisation(a: AuthorisationFacts & { authorisation_code: string }, on: string, usedBefore: number): string | null {
  const code = a.authorisation_code ? `authorisation ${a.authorisation_code}` : 'the authorisation';
  if (on > a.valid_until) return `The session on ${formatUkDate(on)} is after ${code} ended on ${formatUkDate(a.valid_until)}.`;
  if (on < a.valid_from) return `The session on ${formatUkDate(on)} is before ${code} starts on ${formatUkDate(a.valid_from)}.`;
  if (usedBefore >= Number(a.sessions_authorised)) return `All ${a.sessions_authorised} sessions of ${code} have been used.`;
  return null;
}
