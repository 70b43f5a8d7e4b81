/**
 * The local authority profile's length and freshness limits (EHCP advice). Page count is an
 * estimate from the word count, since the LA's own template decides the real pagination;
 * the message says so, so nobody takes it for a measured figure.
 */
import { addMonths, type LocalDate } from '../../domain/calendar/local-date.js';
import { longDate } from '../composer.js';
import type { DraftSource } from '../source.js';

export const WORDS_PER_PAGE = 500;

export interface LaProfileLimitFinding {
  problem: string;
  field: string | null;
}

export function estimatedPages(words: number): number {
  return Math.max(1, Math.ceil(words / WORDS_PER_PAGE));
}

export function checkLaProfileLimits(words: number, s: Pick<DraftSource, 'la_profile' | 'assessments' | 'today'>): LaProfileLimitFinding[] {
  const profile = s.la_profile;
  if (!profile) return [];
  const out: LaProfileLimitFinding[] = [];
  const pages = estimatedPages(words);
  if (profile.max_pages && pages > profile.max_pages) {
    out.push({
      field: null,
      problem: `${profile.name} asks for at most ${profile.max_pages} page${profile.max_pages === 1 ? '' : 's'}; this draft is about ${pages} (an estimate from its ${words} words at ${WORDS_PER_PAGE} words a page).`,
    });
  }
  if (profile.freshness_months) {
    // An assessment exactly freshness_months old is still in date; a day more is not.
    const oldest = addMonths(s.today as LocalDate, -profile.freshness_months);
    for (const a of s.assessments) {
      if (a.test_date && a.test_date < oldest) {
        out.push({
          field: `assessment:${a.id}.test_date`,
          problem: `The ${a.test_name} of ${longDate(a.test_date)} is more than ${profile.freshness_months} month${profile.freshness_months === 1 ? '' : 's'} before this draft (${longDate(s.today)}); ${profile.name} expects assessments from ${longDate(oldest)} or later.`,
        });
      }
    }
  }
  return out;
}
