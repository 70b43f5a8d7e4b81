/**
 * Every date-producing rule Steve knows, each under its ID (docs/RULES.md explains each one)
 * with its day-count convention, parameters, citation and verification tag. Pure: the
 * trigger date and the working-day calendar are parameters.
 *
 * Conventions: CW calendar weeks (trigger = day 0); CD calendar days;
 * CD-incl calendar days counting the trigger as day 1; CM calendar months to the
 * corresponding date (clamped to the month's end); WD working days; CLR CPR clear days.
 * SEND periods are never paused for weekends or bank holidays (DC-01).
 */
import { addDays, addMonths, ageOn, formatUkDate as uk, lastDayOfMonthsBeginning, type LocalDate } from '../calendar/local-date.js';
import type { Division, WorkingCalendar } from '../calendar/bank-holidays.js';
import { AppError, invalid } from '../errors.js';
import type { Jurisdiction } from '../vocabulary.js';

export type Convention = 'CW' | 'CD' | 'CD-incl' | 'CM' | 'WD' | 'CLR' | 'fixed' | 'derived' | 'years';
export type Tag = 'V' | 'S' | 'U';
export type RuleFamily = 'ehcp' | 'tribunal' | 'other_nations' | 'medico_legal' | 'insurer' | 'housing' | 'workplace' | 'compliance' | 'records' | 'gdpr';

export interface RuleParam {
  value: number;
  unit: 'days' | 'weeks' | 'months' | 'years';
  description: string;
}

export interface RuleContext {
  jurisdiction: Jurisdiction;
  calendar: WorkingCalendar;
  /** Practice overrides of rule parameters ([U] defaults above all), by rule ID then parameter name. */
  overrides?: Record<string, Record<string, number>>;
  /** Extra facts some rules need (REC-03 the date of birth; EHCP-TR-01 the mediation certificate). */
  dob?: LocalDate;
  record_kind?: 'adult' | 'child' | 'mental_health';
  mediation_certificate_on?: LocalDate;
  /** EHCP-TR-04: the day the parent told the mediation adviser they want mediation. */
  mediation_wanted_on?: LocalDate;
  /** ML-PAP-01: the day the defendant acknowledged the letter of claim. */
  acknowledged_on?: LocalDate;
}

export interface DueDate {
  due: LocalDate;
  reason: string;
  /** An earlier internal target where the rule has one (EHCP-AR-04). */
  target?: LocalDate;
  /** Further dates the same trigger sets (e.g. ML-PAP-01's three-month liability response). */
  also?: { label: string; due: LocalDate }[];
}

export interface Rule {
  id: string;
  family: RuleFamily;
  title: string;
  /** What the trigger date (`--from`) is for this rule. */
  trigger: string;
  /** Who must act by the due date. */
  party: string;
  convention: Convention;
  citation: string;
  tag: Tag;
  /** Statutory or court deadlines are hard; contractual and practice ones soft. */
  hard: boolean;
  jurisdictions: readonly Jurisdiction[];
  params: Record<string, RuleParam>;
  compute(from: LocalDate, ctx: RuleContext, p: Record<string, number>): DueDate;
}

const ALL: readonly Jurisdiction[] = ['england', 'wales', 'scotland', 'ni'];
const ENGLAND: readonly Jurisdiction[] = ['england'];
const ENGLAND_WALES: readonly Jurisdiction[] = ['england', 'wales'];
const GB: readonly Jurisdiction[] = ['england', 'wales', 'scotland'];

const weeks = (value: number, description: string): RuleParam => ({ value, unit: 'weeks', description });
const days = (value: number, description: string): RuleParam => ({ value, unit: 'days', description });
const months = (value: number, description: string): RuleParam => ({ value, unit: 'months', description });
const years = (value: number, description: string): RuleParam => ({ value, unit: 'years', description });

const plusWeeks = (d: LocalDate, n: number) => addDays(d, 7 * n);

/** A rule of the form "within N calendar weeks of the trigger" (DC-01). */
function cwRule(r: Omit<Rule, 'convention' | 'compute' | 'params'> & { weeks: number; what: string }): Rule {
  const { weeks: n, what, ...rest } = r;
  return {
    ...rest,
    convention: 'CW',
    params: { weeks: weeks(n, 'calendar weeks from the trigger') },
    compute: (from, _ctx, p) => {
      const due = plusWeeks(from, p.weeks!);
      return { due, reason: `${what} within ${p.weeks} weeks of ${r.trigger} (${uk(from)}), so by ${uk(due)}; weekends and holidays do not pause the clock.` };
    },
  };
}

function cmRule(r: Omit<Rule, 'convention' | 'compute' | 'params'> & { months: number; what: string; roll?: boolean }): Rule {
  const { months: n, what, roll, ...rest } = r;
  return {
    ...rest,
    convention: 'CM',
    params: { months: months(n, 'calendar months from the trigger') },
    compute: (from, ctx, p) => {
      const raw = addMonths(from, p.months!);
      const due = roll ? ctx.calendar.nextWorkingDayOnOrAfter(raw) : raw;
      const rolled = due !== raw ? ` (${uk(raw)} is not a working day, so the next working day)` : '';
      return { due, reason: `${what} within ${p.months} month${p.months === 1 ? '' : 's'} of ${r.trigger} (${uk(from)}): by ${uk(due)}${rolled}.` };
    },
  };
}

/** "Within N days" (CD), or "at least N days beginning with" the trigger day, which counts as day 1 (CD-incl, DC-02). */
function cdRule(r: Omit<Rule, 'convention' | 'compute' | 'params'> & { days: number; what: string; inclusive?: boolean }): Rule {
  const { days: n, what, inclusive, ...rest } = r;
  return {
    ...rest,
    convention: inclusive ? 'CD-incl' : 'CD',
    params: { days: days(n, inclusive ? 'calendar days beginning with the trigger day' : 'calendar days after the trigger') },
    compute: (from, _ctx, p) => {
      const due = addDays(from, inclusive ? p.days! - 1 : p.days!);
      const counting = inclusive
        ? `at least ${p.days} days beginning with ${r.trigger} (${uk(from)}, day 1)`
        : `within ${p.days} days of ${r.trigger} (${uk(from)})`;
      return { due, reason: `${what} ${counting}: by ${uk(due)}.` };
    },
  };
}

