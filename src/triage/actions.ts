/**
 * The dates the practice must act on, each with its role, and the facts beside them.
 *
 * Each written date is read in its clause: the words before it ("by", "listed for", "valid
 * until", "pay … by") give the role; past dates, dates of birth, vacated or cancelled dates
 * and other people's deadlines ("the parties must file …", "they will circulate …") are
 * dropped. Periods ("within six weeks of the date of this letter", "two weeks before the
 * meeting") are counted with the deadline rules (docs/RULES.md) where one governs, so the task
 * can name its rule; a date written in the letter wins over the rule it quotes.
 */
import { addDays, addMonths, formatUkDate, type LocalDate } from '../domain/calendar/local-date.js';
import { workingCalendar } from '../domain/calendar/bank-holidays.js';
import { computeDeadline } from '../domain/deadlines/rules.js';
import type { Jurisdiction } from '../domain/vocabulary.js';
import type { Category } from './classify.js';
import { findDates, type DateMention } from './dates.js';

export const DATE_ROLES = ['response_due', 'meeting', 'appointment', 'hearing', 'authorisation_expiry', 'payment_due'] as const;
export type DateRole = (typeof DATE_ROLES)[number];

export interface ActionDate {
  role: DateRole;
  date: LocalDate;
  /** True when the date is written in the document; false when counted from a rule or period. */
  stated: boolean;
  /** The deadline rule the date was computed with (its ID in docs/RULES.md), when one governs. */
  rule: string | null;
  /** Why this date: the sentence it came from or the computation. */
  reason: string;
  time: string | null;
}

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
const NUM = String.raw`(\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fourteen|fifteen|sixteen|twenty(?:[- ](?:one|eight))?|thirty)`;
const toNumber = (s: string) => NUMBER_WORDS[s.toLowerCase()] ?? Number(s);

const NEGATED =
  /\b(?:vacated|cancel+ed|cancel|no longer|won['’]t|will not be (?:at|able|there)|can['’]t make|cannot make|unable to make|superseded|postponed|moved from|instead of)\b/i;
const NOT_NEGATED = /\bnot (?:been )?vacated\b|\bhas not been cancel+ed\b/i;
const THIRD_PARTY =
  /\b(?:the parties|parties['’]|each party|they will|we will|we['’]ll|the school will|the council will|the tribunal will|the la will|parents? (?:have|must|will)|we(?:['’]re| are) due|they(?:['’]re| are) due|the defendant will)\b/i;
const OT_ACTION = /\b(?:please|you|your|grateful|advice|report|reports|answers|contribution|recommendations|statement|reply|response)\b/i;
const NORMALLY = /\b(?:normally|usually|ordinarily|would normally|in most cases)\b/i;

const CUES: { role: DateRole | 'event'; re: RegExp }[] = [
  { role: 'authorisation_expiry', re: /\b(?:valid until|valid to|remains valid|expires?(?: on)?|expiry(?: date)?|authori[sz]ation ends|ends on)\b/gi },
  { role: 'payment_due', re: /\b(?:pay|paid|payment|premium|remit\w*)\b/gi },
  { role: 'hearing', re: /\b(?:hearing|trial|listed for|relisted(?: for)?|window commencing|give (?:oral )?evidence)\b/gi },
  {
    role: 'meeting',
    re: /\b(?:meeting|mdt|case conference|conference|review will be held|will be held|discussion|slot|visit the property|joint visit|site visit|on site)\b/gi,
  },
  { role: 'appointment', re: /\b(?:session|appointment|rebook|re-book|reschedule|home visit|visit)\b/gi },
  { role: 'event', re: /\b(?:attend|join|invited)\b/gi },
];

function clauseBounds(text: string, at: number, end: number, prevEnd: number, nextStart: number): [number, number] {
  const before = text.slice(0, at);
  let left = Math.max(prevEnd, 0);
  for (const re of [/[.?!]\s+(?=\S)/g, /\n[ \t]*\n/g, /\n[ \t]*(?:[-*•]|\(?[a-z0-9]\)|\d+\.)\s+/g, /,\s+(?:and|but|so)\s+/g, /;\s+/g]) {
    for (const m of before.matchAll(re)) if (m.index! + m[0].length > left) left = m.index! + m[0].length;
  }
  const after = text.slice(end);
  let right = nextStart < 0 ? text.length : nextStart;
  for (const re of [/[.?!](?:\s|$)/, /\n[ \t]*\n/, /;\s/]) {
    const m = re.exec(after);
    if (m && end + m.index < right) right = end + m.index;
  }
  return [left, right];
}

