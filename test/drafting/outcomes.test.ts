import { describe, expect, it } from 'vitest';
import { summariseCopm } from '../../src/domain/outcomes/copm.js';
import { gasTScore, turnerStokesWeight } from '../../src/domain/outcomes/gas.js';
import { formatDerived, formatScore, mabcTrafficLight, ordinal } from '../../src/domain/outcomes/scores.js';

describe('COPM (OM-COPM-01)', () => {
  it('averages performance and satisfaction over the problems rated (worked example: 3 problems)', () => {
    const s = summariseCopm([
      { problem: 'Dressing', performance_baseline: 3, satisfaction_baseline: 2, performance_followup: 6, satisfaction_followup: 7 },
      { problem: 'Handwriting', performance_baseline: 4, satisfaction_baseline: 3, performance_followup: 5, satisfaction_followup: 5 },
      { problem: 'Cutting food', performance_baseline: 2, satisfaction_baseline: 1, performance_followup: 4, satisfaction_followup: 3 },
    ]);
    expect(s.performance_baseline).toBe(3); // (3+4+2)/3
    expect(s.satisfaction_baseline).toBe(2); // (2+3+1)/3
    expect(s.performance_followup).toBe(5); // (6+5+4)/3
    expect(s.satisfaction_followup).toBe(5); // (7+5+3)/3
    expect(s.performance_change).toBe(2);
    expect(s.performance_important).toBe(true);
    expect(s.satisfaction_change).toBe(3);
  });

  it('marks a change of exactly 2 as clinically important and 1 as not, per problem', () => {
    const s = summariseCopm([{ problem: 'a', performance_baseline: 4, satisfaction_baseline: 4, performance_followup: 6, satisfaction_followup: 5 }]);
    expect(s.problems[0]).toMatchObject({ performance_change: 2, performance_important: true, satisfaction_change: 1, satisfaction_important: false });
  });

  it('leaves an invalid rating out of the average, and an average change of 1.5 is not clinically important', () => {
    const s = summariseCopm([
      { problem: 'a', performance_baseline: 2, satisfaction_baseline: 2, performance_followup: 5, satisfaction_followup: 2 },
      { problem: 'b', performance_baseline: 2, satisfaction_baseline: 2, performance_followup: 4, satisfaction_followup: 2 },
      { problem: 'c', performance_baseline: 2, satisfaction_baseline: 2, performance_followup: 2.9 as number, satisfaction_followup: 2 },
    ]);
    // 2.9 is not a valid rating, so c is left out of the paired average: (5+4)/2 − 2 = 2.5
    expect(s.performance_change).toBe(2.5);
    const t = summariseCopm([
      { problem: 'a', performance_baseline: 3, satisfaction_baseline: 3, performance_followup: 5, satisfaction_followup: 3 },
      { problem: 'b', performance_baseline: 3, satisfaction_baseline: 3, performance_followup: 4, satisfaction_followup: 3 },
    ]);
    expect(t.performance_change).toBe(1.5);
    expect(t.performance_important).toBe(false);
  });

  it('flags mixed change, because an average can hide a problem getting worse', () => {
    const s = summariseCopm([
      { problem: 'a', performance_baseline: 2, satisfaction_baseline: 2, performance_followup: 8, satisfaction_followup: 8 },
      { problem: 'b', performance_baseline: 7, satisfaction_baseline: 7, performance_followup: 4, satisfaction_followup: 4 },
    ]);
    expect(s.mixed).toBe(true);
    expect(s.problems[1]!.performance_important).toBe(true);
  });

  it('has no change without follow-up ratings', () => {
    const s = summariseCopm([{ problem: 'a', performance_baseline: 3, satisfaction_baseline: 3 }]);
    expect(s.performance_change).toBeNull();
    expect(s.performance_followup).toBeNull();
  });
});

describe('GAS T-score (OM-GAS-01, Kiresuk–Sherman, ρ = 0.3)', () => {
  it.each([
    ['all goals met as expected gives 50', [0, 0, 0], 50],
    ['one goal at +1 gives 60 (denominator 1)', [1], 60],
    ['one goal at −2 gives 30', [-2], 30],
    ['three goals at −1: 50 − 30/√4.8 = 36.31', [-1, -1, -1], 36.31],
    ['three goals at +1: 63.69', [1, 1, 1], 63.69],
    ['mixed −1, 0, +2: 50 + 10/√4.8 = 54.56', [-1, 0, 2], 54.56],
    ['five goals at +2: 50 + 100/√(3.5+7.5) = 80.15', [2, 2, 2, 2, 2], 80.15],
  ])('%s', (_name, levels, expected) => {
    expect(gasTScore(levels.map((level) => ({ level })))).toBe(expected);
  });

  it('weights goals: w = (2, 1) at (+1, −1) gives 50 + 10·1/√(0.7·5 + 0.3·9) = 54.02', () => {
    expect(
      gasTScore([
        { level: 1, weight: 2 },
        { level: -1, weight: 1 },
      ]),
    ).toBe(54.02);
  });

  it('gives no T-score when no goal is scored, rather than a misleading 50', () => {
    expect(gasTScore([])).toBeNull();
    expect(gasTScore([{ level: 3 }])).toBeNull();
  });

  it('refuses a zero or negative weight', () => {
    expect(() => gasTScore([{ level: 1, weight: 0 }])).toThrow(/positive/);
  });

  it('Turner-Stokes weight is importance × difficulty, each 0–3', () => {
    expect(turnerStokesWeight(3, 2)).toBe(6);
    expect(() => turnerStokesWeight(4, 1)).toThrow();
  });
});

describe('score presentation (OM-TPL-01)', () => {
  it('shows a standard score with its own mean and SD, percentile, CI and the publisher band', () => {
    const s = { test_name: 'Beery VMI', metric: 'standard' as const, derived_score: 78, percentile: 7, ci_low: 71, ci_high: 87, band: 'Low' };
    expect(formatScore(s)).toBe('standard score 78 (mean 100, SD 15); 7th percentile; 95% confidence interval 71–87; "Low" (publisher\'s description)');
  });
  it.each([
    ['scaled', 'scaled score 5 (mean 10, SD 3)'],
    ['t_score', 'T-score 5 (mean 50, SD 10)'],
    ['bot2_scale', 'scale score 5 (mean 15, SD 5)'],
  ] as const)('%s scores carry their own scale', (metric, text) => {
    expect(formatDerived({ test_name: 'x', metric, derived_score: 5 })).toBe(text);
  });
  it('a descriptive measure (SP2) has no standard score, only its band', () => {
    expect(formatScore({ test_name: 'Sensory Profile 2', metric: 'descriptive', band: 'More than others' })).toBe(
      '"More than others" (publisher\'s description)',
    );
  });
  it('never computes a percentile that was not recorded', () => {
    expect(formatScore({ test_name: 'x', metric: 'standard', derived_score: 100 })).not.toMatch(/percentile/);
  });
  it('ordinals: 1st, 2nd, 3rd, 11th, 12th, 13th, 21st', () => {
    expect([1, 2, 3, 11, 12, 13, 21, 50].map(ordinal)).toEqual(['1st', '2nd', '3rd', '11th', '12th', '13th', '21st', '50th']);
  });
  it('MABC-2 traffic light: 56 red, 57 amber, 67 amber, 68 green', () => {
    expect([56, 57, 67, 68].map(mabcTrafficLight)).toEqual(['red', 'amber', 'amber', 'green']);
  });
});