/** The next occurrence of a fixed day of the year on or after a date. */
function nextFixed(from: LocalDate, month: number, day: number, everyYears = 1, parity?: 'odd'): LocalDate {
  let y = Number(from.slice(0, 4));
  for (;;) {
    const d = `${y}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}` as LocalDate;
    const ok = parity === 'odd' ? y % 2 === 1 : true;
    if (ok && d >= from) return d;
    y += parity ? 1 : everyYears;
  }
}

/**
 * EHCP-TR-02: a tribunal deadline ending in August moves to the first working day of
 * September; one ending 25 December – 1 January moves to the next working day in January; and
 * any other deadline ending on a weekend or bank holiday moves to the next working day (HESC
 * Rules 2008 r.12(2): an act due on a day that is not a working day is in time on the next one).
 */
function tribunalRoll(due: LocalDate, cal: WorkingCalendar): { due: LocalDate; why: string | null } {
  const [y, m, d] = due.split('-').map(Number) as [number, number, number];
  if (m === 8) return { due: cal.nextWorkingDayOnOrAfter(`${y}-09-01` as LocalDate), why: 'in August, so it moves to the first working day of September' };
  const christmas = 'between Christmas and New Year, so it moves to the next working day in January';
  if (m === 12 && d >= 25) return { due: cal.nextWorkingDayOnOrAfter(`${y + 1}-01-02` as LocalDate), why: christmas };
  if (m === 1 && d === 1) return { due: cal.nextWorkingDayOnOrAfter(`${y}-01-02` as LocalDate), why: christmas };
  const next = cal.nextWorkingDayOnOrAfter(due);
  return next === due ? { due, why: null } : { due: next, why: 'on a day that is not a working day, so it moves to the next working day' };
}

const REGS = 'SEND Regulations 2014 (SI 2014/1530)';

