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
import type { LocalDate } from '../domain/calendar/local-date.js';
import type { Jurisdiction } from '../domain/vocabulary.js';
import type { Category } from './classify.js';
import { findDates, type DateMention } from './dates.js';
import { inSpans, infoOnlySpans, obligationHolder } from './obligation.js';
import { findPeriodDeadlines, NUM, toNumber } from './periods.js';

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

const NEGATED =
  /\b(?:vacated|cancel+ed|cancel|no longer|won['’]?t|will not (?:be (?:at|able|there)|take place|go ahead)|can['’]?t (?:make|do|manage)|cannot (?:make|do|manage)|unable to (?:make|do|attend)|superseded|postponed|moved from|instead of|(?:do not|don['’]?t|no|not) need to (?:attend|come|be there)|not (?:be )?required to attend)\b/i;
const NOT_NEGATED = /\bnot (?:been )?vacated\b|\bhas not been cancel+ed\b/i;
// A date the writer says was, not will be: the old slot of a moved meeting, an earlier invitation.
const PAST_CONTEXT =
  /\b(?:wrote|invited you|was (?:due|listed|booked|arranged|fixed|set|planned)|were (?:due|booked)|had been|originally|previously|pencilled)\b/i;
const MOVED = /\b(?:moved|rearranged|re-arranged|rescheduled|relisted|re-listed|postponed|adjourned|new (?:date|arrangements|time)|changed to|instead)\b/i;
// A filing or service deadline of the case (court, tribunal): the practice's own date is the
// earlier one its instructing party sets so that it can file in time.
const FILING = /\b(?:filed?|serve[ds]?|lodged?|evidence deadline|final evidence)\b/i;

const CUES: { role: DateRole | 'event'; re: RegExp }[] = [
  {
    role: 'authorisation_expiry',
    re: /\b(?:valid until|valid to|valid\s*:|remains valid|expires?(?: on)?|expiry(?: date)?|authori[sz]ation ends|ends on|treatment given after)\b/gi,
  },
  { role: 'payment_due', re: /\b(?:pay|paid|payment|premium|remit\w*|funds will be|bacs)\b/gi },
  { role: 'hearing', re: /\b(?:hearing|trial|listed for|relisted(?: for)?|window commencing|window opening|give (?:oral )?evidence)\b/gi },
  {
    role: 'meeting',
    re: /\b(?:meeting|mdt|case conference|conference|review|will be held|discussion|slot|visit the property|joint visit|initial visit|site visit|site meeting|meet(?:ing)? on site|at the property|handover|meet (?:us|you)|measure up)\b/gi,
  },
  { role: 'appointment', re: /\b(?:session|appointment|rebook|re-book|reschedule|home visit|visit|assess|observe|available)\b/gi },
  { role: 'event', re: /\b(?:attend|join|invited)\b/gi },
];

// Clauses and sentences are looked for in a window before the date, so a long thread costs no more per date.
const WINDOW = 800;

function clauseBounds(text: string, at: number, end: number, prevEnd: number, nextStart: number): [number, number] {
  const base = Math.max(0, at - WINDOW);
  const before = text.slice(base, at);
  let left = Math.max(prevEnd, base);
  for (const re of [
    /[.?!]\s+(?=\S)/g,
    /\n[ \t]*\n/g,
    /\n[ \t]*(?:[-*•]|\(?[a-z0-9]\)|\d+\.)\s+/g,
    /,\s+(?:and|but|so)\s+/g,
    /;\s+/g,
    /\s+[-–]\s+(?=[a-z])/g,
    /\n(?=[^\n]*\.{3,})/g,
  ]) {
    for (const m of before.matchAll(re)) if (base + m.index! + m[0].length > left) left = base + m.index! + m[0].length;
  }
  const after = text.slice(end, end + WINDOW);
  let right = nextStart < 0 ? text.length : nextStart;
  for (const re of [/[.?!](?:\s|$)/, /\n[ \t]*\n/, /;\s/]) {
    const m = re.exec(after);
    if (m && end + m.index < right) right = end + m.index;
  }
  return [left, right];
}

function sentenceAround(text: string, at: number, end: number): string {
  const left = sentenceStart(text, at);
  const m = /[.?!](?:\s|$)|\n[ \t]*\n/.exec(text.slice(end, end + WINDOW));
  return text.slice(left, m ? end + m.index + 1 : Math.min(text.length, end + WINDOW));
}

function sentenceStart(text: string, at: number): number {
  const base = Math.max(0, at - WINDOW);
  let left = base;
  for (const m of text.slice(base, at).matchAll(/[.?!]\s+(?=\S)|\n[ \t]*\n/g)) left = base + m.index! + m[0].length;
  return left;
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
  /** Said of the past or of an arrangement since changed. */
  past?: boolean;
  /** A filing or service deadline of the case. */
  filing?: boolean;
}

export interface ActionInput {
  text: string;
  category: Category;
  received: LocalDate;
  jurisdiction?: Jurisdiction;
}

/** Scanned letters read "l" as "1" ("schoo1", "wi11"): the words are mended for reading context only, keeping every offset. */
function mendOcr(text: string): string {
  return text.replace(/(?<=[A-Za-z])1|1(?=[a-z]{2})/g, 'l');
}

export function findActionDates(input: ActionInput): ActionDate[] {
  const { category, received } = input;
  const text = mendOcr(input.text);
  const jurisdiction = input.jurisdiction ?? 'england';
  const mentions = findDates(input.text, received);
  const infoOnly = infoOnlySpans(text);
  const found: Found[] = [];
  const events: Found[] = [];

  mentions.forEach((d: DateMention, i) => {
    if (d.date <= received) return;
    const prev = mentions[i - 1];
    const next = mentions[i + 1];
    // "Valid: 12/11/2026 – 11/02/2027": the end of a validity range is the authorisation's last day.
    if (
      prev &&
      d.index - prev.end < 6 &&
      /^\s*(?:to|until|-|–)\s*$/i.test(input.text.slice(prev.end, d.index)) &&
      /\bvalid\b/i.test(text.slice(Math.max(0, prev.index - 40), prev.index))
    )
      found.push({ role: 'authorisation_expiry', date: d.date, stated: true, rule: null, time: null, index: d.index, reason: 'Valid until this date.' });
    const [l, r] = clauseBounds(text, d.index, d.end, prev ? prev.end : 0, next ? next.index : -1);
    const left = text.slice(l, d.index);
    const right = text.slice(d.end, r);
    const sentence = sentenceAround(text, d.index, d.end);
    const sentenceLeft = text.slice(sentenceStart(text, d.index), d.index);
    if (/\b(?:DOB|date of birth|born)\b[\s:]*$/i.test(left)) return;
    if (prev && d.index - prev.end < 12 && /^\s*(?:to|until|till|-|–|and)\s*$/i.test(text.slice(prev.end, d.index))) return; // the end of a range
    if (/\b(?:after|since|from|between)\s*$/i.test(left)) return;
    // "hold 11 to 14 October free": the end of a range of days.
    if (/\b\d{1,2}(?:st|nd|rd|th)?\s*(?:to|-|–|until)\s*$/i.test(left)) return;
    // The client's own medical appointments ("her neurology review is on…") are not the practice's.
    const medical =
      /\b(?:clinic|hospital|consultant|neurology|outpatients?|infusion|dentist|rheumatology|scan|operation|surgery)\b/i.test(left) &&
      !/\b(?:you|your|OT|joint)\b/i.test(left);
    const clause = left + right;
    // A negation before the date counts from the last comma: "can't make Thursday, could we do Friday week?".
    const negatable = left.slice(left.lastIndexOf(',') + 1) + right;
    if (NEGATED.test(negatable) && !NOT_NEGATED.test(negatable)) return;
    // "We're due on site Monday": the writer's own booking, not the practice's.
    if (/\b(?:we|they)(?:['’]re| are) due\b/i.test(left)) return;
    // Relative phrases ("Friday", "tomorrow") count only where the clause asks or arranges something.
    if (
      d.relative &&
      !/^(?:this|next|coming|a week|a fortnight|tomorrow)\b/i.test(d.text) &&
      !/\b(?:by|on|until|till|before|for|do|have|make|from)\s+$/i.test(left.slice(-15))
    )
      return;
    const informational = inSpans(infoOnly, d.index) && !/\b(?:you|your)\b/i.test(clause);
    let time = d.time;
    const timeLine = time ? null : /^[^\n]{0,40}\n[ \t]*time\s*:\s*(\d{1,2})(?:[.:](\d{2}))?\s*(am|pm)?/i.exec(text.slice(d.end, d.end + 160));
    if (timeLine) {
      let h = Number(timeLine[1]);
      if (timeLine[3]?.toLowerCase() === 'pm' && h < 12) h += 12;
      if (h < 24) time = `${String(h).padStart(2, '0')}:${timeLine[2] ?? '00'}`;
    }
    const base = {
      date: d.date,
      stated: true,
      rule: null,
      time,
      index: d.index,
      reason: sentence.replace(/\s+/g, ' ').trim().slice(0, 240),
      past: PAST_CONTEXT.test(sentenceLeft),
      filing: FILING.test(left),
    };
    const isPayment =
      /\b(?:pay|paid|payment|premium|remit\w*|funds|instal+ments?)\b/i.test(left) ||
      /^\W{0,3}(?:for )?(?:payment|pay)\b/i.test(right) ||
      /£\s?[\d,]+(?:\.\d{2})?\s+(?:on|by)\s*$/i.test(left);
    if (
      (/\b(?:by|no later than|on or before|before|deadline(?: of| is)?|due(?: on| by)?)\s*(?:\d{1,2}(?:[.:]\d{2})?\s*(?:am|pm)?\s+on\s+)?(?:the\s+)?$/i.test(
        left,
      ) ||
        /\b(?:deadline|due date|last date|final date|closing date)\b[^.]*\bis\s*$/i.test(left)) &&
      !/\b(?:listed|held|fixed|arranged|booked|starting)\b[^,]*\s*$/i.test(left)
    ) {
      // "These sessions must take place by 31 December": the last day of an authorisation.
      if (/\bsessions?\b[^.]*\b(?:must|should|to|need to)\s+(?:take place|be used|be completed|be delivered|be attended)\b[^.]*$/i.test(left))
        found.push({ ...base, role: 'authorisation_expiry' });
      else if (isPayment && !/\b(?:please|could you|can you)\b(?![^.]*\bpay)/i.test(left)) found.push({ ...base, role: 'payment_due' });
      else if (!informational && obligationHolder(left) === 'practice') found.push({ ...base, role: 'response_due' });
      return;
    }
    if (informational) return;
    let role = nearestCue(left, right);
    if (!role && category !== 'appointment_change') {
      // No cue in the clause: the sentence, then the sentence before, names the event.
      const before = text.slice(Math.max(0, sentenceStart(text, Math.max(0, sentenceStart(text, d.index) - 2))), d.index);
      // …or the sentence after it ("Thursday 27 May at 2pm suits her. The discussion will be by Teams.").
      const nextSentence = text.slice(r, r + 160);
      const r2 = nearestCue(before, '') ?? (d.time ? nearestCue(nextSentence, '') : null);
      if (r2 && r2 !== 'payment_due' && r2 !== 'authorisation_expiry' && (d.time || r2 !== 'event')) role = r2;
    }
    if (role === 'authorisation_expiry' && !/authori[sz]|treatment|sessions?\b/i.test(sentence)) role = null;
    if (medical && (role === 'meeting' || (role === 'appointment' && category !== 'appointment_change'))) return;
    if (role === 'appointment' && category !== 'appointment_change' && !/\b(?:appointment|assess|observe|available)/i.test(clause))
      role = /\bvisit\b/i.test(clause) ? 'meeting' : null;
    if (role === 'meeting' && category === 'appointment_change') role = 'appointment';
    // A decision panel meets without the therapist unless the letter invites them.
    if (role === 'meeting' && /\bpanel\b/i.test(clause) && !/\b(?:invite|attend|join|you)\b/i.test(clause)) return;
    if (role === 'payment_due' && obligationHolder(left) === 'other' && !/\b(?:pay|paid|payment)\b/i.test(left)) return;
    if (role === 'event') {
      events.push({ ...base, role: DEFAULT_EVENT[category] ?? 'meeting' });
      return;
    }
    // "can be downloaded … until 31 January": an availability window, not an event.
    if (!role && /\b(?:until|till|up to)\s*$/i.test(left)) return;
    if (!role) {
      // A bare date in a meeting notice ("Date: Tuesday 14 July 2026", a line under "You are invited:").
      const fallback = DEFAULT_EVENT[category];
      if (fallback && !/\b(?:dated|of|on which|received|sent|issued)\s*$/i.test(left) && obligationHolder(left) !== 'other')
        found.push({ ...base, role: fallback });
      return;
    }
    found.push({ ...base, role });
  });
  // "Can you attend on 13 January?" refers to an event already named, or is the event itself.
  for (const e of events) if (!found.some((f) => f.date === e.date)) found.push(e);

  found.push(...findPeriodDeadlines(text, category, received, jurisdiction, found, mentions));

  // A meeting, hearing or appointment that was moved: the old date goes, the new one stays.
  if (MOVED.test(text)) {
    for (const role of ['meeting', 'hearing', 'appointment'] as const) {
      const list = found.filter((f) => f.role === role);
      if (list.some((f) => !f.past) && list.some((f) => f.past)) for (const f of list) if (f.past) found.splice(found.indexOf(f), 1);
    }
  }
  // The sender's earlier date for the practice's part beats the formal filing date it serves.
  const asked = found.filter((f) => f.role === 'response_due' && f.stated && !f.filing);
  const work = (t: string) => new Set([...t.toLowerCase().matchAll(/\b(report|statement|answer|evidence|advice|addendum|comment)s?\b/g)].map((m) => m[1]!));
  for (const f of [...found]) {
    if (f.role !== 'response_due' || !f.filing) continue;
    const nouns = work(f.reason);
    const near = (a: Found) => Math.abs(a.index - f.index) < 250 || (Math.abs(a.index - f.index) < 1500 && [...work(a.reason)].some((n) => nouns.has(n)));
    if (asked.some((a) => a.date < f.date && near(a))) found.splice(found.indexOf(f), 1);
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
    for (const { index: _i, past: _p, filing: _f, ...f } of pick) {
      if (seenRoles.has(f.role)) continue;
      seenRoles.add(f.role);
      result.push(f);
    }
  }
  // Where a letter writes its own date for a statutory EHCP reply, that date wins over the rule.
  const statedReply = result.some((f) => f.role === 'response_due' && f.stated);
  return result
    .filter((f) => !(statedReply && !f.stated && (f.rule === 'EHCP-ADV-01' || f.rule === 'EHCP-AR-04' || f.rule === 'ML-Q-02')))
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
