/**
 * Presenting a standardised score the way its measure reports it (OM-TPL-01):
 * the derived score with its own scale ("standard score 78; mean 100, SD 15"), percentile,
 * confidence interval, the publisher's own band, test, edition, date and examiner. Nothing
 * is derived here that the clinician did not record: a percentile is never computed from a
 * standard score, because publishers' norms are not all normal.
 */
import { formatUkDate } from '../calendar/local-date.js';

export const SCORE_METRICS = ['standard', 'scaled', 't_score', 'bot2_scale', 'composite', 'raw', 'descriptive', 'percentile_only'] as const;
export type ScoreMetric = (typeof SCORE_METRICS)[number];

/** Mean and SD of each metric; null when the measure has no standard score (SP2, raw totals). */
export const METRIC_SCALES: Record<ScoreMetric, { label: string; mean: number | null; sd: number | null }> = {
  standard: { label: 'standard score', mean: 100, sd: 15 },
  scaled: { label: 'scaled score', mean: 10, sd: 3 },
  t_score: { label: 'T-score', mean: 50, sd: 10 },
  bot2_scale: { label: 'scale score', mean: 15, sd: 5 },
  composite: { label: 'standard score', mean: 50, sd: 10 },
  raw: { label: 'raw score', mean: null, sd: null },
  descriptive: { label: 'classification', mean: null, sd: null },
  percentile_only: { label: 'percentile', mean: null, sd: null },
};

export interface ScoreRecord {
  test_name: string;
  edition?: string | null;
  test_date?: string | null;
  examiner?: string | null;
  subtest?: string | null;
  raw_score?: number | null;
  derived_score?: number | null;
  metric: ScoreMetric;
  /** Overrides the metric's usual mean and SD when the manual says otherwise. */
  mean?: number | null;
  sd?: number | null;
  percentile?: number | null;
  ci_low?: number | null;
  ci_high?: number | null;
  ci_level?: number | null;
  band?: string | null;
}

function num(n: number): string {
  return Number.isInteger(n) ? String(n) : String(Math.round(n * 10) / 10);
}

/** "standard score 78 (mean 100, SD 15)". */
export function formatDerived(s: ScoreRecord): string | null {
  const scale = METRIC_SCALES[s.metric];
  if (s.metric === 'descriptive' || s.metric === 'percentile_only') return null;
  const value = s.metric === 'raw' ? s.raw_score : s.derived_score;
  if (value === null || value === undefined) return null;
  const mean = s.mean ?? scale.mean;
  const sd = s.sd ?? scale.sd;
  return mean !== null && sd !== null ? `${scale.label} ${num(value)} (mean ${num(mean)}, SD ${num(sd)})` : `${scale.label} ${num(value)}`;
}

/** "1st", "22nd", "113th": whole numbers only. */
export function ordinal(n: number): string {
  const whole = Math.round(n);
  const mod100 = whole % 100;
  if (mod100 >= 11 && mod100 <= 13) return `${whole}th`;
  return `${whole}${['th', 'st', 'nd', 'rd'][whole % 10] ?? 'th'}`;
}

/**
 * A percentile as words: "9th percentile" for a whole one, "percentile rank 4.2" otherwise,
 * since a fraction takes no ordinal suffix ("4.2th" is not English).
 */
export function formatPercentile(p: number): string {
  return Number.isInteger(p) ? `${ordinal(p)} percentile` : `percentile rank ${num(p)}`;
}

/** The score part of a sentence or table cell: derived score, percentile, CI, band. */
export function formatScore(s: ScoreRecord): string {
  const parts: string[] = [];
  const derived = formatDerived(s);
  if (derived) parts.push(derived);
  if (s.metric !== 'raw' && s.raw_score !== null && s.raw_score !== undefined) parts.push(`raw score ${num(s.raw_score)}`);
  if (s.percentile !== null && s.percentile !== undefined) parts.push(formatPercentile(s.percentile));
  if (s.ci_low !== null && s.ci_low !== undefined && s.ci_high !== null && s.ci_high !== undefined)
    parts.push(`${s.ci_level ?? 95}% confidence interval ${num(s.ci_low)}–${num(s.ci_high)}`);
  if (s.band) parts.push(`"${s.band}" (publisher's description)`);
  return parts.join('; ');
}

/** Test name and edition, date and examiner: "Beery VMI (6th edition), 03/11/2026, by Cara Clinician". */
export function formatAdministration(s: ScoreRecord): string {
  const name = s.edition ? `${s.test_name} (${s.edition})` : s.test_name;
  const bits = [name];
  if (s.subtest) bits.push(s.subtest);
  if (s.test_date) bits.push(`tested ${formatUkDate(s.test_date)}`);
  if (s.examiner) bits.push(`by ${s.examiner}`);
  return bits.join(', ');
}

/**
 * Movement ABC-2 traffic light (OM-MABC-01, band edges unverified, so a default): on the
 * Total Test Score, ≤ 56 red (at or below the 5th percentile), 57–67 amber (5th–15th),
 * above 67 green.
 */
export function mabcTrafficLight(totalTestScore: number): 'red' | 'amber' | 'green' {
  if (totalTestScore <= 56) return 'red';
  if (totalTestScore <= 67) return 'amber';
  return 'green';
}

/** The zone on a percentile, for a component or total score (OM-MABC-01 edges: 5th and 15th). */
export function mabcZoneOfPercentile(percentile: number): 'red' | 'amber' | 'green' {
  if (percentile <= 5) return 'red';
  if (percentile <= 15) return 'amber';
  return 'green';
}

/** The Movement ABC-2's own words for its zones (OM-MABC-01): a traffic light, not "below average". */
export const MABC_ZONE_WORDS: Record<'red' | 'amber' | 'green', string> = {
  red: 'red zone: a significant movement difficulty',
  amber: 'amber zone: at risk of a movement difficulty',
  green: 'green zone: no movement difficulty detected',
};