export const RULES: readonly Rule[] = [
  // ── A1. EHC needs assessment ──────────────────────────────────────────────
  cwRule({
    id: 'EHCP-NA-01',
    family: 'ehcp',
    title: 'LA decides whether to carry out an EHC needs assessment',
    trigger: 'the LA receiving the request',
    party: 'LA',
    citation: `${REGS} reg 5(1)`,
    tag: 'V',
    hard: true,
    jurisdictions: ENGLAND,
    weeks: 6,
    what: 'The LA must decide and notify',
  }),
  // School holidays do not stop this clock: only the exceptions of EHCP-ADV-02 do, and those are the OT's to raise with the LA.
  cwRule({
    id: 'EHCP-ADV-01',
    family: 'ehcp',
    title: 'OT advice requested by the LA for an EHC needs assessment',
    trigger: 'the date the practice received the LA request',
    party: 'OT (advice-giver)',
    citation: `${REGS} reg 8(1); SEND Code of Practice 9.40`,
    tag: 'S',
    hard: true,
    jurisdictions: ENGLAND,
    weeks: 6,
    what: 'Advice requested by the LA must be provided',
  }),
  cwRule({
    id: 'EHCP-NA-03',
    family: 'ehcp',
    title: 'LA notifies a decision not to issue a plan',
    trigger: 'the assessment request',
    party: 'LA',
    citation: `${REGS} reg 10(1)`,
    tag: 'V',
    hard: true,
    jurisdictions: ENGLAND,
    weeks: 16,
    what: 'The LA must notify a decision not to issue a plan',
  }),
  cdRule({
    id: 'EHCP-NA-05',
    family: 'ehcp',
    title: 'Comments on a draft EHC plan',
    trigger: 'the day the draft plan was served',
    party: 'parent / young person',
    citation: `${REGS} reg 13(1)`,
    tag: 'V',
    hard: true,
    jurisdictions: ENGLAND,
    days: 15,
    inclusive: true,
    what: 'Comments, a school preference or a meeting request are due',
  }),
  cwRule({
    id: 'EHCP-NA-06',
    family: 'ehcp',
    title: 'Final EHC plan issued',
    trigger: 'the assessment request',
    party: 'LA',
    citation: `${REGS} reg 13(2)`,
    tag: 'V',
    hard: true,
    jurisdictions: ENGLAND,
    weeks: 20,
    what: 'The final plan must be issued',
  }),
  cwRule({
    id: 'EHCP-RA-01',
    family: 'ehcp',
    title: 'Final plan after a re-assessment',
    trigger: 'notice of the decision to re-assess',
    party: 'LA',
    citation: `${REGS} reg 27(2)–(3)`,
    tag: 'V',
    hard: true,
    jurisdictions: ENGLAND,
    weeks: 14,
    what: 'The amended or replacement plan must be issued',
  }),
  cdRule({
    id: 'EHCP-RA-02',
    family: 'ehcp',
    title: 'LA decides on a request to re-assess (unverified default)',
    trigger: 'the re-assessment request',
    party: 'LA',
    citation: `${REGS} regs 24–25`,
    tag: 'U',
    hard: false,
    jurisdictions: ENGLAND,
    days: 15,
    what: 'The LA should decide on the request',
  }),
  // ── A3. Annual review, amendment, phase transfer ──────────────────────────
  {
    id: 'EHCP-AR-01',
    family: 'ehcp',
    title: 'Annual review of the EHC plan',
    trigger: 'the date the plan was made or the last review completed',
    party: 'LA',
    convention: 'CM',
    citation: 'Children and Families Act 2014 s44(1)',
    tag: 'S',
    hard: true,
    jurisdictions: ENGLAND,
    params: { months: months(12, 'calendar months beginning with the trigger day') },
    compute: (from, _c, p) => {
      // "Within 12 months starting with the date on which the plan was made": that day is day 1,
      // so the last day is the day before the anniversary, not the anniversary itself.
      const due = lastDayOfMonthsBeginning(from, p.months!);
      return { due, reason: `The plan must be reviewed within 12 months starting with ${uk(from)} (day 1): by ${uk(due)}, the day before the anniversary.` };
    },
  },
  cmRule({
    id: 'EHCP-AR-02',
    family: 'ehcp',
    title: 'Early-years review (under 5) (guidance; configurable 3–6 months)',
    trigger: 'the last review',
    party: 'LA',
    citation: 'SEND Code of Practice 9.178',
    tag: 'U',
    hard: false,
    jurisdictions: ENGLAND,
    months: 6,
    what: 'For a child under 5 the LA should consider a review',
  }),
  {
    id: 'EHCP-AR-03',
    family: 'ehcp',
    title: 'LA sends schools the list of reviews due',
    trigger: 'the start of term',
    party: 'LA',
    convention: 'CD',
    citation: 'SEND Code of Practice 9.172',
    tag: 'S',
    hard: false,
    jurisdictions: ENGLAND,
    params: { days_before: days(14, 'calendar days before the start of term') },
    compute: (from, _c, p) => {
      const due = addDays(from, -p.days_before!);
      return { due, reason: `The LA sends schools the reviews due at least 2 weeks before term starts (${uk(from)}): by ${uk(due)}.` };
    },
  },
  {
    id: 'EHCP-AR-04',
    family: 'ehcp',
    title: 'OT contribution before an annual review meeting',
    trigger: 'the annual review meeting date',
    party: 'OT (invitee)',
    convention: 'CD',
    citation: `${REGS} reg 20(2)–(4); SEND Code of Practice 9.176`,
    tag: 'V',
    hard: true,
    jurisdictions: ENGLAND,
    params: {
      days_before: days(14, 'advice circulated at least this many calendar days before the meeting (statutory)'),
      target_days_before: days(21, 'the practice’s internal target before the meeting (configurable default)'),
    },
    compute: (from, _c, p) => {
      // "At least two weeks before the meeting" counts back 14 calendar days (DC-03).
      const due = addDays(from, -p.days_before!);
      const target = addDays(from, -p.target_days_before!);
      return {
        due,
        target,
        reason: `Advice must be circulated at least 2 weeks before the review meeting on ${uk(from)}: by ${uk(due)} (practice target ${uk(target)}).`,
      };
    },
  },
  cwRule({
    id: 'EHCP-AR-05',
    family: 'ehcp',
    title: 'Review meeting report sent to all',
    trigger: 'the annual review meeting',
    party: 'head teacher / person arranging',
    citation: `${REGS} reg 20(7)–(8)`,
    tag: 'S',
    hard: true,
    jurisdictions: ENGLAND,
    weeks: 2,
    what: 'The meeting report must be sent',
  }),
  cwRule({
    id: 'EHCP-AR-06',
    family: 'ehcp',
    title: 'LA decision after an annual review (maintain, amend or cease)',
    trigger: 'the annual review meeting',
    party: 'LA',
    citation: `${REGS} reg 20(10)`,
    tag: 'S',
    hard: true,
    jurisdictions: ENGLAND,
    weeks: 4,
    what: 'The LA must notify its decision',
  }),
  cwRule({
    id: 'EHCP-AR-07',
    family: 'ehcp',
    title: 'Proposed amendments accompany the LA decision',
    trigger: 'the annual review meeting',
    party: 'LA',
    citation: 'R (L, M & P) v Devon CC [2022] EWHC 493 (Admin)',
    tag: 'S',
    hard: true,
    jurisdictions: ENGLAND,
    weeks: 4,
    what: 'Proposed amendments must accompany the decision',
  }),
  cdRule({
    id: 'EHCP-AM-01',
    family: 'ehcp',
    title: 'Comments on an amendment notice',
    trigger: 'the day the amendment notice was served',
    party: 'parent / young person',
    citation: `${REGS} reg 22(2)`,
    tag: 'V',
    hard: true,
    jurisdictions: ENGLAND,
    days: 15,
    inclusive: true,
    what: 'Comments on the proposed amendments are due',
  }),
  cwRule({
    id: 'EHCP-AM-02',
    family: 'ehcp',
    title: 'Final amended plan',
    trigger: 'the amendment notice',
    party: 'LA',
    citation: `${REGS} reg 22(3)`,
    tag: 'V',
    hard: true,
    jurisdictions: ENGLAND,
    weeks: 8,
    what: 'The final amended plan must be issued',
  }),
  {
    id: 'EHCP-PT-01',
    family: 'ehcp',
    title: 'Phase transfer (school phases): plan amended naming the new school',
    trigger: 'the transfer date (any day in the calendar year of transfer)',
    party: 'LA',
    convention: 'fixed',
    citation: `${REGS} reg 18(1)`,
    tag: 'S',
    hard: true,
    jurisdictions: ENGLAND,
    params: {},
    compute: (from) => {
      // Reg 18(1): "before 15 February", so 14 February is the last day.
      const due = `${from.slice(0, 4)}-02-14` as LocalDate;
      return {
        due,
        reason: `For a transfer between school phases in ${from.slice(0, 4)}, the amended plan naming the new school must be final before 15 February: by ${uk(due)}.`,
      };
    },
  },
  {
    id: 'EHCP-PT-02',
    family: 'ehcp',
    title: 'Phase transfer (secondary to post-16)',
    trigger: 'the transfer date (any day in the calendar year of transfer)',
    party: 'LA',
    convention: 'fixed',
    citation: `${REGS} reg 18`,
    tag: 'S',
    hard: true,
    jurisdictions: ENGLAND,
    params: {},
    compute: (from) => {
      // Reg 18: "before 31 March", so 30 March is the last day.
      const due = `${from.slice(0, 4)}-03-30` as LocalDate;
      return {
        due,
        reason: `For a move from secondary school to post-16 in ${from.slice(0, 4)}, the amended plan must be final before 31 March: by ${uk(due)}.`,
      };
    },
  },
  {
    id: 'EHCP-PT-03',
    family: 'ehcp',
    title: 'Transfer between post-16 institutions',
    trigger: 'the transfer date',
    party: 'LA',
    convention: 'CM',
    citation: `${REGS} reg 18`,
    tag: 'S',
    hard: true,
    jurisdictions: ENGLAND,
    params: { months_before: months(5, 'calendar months before the transfer') },
    compute: (from, _c, p) => {
      const due = addMonths(from, -p.months_before!);
      return { due, reason: `The amended plan must be final at least 5 months before the transfer on ${uk(from)}: by ${uk(due)}.` };
    },
  },
  {
    id: 'EHCP-PT-04',
    family: 'ehcp',
    title: 'Phase transfer back-schedule: OT advice for the transfer review',
    trigger: 'the transfer date (any day in the calendar year of transfer)',
    party: 'OT',
    convention: 'derived',
    citation: `${REGS} regs 18, 20, 22 (derived)`,
    tag: 'S',
    hard: false,
    jurisdictions: ENGLAND,
    params: {
      notice_weeks: weeks(8, 'amendment notice before the final plan'),
      meeting_weeks: weeks(4, 'review meeting before the notice'),
      advice_weeks: weeks(2, 'advice before the meeting'),
    },
    compute: (from, _c, p) => {
      const final = `${from.slice(0, 4)}-02-14` as LocalDate; // EHCP-PT-01: before 15 February
      const notice = plusWeeks(final, -p.notice_weeks!);
      const meeting = plusWeeks(notice, -p.meeting_weeks!);
      const due = plusWeeks(meeting, -p.advice_weeks!);
      return {
        due,
        reason: `Working back from the last day before 15 February (${uk(final)}): notice by ${uk(notice)}, review meeting by ${uk(meeting)}, so OT advice by ${uk(due)}.`,
        also: [
          { label: 'latest review meeting', due: meeting },
          { label: 'latest amendment notice', due: notice },
          { label: 'final plan (EHCP-PT-01)', due: final },
        ],
      };
    },
  },
  // ── A4. Mediation and tribunal ─────────────────────────────────────────────
  {
    id: 'EHCP-TR-01',
    family: 'tribunal',
    title: 'Appeal to the SEND Tribunal',
    trigger: 'the date of the LA decision letter',
    party: 'parent / young person',
    convention: 'CM',
    citation: 'HESC Rules 2008 r.20 and r.12(2); IPSEA',
    tag: 'S',
    hard: true,
    jurisdictions: ENGLAND,
    params: { months: months(2, 'months from the decision letter'), certificate_months: months(1, 'months from the mediation certificate') },
    compute: (from, ctx, p) => {
      const byLetter = addMonths(from, p.months!);
      const byCert = ctx.mediation_certificate_on ? addMonths(ctx.mediation_certificate_on, p.certificate_months!) : null;
      const raw = byCert && byCert > byLetter ? byCert : byLetter;
      const { due, why } = tribunalRoll(raw, ctx.calendar);
      const basis =
        byCert && byCert > byLetter
          ? `1 month after the mediation certificate (${uk(ctx.mediation_certificate_on!)})`
          : `2 months after the decision letter (${uk(from)})`;
      const rolled = why ? `; that falls ${why}: ${uk(due)} (EHCP-TR-02)` : '';
      return { due, reason: `The appeal must reach the Tribunal ${basis}: ${uk(raw)}${rolled}.` };
    },
  },
  cmRule({
    id: 'EHCP-TR-03',
    family: 'tribunal',
    title: 'Contact a mediation adviser before appealing',
    trigger: 'the date of the LA decision letter',
    party: 'parent / young person',
    citation: `${REGS} reg 33`,
    tag: 'V',
    hard: true,
    jurisdictions: ENGLAND,
    months: 2,
    what: 'A mediation adviser must be contacted',
  }),
  {
    id: 'EHCP-TR-04',
    family: 'tribunal',
    title: 'Mediation certificate when mediation is declined',
    trigger: 'the day the parent told the mediation adviser they did not want mediation',
    party: 'mediation adviser',
    convention: 'WD',
    citation: `${REGS} regs 34–37`,
    tag: 'S',
    hard: true,
    jurisdictions: ENGLAND,
    params: { working_days: days(3, 'working days for the certificate'), mediation_days: days(30, 'calendar days to hold mediation if pursued') },
    compute: (from, ctx, p) => {
      const due = ctx.calendar.addWorkingDays(from, p.working_days!);
      // The 30 days to hold mediation run from a different day: when the parent says they do want it.
      const held = ctx.mediation_wanted_on ? addDays(ctx.mediation_wanted_on, p.mediation_days!) : null;
      return {
        due,
        reason: `The certificate must be issued within 3 working days of ${uk(from)}: by ${uk(due)}.${
          held ? ` Mediation wanted from ${uk(ctx.mediation_wanted_on!)} must be held within 30 days: by ${uk(held)}.` : ''
        }`,
        ...(held ? { also: [{ label: 'mediation held (30 days from the day the parent said they want it)', due: held }] } : {}),
      };
    },
  },
  {
    id: 'EHCP-TR-06',
    family: 'tribunal',
    title: 'LA concedes an appeal',
    trigger: 'the day the LA told the Tribunal it would not oppose',
    party: 'LA',
    convention: 'CW',
    citation: `${REGS} reg 45 (as amended by SI 2015/359)`,
    tag: 'V',
    hard: true,
    jurisdictions: ENGLAND,
    params: {
      weeks: weeks(2, 'to notify an assessment'),
      no_plan_weeks: weeks(10, 'decision not to issue a plan'),
      plan_weeks: weeks(14, 'final plan'),
      amended_weeks: weeks(5, 'amended plan'),
    },
    compute: (from, _c, p) => {
      const due = plusWeeks(from, p.weeks!);
      return {
        due,
        reason: `After conceding on ${uk(from)} the LA must notify the assessment within 2 weeks: by ${uk(due)}.`,
        also: [
          { label: 'decision not to issue a plan', due: plusWeeks(from, p.no_plan_weeks!) },
          { label: 'final plan', due: plusWeeks(from, p.plan_weeks!) },
          { label: 'amended plan', due: plusWeeks(from, p.amended_weeks!) },
        ],
      };
    },
  },
  // ── A5. Other nations: modelled only where a timescale is known ───────────
  {
    id: 'JUR-WAL-03',
    family: 'other_nations',
    title: 'Wales: LA decides and prepares an IDP',
    trigger: 'the referral to the LA',
    party: 'LA (Wales)',
    convention: 'CW',
    citation: 'ALN and Education Tribunal (Wales) Act 2018; ALN (Wales) Regs 2021 reg 2(4)',
    tag: 'S',
    hard: true,
    jurisdictions: ['wales'],
    params: { weeks: weeks(12, 'calendar weeks') },
    compute: (from, ctx, p) => {
      const raw = plusWeeks(from, p.weeks!);
      const due = ctx.calendar.nextWorkingDayOnOrAfter(raw); // JUR-WAL-02
      return {
        due,
        reason: `A Welsh LA must decide and prepare the IDP within 12 weeks of ${uk(from)}: ${uk(raw)}${due !== raw ? `, a non-working day, so ${uk(due)} (JUR-WAL-02)` : ''}.`,
      };
    },
  },
  {
    id: 'JUR-SCO-01',
    family: 'other_nations',
    title: 'Scotland: Co-ordinated Support Plan prepared',
    trigger: 'the day the authority was asked to establish, or proposed to establish, whether a CSP is needed',
    party: 'education authority',
    convention: 'CW',
    citation: 'Education (Additional Support for Learning) (Scotland) Act 2004',
    tag: 'S',
    hard: true,
    jurisdictions: ['scotland'],
    params: { weeks: weeks(16, 'calendar weeks'), max_weeks: weeks(24, 'longest allowed') },
    compute: (from, _c, p) => {
      const due = plusWeeks(from, p.weeks!);
      return {
        due,
        reason: `The 16 weeks run from the request or proposal to establish whether a CSP is needed (${uk(from)}): the CSP by ${uk(due)} (24 weeks at most).`,
        also: [{ label: 'latest (24 weeks)', due: plusWeeks(from, p.max_weeks!) }],
      };
    },
  },
  {
    id: 'JUR-NI-01',
    family: 'other_nations',
    title: 'Northern Ireland: professional advice for a statutory assessment',
    trigger: 'the request for advice',
    party: 'advice-giver (NI)',
    convention: 'CW',
    citation: 'Education (SEN) Regs (NI) 2005; Education Authority guidance',
    tag: 'S',
    hard: true,
    jurisdictions: ['ni'],
    params: { weeks: weeks(6, 'calendar weeks'), process_weeks: weeks(26, 'whole statutory assessment') },
    compute: (from, _c, p) => {
      const due = plusWeeks(from, p.weeks!);
      return {
        due,
        reason: `Professional advice in Northern Ireland is due within 6 weeks of ${uk(from)}: by ${uk(due)}.`,
        also: [{ label: 'whole assessment (26 weeks)', due: plusWeeks(from, p.process_weeks!) }],
      };
    },
  },
  // ── B. Medico-legal (England & Wales, CPR) ─────────────────────────────────
  {
    id: 'ML-Q-01',
    family: 'medico_legal',
    title: 'CPR 35.6 written questions to the expert',
    trigger: 'the date the report was served',
    party: 'other party',
    convention: 'CLR',
    citation: 'CPR 35.6(2); Mustard v Flower [2019] EWHC 2623 (QB)',
    tag: 'S',
    hard: true,
    jurisdictions: ENGLAND_WALES,
    params: { days: days(28, 'clear days after service') },
    compute: (from, _c, p) => {
      // CPR 2.8: clear days exclude the day of service, so the 28th day after it is the last day.
      const due = addDays(from, p.days!);
      return { due, reason: `Questions may be put once, within 28 days of service of the report (${uk(from)}, not counted): last day ${uk(due)}.` };
    },
  },
  cdRule({
    id: 'ML-Q-02',
    family: 'medico_legal',
    title: 'Expert answers CPR 35.6 questions (default; per order or instructions)',
    trigger: 'the date the questions were received',
    party: 'expert (OT)',
    citation: 'CPR 35.6 (no fixed period)',
    tag: 'U',
    // No rule fixes this period: a practice default until an order or the instructions set one.
    hard: false,
    jurisdictions: ENGLAND_WALES,
    days: 28,
    what: 'Answers (which form part of the report) are due',
  }),
  {
    id: 'ML-PAP-01',
    family: 'medico_legal',
    title: 'Defendant acknowledges the letter of claim',
    trigger: 'the letter of claim',
    party: 'defendant',
    convention: 'CD',
    citation: 'Pre-Action Protocol for Personal Injury Claims',
    tag: 'S',
    hard: false,
    jurisdictions: ENGLAND_WALES,
    params: { days: days(21, 'calendar days to acknowledge'), months: months(3, 'months to state the liability position') },
    compute: (from, ctx, p) => {
      const due = addDays(from, p.days!);
      // The three months to investigate run from the acknowledgment, not the letter; until it is
      // recorded, the latest day it could have been sent stands in for it.
      const ack = ctx.acknowledged_on ?? due;
      const liability = addMonths(ack, p.months!);
      const basis = ctx.acknowledged_on ? `the acknowledgment on ${uk(ack)}` : `the latest acknowledgment (${uk(ack)}; record the real one to be exact)`;
      return {
        due,
        reason: `The defendant acknowledges within 21 days of the letter of claim (${uk(from)}): by ${uk(due)}; the liability position follows within 3 months of ${basis}: by ${uk(liability)}.`,
        also: [{ label: 'liability position (3 months from the acknowledgment)', due: liability }],
      };
    },
  },
  cdRule({
    id: 'ML-PAP-02',
    family: 'medico_legal',
    title: 'Objection to a proposed expert',
    trigger: 'the list of proposed experts',
    party: 'other party',
    citation: 'Pre-Action Protocol for Personal Injury Claims',
    tag: 'U',
    hard: false,
    jurisdictions: ENGLAND_WALES,
    days: 14,
    what: 'Any objection to the proposed expert is due',
  }),
  cdRule({
    id: 'ML-RC-01',
    family: 'medico_legal',
    title: 'Compensator responds to a rehabilitation request',
    trigger: 'the rehabilitation request',
    party: 'compensator',
    citation: 'Rehabilitation Code 2015',
    tag: 'S',
    hard: false,
    jurisdictions: ENGLAND_WALES,
    days: 21,
    what: 'The compensator must respond',
  }),
  cmRule({
    id: 'ML-CM-01',
    family: 'medico_legal',
    title: 'Case-manager update (default monthly; set by instruction)',
    trigger: 'the last update',
    party: 'case manager / OT',
    citation: 'CMSUK / BABICM practice',
    tag: 'U',
    hard: false,
    jurisdictions: ENGLAND_WALES,
    months: 1,
    what: 'The next update is due',
  }),
  // ── C. Insurers ────────────────────────────────────────────────────────────
  cmRule({
    id: 'INS-BUPA-01',
    family: 'insurer',
    title: 'Bupa invoice deadline',
    trigger: 'the treatment date',
    party: 'practice',
    citation: 'Bupa, “How to bill Bupa” (guidance for healthcare professionals)',
    tag: 'V',
    // An insurer's term, not a court deadline: a soft task, however firmly the insurer applies it.
    hard: false,
    jurisdictions: ALL,
    months: 6,
    what: 'Bupa will not pay later invoices: invoice Bupa',
  }),
  cmRule({
    id: 'INS-AXA-01',
    family: 'insurer',
    title: 'AXA Health invoice deadline (Healthcode)',
    trigger: 'the treatment date',
    party: 'practice',
    citation: 'AXA Health, provider invoicing guidance (billing through Healthcode)',
    tag: 'V',
    // An insurer's term, not a court deadline: a soft task, however firmly the insurer applies it.
    hard: false,
    jurisdictions: ALL,
    months: 6,
    what: 'AXA Health invoices must reach Healthcode',
  }),
  {
    id: 'INS-ENG-01',
    family: 'insurer',
    title: 'Authorisation expiry warning and re-authorisation report',
    trigger: 'the authorisation’s last valid day',
    party: 'practice',
    convention: 'CD',
    citation: 'Insurer pre-authorisation terms (INS-GEN-02); practice default',
    tag: 'U',
    hard: false,
    jurisdictions: ALL,
    params: { warn_days: days(30, 'calendar days before expiry to warn') },
    compute: (from, _c, p) => {
      const due = addDays(from, -p.warn_days!);
      return { due, reason: `The authorisation ends on ${uk(from)}; request more sessions (with a progress report) by ${uk(due)}.` };
    },
  },
  // ── D. Housing and work ────────────────────────────────────────────────────
  cmRule({
    id: 'DFG-03',
    family: 'housing',
    title: 'Housing authority decides a Disabled Facilities Grant',
    trigger: 'the date of the valid DFG application',
    party: 'housing authority',
    citation: 'Housing Grants, Construction and Regeneration Act 1996 s34',
    tag: 'S',
    hard: true,
    jurisdictions: ENGLAND_WALES,
    months: 6,
    what: 'The housing authority must approve or refuse',
  }),
  cmRule({
    id: 'DFG-04',
    family: 'housing',
    title: 'Latest DFG payment date',
    trigger: 'the date of the DFG application',
    party: 'housing authority',
    citation: 'Housing Grants, Construction and Regeneration Act 1996 s36',
    tag: 'S',
    hard: true,
    jurisdictions: ENGLAND_WALES,
    months: 12,
    what: 'Payment may be deferred, but must be made',
  }),
  cwRule({
    id: 'ATW-01',
    family: 'workplace',
    title: 'Access to Work application for full funding',
    trigger: 'the job start date',
    party: 'client / employer',
    citation: 'gov.uk Access to Work: employer factsheet',
    tag: 'V',
    hard: false,
    jurisdictions: GB,
    weeks: 6,
    what: 'Apply',
  }),
  cwRule({
    id: 'ATW-03',
    family: 'workplace',
    title: 'Access to Work reconsideration request',
    trigger: 'the award letter',
    party: 'client',
    citation: 'gov.uk Access to Work (unverified)',
    tag: 'U',
    hard: false,
    jurisdictions: GB,
    weeks: 4,
    what: 'Ask for a reconsideration',
  }),
  {
    id: 'EQA-02',
    family: 'workplace',
    title: 'Employment tribunal claim (reasonable adjustments)',
    trigger: 'the act complained of',
    party: 'employee',
    convention: 'CM',
    citation: 'Equality Act 2010 s123',
    tag: 'U',
    hard: true,
    jurisdictions: GB,
    params: { months: months(3, 'months less one day') },
    compute: (from, _c, p) => {
      const due = addDays(addMonths(from, p.months!), -1);
      return {
        due,
        reason: `A claim must be brought within 3 months less one day of ${uk(from)}: by ${uk(due)}, before any ACAS early-conciliation extension.`,
      };
    },
  },
  // ── E. Practice compliance ─────────────────────────────────────────────────
  {
    id: 'COMP-HCPC-01',
    family: 'compliance',
    title: 'HCPC renewal for occupational therapists',
    trigger: 'the date of the last renewal or first registration',
    party: 'each OT',
    convention: 'fixed',
    citation: 'HCPC, registration renewal periods by profession',
    tag: 'V',
    hard: true,
    jurisdictions: ALL,
    params: {},
    compute: (from) => {
      // OTs renew 1 August – 31 October in odd years; a renewal made inside a window covers the next two years.
      let due = nextFixed(from, 10, 31, 2, 'odd');
      if (from >= `${due.slice(0, 4)}-08-01`) due = `${Number(due.slice(0, 4)) + 2}-10-31` as LocalDate;
      return {
        due,
        reason: `OTs renew HCPC registration between 01/08 and 31/10 in odd years; after ${uk(from)} the next deadline is ${uk(due)}.`,
        also: [{ label: 'renewal window opens', due: `${due.slice(0, 4)}-08-01` as LocalDate }],
      };
    },
  },
  cmRule({
    id: 'COMP-IND-01',
    family: 'compliance',
    title: 'Professional indemnity renewal',
    trigger: 'the policy start date',
    party: 'practice',
    citation: 'Health Care and Associated Professions (Indemnity Arrangements) Order 2014 art 11A',
    tag: 'V',
    hard: true,
    jurisdictions: ALL,
    months: 12,
    what: 'Indemnity cover must be renewed',
  }),
  cmRule({
    id: 'COMP-RCOT-01',
    family: 'compliance',
    title: 'RCOT / BAOT membership renewal (needed for Bupa recognition)',
    trigger: 'the membership start date',
    party: 'each OT',
    citation: 'Bupa OT recognition criteria',
    tag: 'U',
    hard: false,
    jurisdictions: ALL,
    months: 12,
    what: 'Membership must be renewed',
  }),
  cmRule({
    id: 'COMP-ICO-01',
    family: 'compliance',
    title: 'ICO data protection fee',
    trigger: 'the last payment date',
    party: 'practice',
    citation: 'Data Protection (Charges and Information) Regulations 2018',
    tag: 'S',
    hard: true,
    jurisdictions: ALL,
    months: 12,
    what: 'The annual ICO fee must be paid',
  }),
  cdRule({
    id: 'COMP-DBS-01',
    family: 'compliance',
    title: 'Join the DBS Update Service',
    trigger: 'the DBS certificate issue date',
    party: 'each OT',
    citation: 'gov.uk DBS update service guide',
    tag: 'V',
    hard: false,
    jurisdictions: ['england', 'wales'],
    days: 30,
    what: 'Join the Update Service',
  }),
  cmRule({
    id: 'COMP-CE-01',
    family: 'compliance',
    title: 'Cyber Essentials renewal',
    trigger: 'the certification date',
    party: 'practice',
    citation: 'IASME Cyber Essentials knowledge base',
    tag: 'V',
    hard: false,
    jurisdictions: ALL,
    months: 12,
    what: 'Cyber Essentials certification lapses; renew',
  }),
  {
    id: 'COMP-DSPT-01',
    family: 'compliance',
    title: 'Data Security and Protection Toolkit submission',
    trigger: 'the date of the last submission',
    party: 'practice',
    convention: 'fixed',
    citation: 'NHS England, Data Security and Protection Toolkit',
    tag: 'V',
    hard: false,
    jurisdictions: ['england'],
    params: { month: { value: 6, unit: 'months', description: 'deadline month (30 June in recent years)' }, day: days(30, 'deadline day of month') },
    compute: (from, _c, p) => {
      // Annual: the next submission is due at the deadline in the following year, whether this
      // one was on time or late. A late submission does not carry the practice past a year.
      const due = `${Number(from.slice(0, 4)) + 1}-${String(p.month!).padStart(2, '0')}-${String(p.day!).padStart(2, '0')}` as LocalDate;
      return { due, reason: `After the submission on ${uk(from)}, the next annual DSPT is due by ${uk(due)} (deadline configurable).` };
    },
  },
  // ── Records and subject access ─────────────────────────────────────────────
  {
    id: 'REC-03',
    family: 'records',
    title: 'Records retention',
    trigger: 'the date treatment concluded',
    party: 'practice',
    convention: 'years',
    citation: 'Records Management Code of Practice 2021 (updated 2023)',
    tag: 'S',
    hard: false,
    jurisdictions: ENGLAND_WALES,
    params: {
      adult_years: years(8, 'after treatment ends (adults)'),
      child_birthday: years(25, 'birthday for children'),
      mental_health_years: years(20, 'after treatment ends (mental health)'),
    },
    compute: (from, ctx, p) => {
      const mentalHealth = ctx.record_kind === 'mental_health';
      const period = mentalHealth
        ? { due: addMonths(from, 12 * p.mental_health_years!), reason: `Mental health records are kept 20 years after treatment ended (${uk(from)})` }
        : { due: addMonths(from, 12 * p.adult_years!), reason: `Adult records are kept 8 years after treatment ended (${uk(from)})` };
      const child = ctx.record_kind === 'child' || (ctx.dob !== undefined && ageOn(ctx.dob, from) < 18);
      if (!child) return { due: period.due, reason: `${period.reason}: until ${uk(period.due)}.` };
      if (!ctx.dob) throw invalid('REC-03 for a child needs the date of birth (--dob).', 'dob');
      const age = ageOn(ctx.dob, from);
      const birthday = age === 17 ? p.child_birthday! + 1 : p.child_birthday!;
      const until = addMonths(ctx.dob, 12 * birthday);
      const childReason = `Children’s records are kept until their ${birthday}th birthday${age === 17 ? ' (26th because they were 17 when treatment ended)' : ''}`;
      // A child's mental health record is kept for whichever is longer: the mental health period or the birthday.
      if (mentalHealth && period.due > until) {
        return { due: period.due, reason: `${period.reason}, later than the ${birthday}th birthday (${uk(until)}): until ${uk(period.due)}.` };
      }
      if (mentalHealth) return { due: until, reason: `${childReason}, later than 20 years after treatment ended (${uk(period.due)}): until ${uk(until)}.` };
      return { due: until, reason: `${childReason}: until ${uk(until)}.` };
    },
  },
  {
    id: 'GDPR-02',
    family: 'gdpr',
    title: 'Subject access request response',
    trigger: 'the day the request was received (day 1)',
    party: 'practice',
    convention: 'CM',
    citation: 'UK GDPR Art 12(3); ICO right of access guidance',
    tag: 'S',
    hard: true,
    jurisdictions: ALL,
    params: { months: months(1, 'calendar month'), extension_months: months(2, 'further months if complex (tell the requester within the first month)') },
    compute: (from, ctx, p) => {
      const raw = addMonths(from, p.months!);
      const due = ctx.calendar.nextWorkingDayOnOrAfter(raw);
      const rolled = due !== raw ? ` (${uk(raw)} is not a working day, so the next working day)` : '';
      return {
        due,
        reason: `Respond within one month of receipt (${uk(from)}): by ${uk(due)}${rolled}.`,
        also: [{ label: 'if extended for complexity', due: ctx.calendar.nextWorkingDayOnOrAfter(addMonths(from, p.months! + p.extension_months!)) }],
      };
    },
  },
];

