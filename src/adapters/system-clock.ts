import type { LocalDate } from '../domain/calendar/local-date.js';
import type { Clock } from '../ports/clock.js';

const londonDay = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' });

export const systemClock: Clock = {
  now: () => new Date(),
  today: () => londonDay.format(new Date()) as LocalDate,
};

/** A clock stopped at one instant: for tests, and for `--today` on commands that report. */
export function fixedClock(iso: string): Clock {
  const at = new Date(iso.length === 10 ? `${iso}T09:00:00Z` : iso);
  return { now: () => new Date(at), today: () => londonDay.format(at) as LocalDate };
}
