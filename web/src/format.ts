/** How things are shown to a UK reader: dd/mm/yyyy, NHS numbers 3-3-4, pounds from pence (the domain's formatters, with a dash for nothing). */
import { formatUkDate, isValidIsoDate } from '../../src/domain/calendar/local-date.js';
import { formatPounds } from '../../src/domain/money/pence.js';
import { formatNhsNumber } from '../../src/domain/people/nhs-number.js';

export { formatUkDate };

export function ukDate(iso: string | null | undefined): string {
  return iso ? formatUkDate(iso) : '—';
}

export function nhs(digits: string | null | undefined): string {
  return digits ? formatNhsNumber(digits) : '—';
}

export function money(pence: number | null | undefined): string {
  return pence === null || pence === undefined ? '—' : formatPounds(pence);
}

const instant = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});
/** An instant (UTC ISO) as UK wall-clock time: 27/11/2026, 09:30. */
export function ukDateTime(iso: string): string {
  const t = Date.parse(iso);
  return Number.isNaN(t) ? iso : instant.format(t);
}

/**
 * Reads a date as a UK user types it (27/11/2026, 27-11-2026, 27.11.2026) or ISO, and
 * gives ISO, or null when it is not a real calendar date.
 */
export function parseUkDate(text: string): string | null {
  const t = text.trim();
  if (/^\d{4}-\d{2}-\d{2}$/.test(t)) return isValidIsoDate(t) ? t : null;
  const m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(t);
  if (!m) return null;
  const iso = `${m[3]}-${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}`;
  return isValidIsoDate(iso) ? iso : null;
}

/** snake_case code → "Sentence case" for vocabularies without their own labels. */
export function humanise(code: string | null | undefined): string {
  if (!code) return '—';
  const s = code.replace(/_/g, ' ');
  return s.charAt(0).toUpperCase() + s.slice(1);
}

export const ROLE_LABELS: Record<string, string> = { owner: 'Owner', clinician: 'Clinician', admin: 'Administrator' };