const BY_ID = new Map(RULES.map((r) => [r.id, r]));

/** How far a rule has been checked, in the words a practice reads beside every date it sets. */
export const TAG_WORDS: Record<Tag, string> = {
  V: 'checked against the primary text',
  S: 'secondary source — check the current text',
  U: 'practice default — check your instructions',
};

/** What kind of obligation a rule is: only statutes and court rules are called statutory or court deadlines. */
export type RuleBasis = 'statutory' | 'court' | 'guidance' | 'contractual' | 'regulator' | 'practice_default';
export const BASIS_LABELS: Record<RuleBasis, string> = {
  statutory: 'statutory',
  court: 'court rule',
  guidance: 'guidance or protocol',
  contractual: 'contractual',
  regulator: 'regulator or scheme',
  practice_default: 'practice default',
};

export function ruleBasis(r: Pick<Rule, 'id' | 'family' | 'tag' | 'hard'>): RuleBasis {
  if (r.tag === 'U') return 'practice_default';
  if (r.family === 'insurer') return 'contractual';
  if (r.family === 'compliance' || r.family === 'workplace') return 'regulator';
  // Of the medico-legal rules only CPR 35.6 is a court rule; protocols and codes are guidance.
  if (r.family === 'medico_legal') return r.id === 'ML-Q-01' ? 'court' : 'guidance';
  return r.hard ? 'statutory' : 'guidance';
}

