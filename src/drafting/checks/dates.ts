/** Dates in the recorded findings that contradict the case or the calendar. */
import { longDate } from '../composer.js';
import type { DraftSource } from '../source.js';

export interface DateFinding {
  field: string;
  problem: string;
}

export function checkDates(s: DraftSource): DateFinding[] {
  const out: DateFinding[] = [];
  const dob = s.client?.dob ?? null;
  const check = (
    field: string,
    what: string,
    d: string | null | undefined,
    opts: { notFuture?: boolean; notBeforeDob?: boolean; notBeforeOpened?: boolean } = {},
  ) => {
    if (!d) return;
    if (opts.notFuture !== false && d > s.today) out.push({ field, problem: `${what} (${longDate(d)}) is after today, ${longDate(s.today)}.` });
    if (opts.notBeforeDob !== false && dob && d < dob)
      out.push({ field, problem: `${what} (${longDate(d)}) is before the client's date of birth (${longDate(dob)}).` });
    if (opts.notBeforeOpened && s.case && d < s.case.opened_on)
      out.push({ field, problem: `${what} (${longDate(d)}) is before the case was opened (${longDate(s.case.opened_on)}).` });
  };
  for (const a of s.assessments) check(`assessment:${a.id}.test_date`, `The ${a.test_name} test date`, a.test_date);
  for (const o of s.observations) check(`observation:${o.id}.on_date`, 'An observation date', o.on_date);
  for (const x of s.sessions) check('sessions', 'A session date', x.on_date, { notFuture: false });
  if (s.case) {
    check('case.opened_on', 'The case opening date', s.case.opened_on, { notFuture: false });
    if (s.case.closed_on && s.case.closed_on < s.case.opened_on)
      out.push({ field: 'case.closed_on', problem: `The case closed (${longDate(s.case.closed_on)}) before it opened (${longDate(s.case.opened_on)}).` });
  }
  if (s.ehcp) check('ehcp.advice_requested_on', 'The advice request date', s.ehcp.advice_requested_on);
  if (s.medico_legal) check('medico_legal.accident_date', 'The accident date', s.medico_legal.accident_date);
  for (const g of s.goals) {
    if (g.target_date && dob && g.target_date < dob)
      out.push({ field: `goal:${g.id}.target_date`, problem: `A goal's target date (${longDate(g.target_date)}) is before the client's date of birth.` });
  }
  return out;
}