function sentenceAround(text: string, at: number, end: number): string {
  const before = text.slice(0, at);
  let left = 0;
  for (const m of before.matchAll(/[.?!]\s+(?=\S)|\n[ \t]*\n/g)) left = m.index! + m[0].length;
  const m = /[.?!](?:\s|$)|\n[ \t]*\n/.exec(text.slice(end));
  return text.slice(left, m ? end + m.index + 1 : text.length);
}

function nearestCue(leftText: string, rightText: string): DateRole | 'event' | null {
  let best: { role: DateRole | 'event'; dist: number } | null = null;
  for (const { role, re } of CUES) {
    for (const m of leftText.matchAll(re)) {
      const dist = leftText.length - (m.index! + m[0].length);
      if (!best || dist < best.dist) best = { role, dist };
    }
  }
  if (best) return best.role;
  for (const { role, re } of CUES) {
    re.lastIndex = 0;
    const m = re.exec(rightText.slice(0, 60));
    if (m && role !== 'event' && role !== 'appointment') return role;
  }
  return null;
}

const DEFAULT_EVENT: Partial<Record<Category, DateRole>> = {
  ehcp_annual_review: 'meeting',
  tribunal: 'hearing',
  appointment_change: 'appointment',
};

interface Found extends ActionDate {
  index: number;
}

export interface ActionInput {
  text: string;
  category: Category;
  received: LocalDate;
  jurisdiction?: Jurisdiction;
}

function ruleDate(ruleId: string, from: LocalDate, jurisdiction: Jurisdiction): { due: LocalDate; reason: string } | null {
  try {
    const c = computeDeadline(ruleId, from, {
      jurisdiction,
      calendar: workingCalendar(jurisdiction === 'scotland' ? 'scotland' : jurisdiction === 'ni' ? 'northern-ireland' : 'england-and-wales'),
    });
    return { due: c.due, reason: `${c.rule}: ${c.reason}` };
  } catch {
    return null;
  }
}