export interface RuleStanding {
  tag: Tag;
  basis: RuleBasis;
  /** e.g. "Statutory; secondary source — check the current text", or "Practice default — check your instructions". */
  words: string;
}

const KIND_OBLIGATION: Record<string, string> = {
  statutory: 'statutory',
  court: 'court',
  contractual: 'contractual',
  renewal: 'renewal',
  chaser: 'money',
  acknowledgement: 'practice',
  report_back: 'practice',
  practice: 'practice',
  general: 'practice',
};

/**
 * What kind of obligation a task is, in a word or two: from its rule where it has one (so an
 * insurer's term is "contractual", never "statutory"), else from the kind of task.
 */
export function obligationOf(ruleId: string | null | undefined, kind: string): string {
  const standing = ruleStanding(ruleId);
  return standing ? BASIS_LABELS[standing.basis] : (KIND_OBLIGATION[kind] ?? 'practice');
}

/** A rule's standing in words, or null for an ID that is not a date-producing rule (a referral rule, a hand-made task). */
export function ruleStanding(id: string | null | undefined): RuleStanding | null {
  const r = id ? BY_ID.get(id) : undefined;
  if (!r) return null;
  const basis = ruleBasis(r);
  const label = BASIS_LABELS[basis];
  const words = basis === 'practice_default' ? TAG_WORDS.U : `${label}; ${TAG_WORDS[r.tag]}`;
  return { tag: r.tag, basis, words: words.charAt(0).toUpperCase() + words.slice(1) };
}

