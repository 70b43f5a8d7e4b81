import { describe, expect, it } from 'vitest';
import { CASE_STATUSES, canMoveCase, type CaseStatus } from '../../src/domain/vocabulary.js';

const ALLOWED: [CaseStatus, CaseStatus][] = [
  ['referred', 'open'],
  ['referred', 'closed'],
  ['open', 'on_hold'],
  ['open', 'discharged'],
  ['open', 'closed'],
  ['on_hold', 'open'],
  ['on_hold', 'discharged'],
  ['on_hold', 'closed'],
  ['discharged', 'open'],
  ['discharged', 'closed'],
];

describe('case status transitions', () => {
  it.each(ALLOWED)('a %s case may become %s', (from, to) => {
    expect(canMoveCase(from, to)).toBe(true);
  });

  it('every other pair is refused, including staying put and anything out of closed', () => {
    const allowed = new Set(ALLOWED.map(([a, b]) => `${a}>${b}`));
    const refused: string[] = [];
    for (const from of CASE_STATUSES) {
      for (const to of CASE_STATUSES) {
        if (!allowed.has(`${from}>${to}`)) {
          expect(canMoveCase(from, to), `${from} → ${to}`).toBe(false);
          refused.push(`${from}>${to}`);
        }
      }
    }
    expect(refused).toContain('closed>open');
    expect(refused).toContain('open>open');
    expect(refused).toContain('referred>discharged');
    expect(refused).toContain('open>referred');
    expect(refused).toHaveLength(CASE_STATUSES.length ** 2 - ALLOWED.length);
  });
});