export function findActionDates(input: ActionInput): ActionDate[] {
  const { text, category, received } = input;
  const jurisdiction = input.jurisdiction ?? 'england';
  const mentions = findDates(text, received);
  const found: Found[] = [];
  const events: Found[] = [];

  mentions.forEach((d: DateMention, i) => {
    if (d.date <= received) return;
    const prev = mentions[i - 1];
    const next = mentions[i + 1];
    const [l, r] = clauseBounds(text, d.index, d.end, prev ? prev.end : 0, next ? next.index : -1);
    const left = text.slice(l, d.index);
    const right = text.slice(d.end, r);
    const sentence = sentenceAround(text, d.index, d.end);
    if (/\b(?:DOB|date of birth|born)\b[\s:]*$/i.test(left)) return;
    if (prev && d.index - prev.end < 12 && /^\s*(?:to|until|till|-|–|and)\s*$/i.test(text.slice(prev.end, d.index))) return; // the end of a range
    if (/\b(?:after|since|from|between)\s*$/i.test(left)) return;
    const clause = left + right;
    if (NEGATED.test(clause) && !NOT_NEGATED.test(clause)) return;
    let time = d.time;
    const timeLine = time ? null : /^[^\n]{0,40}\n[ \t]*time\s*:\s*(\d{1,2})(?:[.:](\d{2}))?\s*(am|pm)?/i.exec(text.slice(d.end, d.end + 160));
    if (timeLine) {
      let h = Number(timeLine[1]);
      if (timeLine[3]?.toLowerCase() === 'pm' && h < 12) h += 12;
      if (h < 24) time = `${String(h).padStart(2, '0')}:${timeLine[2] ?? '00'}`;
    }
    const base = { date: d.date, stated: true, rule: null, time, index: d.index, reason: sentence.replace(/\s+/g, ' ').trim().slice(0, 240) };
    const isPayment = /\b(?:pay|paid|payment|premium)\b/i.test(clause);
    if (
      /\b(?:by|no later than|on or before|before|deadline(?: of| is)?|due(?: on| by)?)\s*(?:the\s+)?$/i.test(left) ||
      /\b(?:by|no later than)\s+(?:\d{1,2}(?:[.:]\d{2})?\s*(?:am|pm)\s+on\s+)$/i.test(left)
    ) {
      if (isPayment) found.push({ ...base, role: 'payment_due' });
      else if (!THIRD_PARTY.test(sentence.slice(0, sentence.indexOf(d.text) >= 0 ? sentence.indexOf(d.text) : undefined)))
        found.push({ ...base, role: 'response_due' });
      return;
    }
    let role = nearestCue(left, right);
    if (role === 'authorisation_expiry' && !/authori[sz]/i.test(sentence)) role = null;
    if (role === 'appointment' && category !== 'appointment_change' && !/\bappointment\b/i.test(clause)) role = /\bvisit\b/i.test(clause) ? 'meeting' : null;
    if (role === 'meeting' && category === 'appointment_change') role = 'appointment';
    if (role === 'event') {
      events.push({ ...base, role: DEFAULT_EVENT[category] ?? 'meeting' });
      return;
    }
    if (!role) {
      // A bare date in a meeting notice ("Date: Tuesday 14 July 2026", a line under "You are invited:").
      const fallback = DEFAULT_EVENT[category];
      if (fallback && !/\b(?:dated|of|on which|received|sent|issued)\s*$/i.test(left)) found.push({ ...base, role: fallback });
      return;
    }
    found.push({ ...base, role });
  });
  // "Can you attend on 13 January?" refers to an event already named, or is the event itself.
  for (const e of events) if (!found.some((f) => f.date === e.date)) found.push(e);

  // Periods counted from this letter: "within six weeks of the date of this request".
  const sentencesWithPeriods = text.matchAll(
    new RegExp(
      String.raw`\bwithin\s+${NUM}\s+(calendar\s+|working\s+)?(days?|weeks?|months?)\s+(?:of|from)\s+(?:the\s+date\s+of\s+|receiving\s+|receipt\s+of\s+)?(?:this|the|my|our)\s+(letter|e-?mail|request|notice|message|instructions?|referral)\b`,
      'gi',
    ),
  );
  for (const m of sentencesWithPeriods) {
    const sentence = sentenceAround(text, m.index!, m.index! + m[0].length);
    if (NORMALLY.test(sentence) || !OT_ACTION.test(sentence) || THIRD_PARTY.test(sentence)) continue;
    if (m[2] && /working/i.test(m[2])) continue;
    const n = toNumber(m[1]!);
    const unit = m[3]!.toLowerCase();
    let computed: { due: LocalDate; reason: string; rule: string | null } | null = null;
    if (category === 'ehcp_advice_request' && unit.startsWith('week') && n === 6) {
      const r = ruleDate('EHCP-ADV-01', received, jurisdiction);
      if (r) computed = { ...r, rule: 'EHCP-ADV-01' };
    } else if (category === 'ml_questions' && unit.startsWith('day') && n === 28) {
      const r = ruleDate('ML-Q-02', received, jurisdiction);
      if (r) computed = { ...r, rule: 'ML-Q-02' };
    }
    if (!computed) {
      const due = unit.startsWith('month') ? addMonths(received, n) : addDays(received, unit.startsWith('week') ? 7 * n : n);
      computed = {
        due,
        rule: null,
        reason: `Within ${n} ${unit.replace(/s$/, '')}${n === 1 ? '' : 's'} of the ${m[4]!.toLowerCase()} dated ${formatUkDate(received)}: by ${formatUkDate(due)}.`,
      };
    }
    found.push({ role: 'response_due', date: computed.due, stated: false, rule: computed.rule, reason: computed.reason, time: null, index: m.index! });
  }
  // "At least two weeks before the meeting": counted back from the meeting found above.
  const meeting = found.filter((f) => f.role === 'meeting').sort((a, b) => a.date.localeCompare(b.date))[0];
  if (meeting) {
    for (const m of text.matchAll(
      new RegExp(String.raw`\b${NUM}\s+(weeks?|days?)\s+before\s+(?:the|this|her|his|their)\s+(?:annual\s+)?(meeting|review|conference|mdt)\b`, 'gi'),
    )) {
      const sentence = sentenceAround(text, m.index!, m.index! + m[0].length);
      if (NORMALLY.test(sentence) || !OT_ACTION.test(sentence) || THIRD_PARTY.test(sentence.slice(0, sentence.indexOf(m[0])))) continue;
      const days = toNumber(m[1]!) * (m[2]!.toLowerCase().startsWith('week') ? 7 : 1);
      let computed: { due: LocalDate; reason: string; rule: string | null } | null = null;
      if (category === 'ehcp_annual_review' && days === 14) {
        const r = ruleDate('EHCP-AR-04', meeting.date, jurisdiction);
        if (r) computed = { ...r, rule: 'EHCP-AR-04' };
      }
      if (!computed) {
        const due = addDays(meeting.date, -days);
        computed = { due, rule: null, reason: `${days} days before the ${m[3]!.toLowerCase()} on ${formatUkDate(meeting.date)}: by ${formatUkDate(due)}.` };
      }
      if (computed.due > received)
        found.push({ role: 'response_due', date: computed.due, stated: false, rule: computed.rule, reason: computed.reason, time: null, index: m.index! });
    }
  }
  // A newsletter's course dates ask nothing of the practice; a bill's due date does.
  const kept = category === 'other' ? found.filter((f) => f.role === 'payment_due') : found;
  // One entry per role and date; a date written in the letter beats the same date computed.
  const out = new Map<string, Found>();
  for (const f of kept.sort((a, b) => a.index - b.index)) {
    const k = `${f.role}:${f.date}`;
    const had = out.get(k);
    if (!had) out.set(k, f);
    else if (!had.stated && f.stated) out.set(k, { ...f, rule: had.rule });
  }
  // The same date under two roles: an appointment, meeting or hearing outranks a reply by then.
  const byDate = new Map<string, Found[]>();
  for (const f of out.values()) byDate.set(f.date, [...(byDate.get(f.date) ?? []), f]);
  const result: ActionDate[] = [];
  for (const list of byDate.values()) {
    const strong = list.filter((f) => f.role !== 'response_due' || !f.stated);
    const pick = list.length > 1 && strong.length > 0 ? strong : list;
    const seenRoles = new Set<string>();
    for (const { index: _i, ...f } of pick) {
      if (seenRoles.has(f.role)) continue;
      seenRoles.add(f.role);
      result.push(f);
    }
  }
  // Where a letter writes its own date for a statutory EHCP reply, that date wins over the rule.
  const statedReply = result.some((f) => f.role === 'response_due' && f.stated);
  return result
    .filter((f) => !(statedReply && !f.stated && (f.rule === 'EHCP-ADV-01' || f.rule === 'EHCP-AR-04')))
    .sort((a, b) => a.date.localeCompare(b.date));
}