export function findRule(id: string): Rule {
  const rule = BY_ID.get(id.trim().toUpperCase());
  if (!rule) throw new AppError('VALIDATION', `Unknown rule ${id}: \`steve rules list\` shows them all.`, { field: 'rule' });
  return rule;
}

export const DIVISION_OF: Record<Jurisdiction, Division> = {
  england: 'england-and-wales',
  wales: 'england-and-wales',
  scotland: 'scotland',
  ni: 'northern-ireland',
};

export interface ComputedDeadline extends DueDate {
  rule: string;
  title: string;
  trigger: LocalDate;
  convention: Convention;
  citation: string;
  tag: Tag;
  hard: boolean;
}

/**
 * Applies a rule to a trigger date. A rule made for other nations is refused rather than
 * silently applied: England's SEND timers are never given to a Welsh, Scottish or NI case (JUR-UI-01).
 */
export function computeDeadline(ruleId: string, from: LocalDate, ctx: RuleContext): ComputedDeadline {
  const rule = findRule(ruleId);
  if (!rule.jurisdictions.includes(ctx.jurisdiction)) {
    const names: Record<Jurisdiction, string> = { england: 'England', wales: 'Wales', scotland: 'Scotland', ni: 'Northern Ireland' };
    throw new AppError(
      'VALIDATION',
      `${rule.id} applies to ${rule.jurisdictions.map((j) => names[j]).join(', ')} only; it is not modelled for ${names[ctx.jurisdiction]}.`,
      { field: 'jurisdiction' },
    );
  }
  const p: Record<string, number> = {};
  for (const [k, v] of Object.entries(rule.params)) p[k] = ctx.overrides?.[rule.id]?.[k] ?? v.value;
  const result = rule.compute(from, ctx, p);
  return { rule: rule.id, title: rule.title, trigger: from, convention: rule.convention, citation: rule.citation, tag: rule.tag, hard: rule.hard, ...result };
}
