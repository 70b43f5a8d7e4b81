/** Aged debt: what is owed, by how long past its due date. */
import { addDays, daysBetween, type LocalDate } from '../calendar/local-date.js';
import type { Pence } from './pence.js';

export const BUCKETS = ['current', 'days_1_30', 'days_31_60', 'days_61_90', 'days_90_plus'] as const;
export type Bucket = (typeof BUCKETS)[number];
export const BUCKET_LABELS: Record<Bucket, string> = { current: 'Current', days_1_30: '1–30', days_31_60: '31–60', days_61_90: '61–90', days_90_plus: '90+' };

/** Not yet due (or due today) is current; then days past the due date. */
export function bucketOf(dueOn: string, today: LocalDate): Bucket {
  const late = daysBetween(dueOn as LocalDate, today);
  if (late <= 0) return 'current';
  if (late <= 30) return 'days_1_30';
  if (late <= 60) return 'days_31_60';
  if (late <= 90) return 'days_61_90';
  return 'days_90_plus';
}

/** The earliest due date still in each bucket, for a query that sums by date range. */
export function bucketFloors(today: LocalDate): Record<Exclude<Bucket, 'days_90_plus'>, LocalDate> {
  return { current: today, days_1_30: addDays(today, -30), days_31_60: addDays(today, -60), days_61_90: addDays(today, -90) };
}

export type BucketTotals = Record<Bucket, Pence> & { total: Pence };

export function emptyBuckets(): BucketTotals {
  return { current: 0, days_1_30: 0, days_31_60: 0, days_61_90: 0, days_90_plus: 0, total: 0 };
}

/** Debtor days: what is owed as days of the last year's invoicing (0 when nothing was invoiced). */
export function debtorDays(owed: Pence, invoicedLastYear: Pence, days = 365): number {
  if (invoicedLastYear <= 0) return 0;
  return Math.round((owed * days) / invoicedLastYear);
}
