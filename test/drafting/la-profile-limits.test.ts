/**
 * The LA profile's page limit and assessment freshness (EHCP advice): stored with the
 * profile, checked on every draft as warnings the clinician can judge.
 */
import { describe, expect, it } from 'vitest';
import { checkLaProfileLimits, estimatedPages } from '../../src/drafting/checks/la-profile.js';
import { composeDocument, runChecks, type DraftSource } from '../../src/drafting/index.js';
import { fullSource, TODAY } from './fixtures.js';

type Profile = NonNullable<DraftSource['la_profile']>;
const profile = (over: Partial<Profile>): Profile => ({
  id: 'p1',
  organisation_id: null,
  name: 'Exampleshire County Council',
  section_order: [],
  headings: {},
  front_sheet_fields: [],
  reference_format: null,
  provision_layout: 'split',
  scores_in: 'appendix',
  max_words: null,
  max_pages: null,
  freshness_months: null,
  return_to: null,
  ...over,
});
const assessment = (test_date: string | null) => ({ ...fullSource().assessments[0]!, id: 'a1', test_name: 'Beery VMI', test_date });

describe('estimated pages (500 words a page)', () => {
  it.each([
    [0, 1],
    [1, 1],
    [500, 1],
    [501, 2],
    [1000, 2],
    [1001, 3],
  ])('%i words is about %i page(s)', (words, pages) => expect(estimatedPages(words)).toBe(pages));
});

describe('page limit', () => {
  it.each([
    { words: 2000, max_pages: 4, warned: false, why: 'exactly at the limit (4 pages)' },
    { words: 2001, max_pages: 4, warned: true, why: 'one word into a fifth page' },
    { words: 9000, max_pages: null, warned: false, why: 'no limit in the profile' },
  ])('$why → warned: $warned', ({ words, max_pages, warned }) => {
    const out = checkLaProfileLimits(words, { today: TODAY, assessments: [], la_profile: profile({ max_pages }) });
    expect(out.length > 0).toBe(warned);
    if (warned) expect(out[0]!.problem).toMatch(/at most 4 pages; this draft is about 5 \(an estimate from its 2001 words at 500 words a page\)/);
  });
});

describe('assessment freshness before the draft date', () => {
  // TODAY is 2026-11-27: with 6 months the oldest date still in date is 2026-05-27.
  it.each([
    { test_date: '2026-05-27', months: 6, warned: false, why: 'exactly 6 months before the draft' },
    { test_date: '2026-05-26', months: 6, warned: true, why: 'a day older than 6 months' },
    { test_date: '2025-01-10', months: null, warned: false, why: 'no freshness limit in the profile' },
    { test_date: null, months: 6, warned: false, why: 'no test date (the placeholder check covers it)' },
    { test_date: '2025-11-27', months: 12, warned: false, why: 'exactly 12 months' },
    { test_date: '2025-11-26', months: 12, warned: true, why: 'a day over 12 months' },
  ])('$why → warned: $warned', ({ test_date, months, warned }) => {
    const out = checkLaProfileLimits(100, { today: TODAY, assessments: [assessment(test_date)], la_profile: profile({ freshness_months: months }) });
    expect(out.length > 0).toBe(warned);
    if (warned) {
      expect(out[0]!.field).toBe('assessment:a1.test_date');
      expect(out[0]!.problem).toMatch(new RegExp(`Beery VMI of .* is more than ${months} months before this draft \\(27 November 2026\\)`));
    }
  });

  it('no profile, no warning', () => {
    expect(checkLaProfileLimits(99_999, { today: TODAY, assessments: [assessment('2000-01-01')], la_profile: null })).toEqual([]);
  });
});

describe('on a drafted EHCP advice', () => {
  it('an over-long advice and a stale assessment each give one la_profile warning', () => {
    const s = fullSource();
    s.la_profile = profile({ max_pages: 1, freshness_months: 1 });
    const checks = runChecks(composeDocument('ehcp-advice', s), { source: s }).filter((c) => c.check === 'la_profile');
    expect(checks.map((c) => c.severity)).toEqual(['warning', 'warning', 'warning']);
    expect(checks[0]!.message).toMatch(/at most 1 page; this draft is about \d+ \(an estimate/);
    // Both fixture assessments are dated 2026-10-01, before 2026-10-27.
    expect(checks.slice(1).map((c) => c.text)).toEqual(['assessment:a1.test_date', 'assessment:a2.test_date']);
  });

  it('within the limits there is no la_profile warning', () => {
    const s = fullSource();
    s.la_profile = profile({ max_pages: 100, freshness_months: 2 });
    expect(runChecks(composeDocument('ehcp-advice', s), { source: s }).filter((c) => c.check === 'la_profile')).toEqual([]);
  });
});
