/**
 * How long a client's records must be kept (REC-03, Records Management Code of Practice):
 * from the end of their last episode of care, by their age then and the kind of record.
 * Pure: the cases and the date of birth are given.
 */
import type { LocalDate } from '../calendar/local-date.js';
import type { WorkingCalendar } from '../calendar/bank-holidays.js';
import type { Jurisdiction } from '../vocabulary.js';
import { computeDeadline } from './rules.js';

export interface RetentionCase {
  status: string;
  service_line: string;
  closed_on: string | null;
  jurisdiction: string;
}

export type Retention =
  | { state: 'ongoing'; reason: string }
  | { state: 'not_modelled'; reason: string }
  | { state: 'keep_until'; until: LocalDate; reason: string; rule: 'REC-03'; citation: string };

export function recordsRetention(dob: LocalDate, cases: RetentionCase[], calendar: WorkingCalendar): Retention {
  if (cases.length === 0) return { state: 'ongoing', reason: 'No episode of care has been recorded yet.' };
  if (cases.some((c) => !['discharged', 'closed'].includes(c.status) || !c.closed_on)) {
    return { state: 'ongoing', reason: 'Care is ongoing: the retention period starts when the last case ends.' };
  }
  const last = cases.reduce((a, b) => (a.closed_on! >= b.closed_on! ? a : b));
  const jurisdiction = last.jurisdiction as Jurisdiction;
  if (jurisdiction !== 'england' && jurisdiction !== 'wales') {
    return {
      state: 'not_modelled',
      reason: 'Retention periods for Scotland and Northern Ireland are not modelled (REC-03 covers England; Wales has an equivalent code).',
    };
  }
  const mentalHealth = cases.some((c) => c.service_line === 'mental_health');
  const d = computeDeadline('REC-03', last.closed_on as LocalDate, {
    jurisdiction,
    calendar,
    dob,
    ...(mentalHealth ? { record_kind: 'mental_health' as const } : {}),
  });
  return { state: 'keep_until', until: d.due, reason: d.reason, rule: 'REC-03', citation: d.citation };
}
