/**
 * Deadlines written as a period: "within six weeks of the date of this letter", "within 28 days
 * of service", "within 10 working days", "within 14 days of the visit", "two weeks before the
 * meeting". Each is counted from its trigger: this letter (its date, "today", receipt, service
 * by this letter), a date the sentence names ("six weeks from our email of 2 October"), or an
 * event the letter arranges ("the visit", "the discussion", "the assessment"). Calendar days
 * unless the letter says working days (then the practice's bank-holiday calendar). Where a
 * statutory rule governs (EHCP advice, CPR 35.6 questions, annual review contributions) the
 * date is computed with that rule so the task can name it.
 */
import { addDays, addMonths, formatUkDate, type LocalDate } from '../domain/calendar/local-date.js';
import { workingCalendar } from '../domain/calendar/bank-holidays.js';
import { computeDeadline } from '../domain/deadlines/rules.js';
import type { Jurisdiction } from '../domain/vocabulary.js';
import type { ActionDate, DateRole } from './actions.js';
import type { Category } from './classify.js';
import type { DateMention } from './dates.js';
import { obligationHolder } from './obligation.js';

const NUMBER_WORDS: Record<string, number> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  twenty: 20,
  'twenty-one': 21,
  'twenty one': 21,
  'twenty-eight': 28,
  'twenty eight': 28,
  thirty: 30,
};
export const NUM = String.raw`(\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fourteen|fifteen|sixteen|twenty(?:[- ](?:one|eight))?|thirty)`;
export const toNumber = (s: string) => NUMBER_WORDS[s.toLowerCase()] ?? Number(s);

export interface PeriodDate extends ActionDate {
  index: number;
}

const NORMALLY = /\b(?:normally|usually|ordinarily|would normally|in most cases)\b/i;

function calendarFor(jurisdiction: Jurisdiction) {
  return workingCalendar(jurisdiction === 'scotland' ? 'scotland' : jurisdiction === 'ni' ? 'northern-ireland' : 'england-and-wales');
}

function ruleDate(ruleId: string, from: LocalDate, jurisdiction: Jurisdiction): { due: LocalDate; reason: string } | null {
  try {
    const c = computeDeadline(ruleId, from, { jurisdiction, calendar: calendarFor(jurisdiction) });
    return { due: c.due, reason: `${c.rule}: ${c.reason}` };
  } catch {
    return null;
  }
}

function sentenceBounds(text: string, at: number, end: number): [number, number] {
  // A window either side, so a long thread costs no more per period.
  const base = Math.max(0, at - 800);
  let left = base;
  for (const m of text.slice(base, at).matchAll(/[.?!]\s+(?=\S)|\n[ \t]*\n/g)) left = base + m.index! + m[0].length;
  const m = /[.?!](?:\s|$)|\n[ \t]*\n/.exec(text.slice(end, end + 800));
  return [left, m ? end + m.index + 1 : Math.min(text.length, end + 800)];
}

// What a period is counted from, after "of", "from" or "after".
const LETTER =
  /^(?:the\s+)?(?:date\s+(?:of|at the top of|on)\s+)?(?:this|the present|my|our|the)\s+(?:letter|e-?mail|notice|request|message|instructions?|referral|questions)\b|^(?:the\s+date\s+of\s+)?(?:today|receipt|receiving|service|the date of (?:this|service))\b/i;
const EVENT = /^(?:the|your|our)\s+(?:(?:site|home|initial|workplace|joint)\s+)?(visit|assessment|discussion|meeting|appointment|review|conference|hearing)\b/i;