// ── facts ──────────────────────────────────────────────────────────────────────

const MONEY = /(?:£|GBP\s?)(\d{1,3}(?:,\d{3})*(?:\.\d{1,2})?|\d+(?:\.\d{1,2})?)\b/g;
const money = (s: string) => Number(s.replace(/,/g, ''));

export interface Facts {
  sessions_authorised?: number;
  amount_gbp?: number;
  clients?: string[];
  meeting_time?: string;
}

export function findFacts(text: string, category: Category, dates: ActionDate[], tableClients: string[]): Facts {
  const facts: Facts = {};
  const sessions =
    /\bsessions authori[sz]ed\s*:?\s*(\d{1,3})\b/i.exec(text) ??
    new RegExp(
      String.raw`\b(?:authori[sz]ed|approved|agreed to fund)\s+${NUM}\s+(?:further\s+|more\s+|additional\s+)?(?:sessions|treatments|appointments)\b`,
      'i',
    ).exec(text);
  if (sessions && category === 'insurer_authorisation') facts.sessions_authorised = toNumber(sessions[1]!);

  if (['payment', 'insurer_authorisation', 'ml_instruction', 'ml_update', 'other'].includes(category)) {
    let amount: number | null = null;
    const pay = dates.find((d) => d.role === 'payment_due');
    if (pay) {
      const m = [...pay.reason.matchAll(MONEY)].map((x) => x[1]!);
      if (m.length) amount = money(m[0]!);
    }
    if (amount === null && (category !== 'other' || pay)) {
      const total = /^[ \t]*(?:[^\n]*\s)?total(?: payable| paid| due| amount)?\b[^\n]*$/im.exec(text);
      const inTotal = total ? [...total[0].matchAll(MONEY)].map((x) => x[1]!) : [];
      if (inTotal.length) amount = money(inTotal[inTotal.length - 1]!);
    }
    if (amount === null) {
      const labelled =
        /\bamount (?:invoiced|claimed|in dispute|authori[sz]ed)\s*:?\s*(?:£|GBP\s?)([\d,]+(?:\.\d{1,2})?)/i.exec(text) ??
        /\bmaximum(?: of)?\s*(?:£|GBP\s?)([\d,]+(?:\.\d{1,2})?)/i.exec(text) ??
        /\bup to\s*(?:£|GBP\s?)([\d,]+(?:\.\d{1,2})?)(?!\s*(?:per|an?\s|each))/i.exec(text);
      if (labelled) amount = money(labelled[1]!);
    }
    if (amount === null && category !== 'other') {
      for (const s of text.split(/(?<=[.?!])\s+/)) {
        if (!/\binvoice\b/i.test(s)) continue;
        const m = [...s.matchAll(MONEY)];
        if (m.length) {
          amount = money(m[0]![1]!);
          break;
        }
      }
    }
    if (amount !== null && amount > 0) facts.amount_gbp = amount;
  }
  if (tableClients.length > 1) facts.clients = tableClients;
  const meeting = dates.find((d) => d.role === 'meeting' && d.time);
  if (meeting?.time) facts.meeting_time = meeting.time;
  return facts;
}