export function findPeriodDeadlines(
  text: string,
  category: Category,
  received: LocalDate,
  jurisdiction: Jurisdiction,
  found: readonly ActionDate[],
  mentions: readonly DateMention[],
): PeriodDate[] {
  const out: PeriodDate[] = [];
  const re = new RegExp(
    String.raw`\b(within|in the next|no later than|valid for)\s+${NUM}\s+(calendar\s+|working\s+|business\s+|clear\s+)?(days?|weeks?|months?)(?:['’]?\s+time)?(?:\s+(?:of|from|after)\s+)?`,
    'gi',
  );
  for (const m of text.matchAll(re)) {
    const at = m.index!;
    const after = at + m[0].length;
    const [sl, sr] = sentenceBounds(text, at, after);
    const sentence = text.slice(sl, sr);
    if (NORMALLY.test(sentence)) continue;
    // "no later than three weeks before the meeting" is counted back from the meeting, below.
    if (/^\s*(?:before|prior to)\b/i.test(text.slice(after, after + 12))) continue;
    const clauseStart = Math.max(sl, text.lastIndexOf(', but ', at) + 1, text.lastIndexOf(';', at) + 1);
    const before = text.slice(clauseStart, at);
    const pay = /\b(?:pay|paid|payment|settle|remit\w*)\b/i.test(before + text.slice(after, after + 40));
    if (!pay && !/^valid/i.test(m[1]!) && obligationHolder(before) === 'other') continue;
    // "This authorisation is valid for 12 weeks from the date of this letter": its last day.
    const validity = /^valid/i.test(m[1]!);
    const n = toNumber(m[2]!);
    const unit = m[4]!.toLowerCase();
    const working = /working|business/i.test(m[3] ?? '');
    const trig = text.slice(after, sr);
    const hasOf = /(?:of|from|after)\s+$/i.test(m[0]);
    // The trigger: a date named in it, an event the letter arranges, or this letter.
    let from: LocalDate;
    let fromWhat = 'this letter';
    const named = mentions.find((d) => d.index >= after && d.index < after + 60 && d.index < sr);
    const event = hasOf ? EVENT.exec(trig) : null;
    if (hasOf && named && !LETTER.test(trig)) {
      from = named.date;
      fromWhat = `${trig.slice(0, named.index - after).trim()} ${formatUkDate(named.date)}`;
    } else if (event) {
      const kind = event[1]!.toLowerCase();
      const roles: DateRole[] =
        kind === 'hearing' ? ['hearing'] : kind === 'appointment' || kind === 'assessment' ? ['appointment', 'meeting'] : ['meeting', 'appointment'];
      const ev = found.filter((f) => roles.includes(f.role) && f.stated).sort((a, b) => a.date.localeCompare(b.date))[0];
      if (!ev) continue;
      from = ev.date;
      fromWhat = `the ${kind} on ${formatUkDate(ev.date)}`;
    } else if (!hasOf || LETTER.test(trig)) {
      // "…that is six weeks from our email of 2 October": the sentence names the real trigger.
      const restated = /\b(?:from|of)\s+(?:our|my|the)\s+(?:original\s+)?(?:e-?mail|letter|request)\s+(?:of|dated|sent on)\s+$/i;
      const own = mentions.find((d) => d.index > sl && d.index < sr + 200 && d.year_written && restated.test(text.slice(Math.max(0, d.index - 40), d.index)));
      if (own && /\boriginal\b/i.test(trig.slice(0, 40))) {
        from = own.date;
        fromWhat = `the request of ${formatUkDate(own.date)}`;
      } else from = received;
    } else continue;
    if (!from) continue;
    let computed: { due: LocalDate; reason: string; rule: string | null } | null = null;
    if (from === received && category === 'ehcp_advice_request' && unit.startsWith('week') && n === 6 && !working) {
      const r = ruleDate('EHCP-ADV-01', received, jurisdiction);
      if (r) computed = { ...r, rule: 'EHCP-ADV-01' };
    } else if (from === received && category === 'ml_questions' && unit.startsWith('day') && n === 28 && !working) {
      const r = ruleDate('ML-Q-02', received, jurisdiction);
      if (r) computed = { ...r, rule: 'ML-Q-02' };
    }
    if (!computed) {
      const due = working
        ? calendarFor(jurisdiction).addWorkingDays(from, unit.startsWith('week') ? 5 * n : n)
        : unit.startsWith('month')
          ? addMonths(from, n)
          : addDays(from, unit.startsWith('week') ? 7 * n : n);
      computed = {
        due,
        rule: null,
        reason: `Within ${n} ${working ? 'working ' : ''}${unit.replace(/s$/, '')}${n === 1 ? '' : 's'} of ${fromWhat}: by ${formatUkDate(due)}.`,
      };
    }
    if (computed.due <= received) continue;
    out.push({
      role: validity ? 'authorisation_expiry' : pay ? 'payment_due' : 'response_due',
      date: computed.due,
      stated: false,
      rule: computed.rule,
      reason: computed.reason,
      time: null,
      index: at,
    });
  }

  // "At least two weeks before the meeting": counted back from the meeting found in the letter.
  const meeting = found.filter((f) => f.role === 'meeting').sort((a, b) => a.date.localeCompare(b.date))[0];
  if (meeting) {
    for (const m of text.matchAll(
      new RegExp(
        String.raw`\b${NUM}\s+(weeks?|days?|working days?)\s+before\s+(?:the|this|her|his|their)\s+(?:annual\s+|review\s+)?(meeting|review|conference|mdt)\b`,
        'gi',
      ),
    )) {
      const [sl, sr] = sentenceBounds(text, m.index!, m.index! + m[0].length);
      const sentence = text.slice(sl, sr);
      if (/\b(?:normally|usually|ordinarily)\b/i.test(sentence) || obligationHolder(text.slice(sl, m.index!)) === 'other') continue;
      if (!/\b(?:please|you|your|grateful|advice|report|reports|contribution|contributions|information|comments)\b/i.test(sentence)) continue;
      const n = toNumber(m[1]!);
      const unit = m[2]!.toLowerCase();
      let computed: { due: LocalDate; reason: string; rule: string | null } | null = null;
      if (category === 'ehcp_annual_review' && unit.startsWith('week') && n === 2) {
        const r = ruleDate('EHCP-AR-04', meeting.date, jurisdiction);
        if (r) computed = { ...r, rule: 'EHCP-AR-04' };
      }
      if (!computed) {
        const due = unit.startsWith('working')
          ? addWorkingDaysBack(meeting.date, n, jurisdiction)
          : addDays(meeting.date, -n * (unit.startsWith('week') ? 7 : 1));
        computed = { due, rule: null, reason: `${n} ${unit} before the ${m[3]!.toLowerCase()} on ${formatUkDate(meeting.date)}: by ${formatUkDate(due)}.` };
      }
      if (computed.due > received)
        out.push({ role: 'response_due', date: computed.due, stated: false, rule: computed.rule, reason: computed.reason, time: null, index: m.index! });
    }
  }
  // An explicit date for the same action in the same sentence wins over the rule it restates.
  return out.filter((p) => {
    const [sl, sr] = sentenceBounds(text, p.index, p.index + 1);
    return !found.some((f) => f.stated && (f.role === 'response_due' || f.role === 'payment_due') && f.date !== p.date && textIndexIn(f, sl, sr));
  });
}

function textIndexIn(f: ActionDate, from: number, to: number): boolean {
  const at = (f as Partial<PeriodDate>).index;
  return at !== undefined && at >= from && at < to;
}

function addWorkingDaysBack(d: LocalDate, n: number, jurisdiction: Jurisdiction): LocalDate {
  const cal = calendarFor(jurisdiction);
  let x = d;
  let left = n;
  while (left > 0) {
    x = addDays(x, -1);
    if (cal.isWorkingDay(x)) left--;
  }
  return x;
}
