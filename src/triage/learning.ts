/**
 * Learning from a practice's own corrections. When a person corrects what triage proposed (a
 * category, a client, a date, a reference), the correction is kept; later letters from the same
 * sender, or carrying the same reference or reference shape, are read with it. Pure: the caller
 * loads the corrections (from the database, or from gold labels in a replay) and passes them in.
 *
 * Every change names what it learnt from, so a clinician can see why ("2 earlier letters from
 * claims@insurer.example that Steve called other were corrected to insurer authorisation").
 */
import type { ActionDate, DateRole } from './actions.js';
import { DATE_ROLES } from './actions.js';
import type { Category } from './classify.js';
import { CATEGORIES } from './classify.js';
import { confidence, type TriageConfidence } from './confidence.js';
import { REFERENCE_KINDS, type Reference, type ReferenceKind } from './references.js';

export type CorrectionField = 'category' | 'client' | 'date' | 'reference';

export interface LearnedCorrection {
  field: CorrectionField;
  /** The sender's address in lower case, or for a posted letter its organisation's name. */
  sender: string | null;
  /** The domain of the sender's address, unless a public mail provider's. */
  domain: string | null;
  /**
   * What else identifies the pattern: for a reference the shape of its value ("BUPA-999999"),
   * for a client a reference the letter carried ("claim_ref:AB/123"), for a date the words of
   * its sentence without numbers.
   */
  pattern: string | null;
  /** What triage proposed ('' when it proposed nothing); for a date "role|rule" or "role|stated". */
  proposed: string;
  /** What the person set instead ('' when they removed it). */
  corrected: string;
  /** When (ISO date). */
  on: string;
}

export interface LearnedHints {
  corrections: readonly LearnedCorrection[];
}

/** Mail providers shared by the public: a domain there says nothing about the sender. */
const PUBLIC_DOMAINS = /^(?:gmail|googlemail|hotmail|outlook|live|yahoo|icloud|me|aol|btinternet|sky|virginmedia|talktalk|protonmail|proton|example)\./i;

/** Who sent a letter, for matching it with earlier ones: the address, else the organisation. */
export function senderKey(email: string | null, org: string | null): { sender: string | null; domain: string | null } {
  const address = email?.trim().toLowerCase() || null;
  const domain = address?.split('@')[1] ?? null;
  return {
    sender: address ?? (org ? org.trim().toLowerCase().replace(/\s+/g, ' ') : null),
    domain: domain && !PUBLIC_DOMAINS.test(domain) ? domain : null,
  };
}

/** A reference value's shape: a letter prefix kept as written, then A for letters and 9 for digits. */
export function referenceShape(value: string): string {
  const prefix = /^[A-Z]{2,6}(?=[-/ ]|\d)/.exec(value)?.[0] ?? '';
  return prefix + value.slice(prefix.length).replace(/[A-Z]/gi, 'A').replace(/\d/g, '9');
}

/** A shape that names its issuer: a literal prefix of two or more letters ("BUPA-999999", "EHC/9999/999"). */
export function distinctive(shape: string): boolean {
  return /^[A-Z]{2,}/.test(shape);
}

function shapeRegExp(shape: string): RegExp {
  const body = shape
    .split('')
    .map((ch, i) =>
      i < (/^[A-Z]*/.exec(shape)?.[0].length ?? 0) ? ch : ch === 'A' ? '[A-Z]' : ch === '9' ? '\\d' : ch.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'),
    )
    .join('');
  return new RegExp(`(?<![A-Z0-9])${body}(?![A-Z0-9])`, 'g');
}

/** The words of a date's sentence, without numbers or month names: what a similar sentence shares. */
export function sentenceWords(reason: string): string {
  return [
    ...new Set(
      reason
        .toLowerCase()
        .replace(/\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\b/g, ' ')
        .replace(/[^a-z ]+/g, ' ')
        .split(/\s+/)
        .filter((w) => w.length > 3),
    ),
  ]
    .slice(0, 24)
    .join(' ');
}

function similar(a: string, b: string): boolean {
  const x = new Set(a.split(' ').filter(Boolean));
  const y = new Set(b.split(' ').filter(Boolean));
  if (x.size === 0 || y.size === 0) return false;
  let both = 0;
  for (const w of x) if (y.has(w)) both++;
  return both / (x.size + y.size - both) >= 0.5;
}

export function dateKey(d: Pick<ActionDate, 'role' | 'rule' | 'stated'>): string {
  return `${d.role}|${d.rule ?? (d.stated ? 'stated' : 'period')}`;
}

const words = (s: string) => s.replace(/_/g, ' ');
const ukDate = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

/** The part of a triage record that learning reads and may change. */
export interface Learnable {
  category: Category;
  client: { name: string; dob: string | null; nhs_number: string | null } | null;
  sender_email: string | null;
  sender_org: string | null;
  references: Reference[];
  dates: ActionDate[];
  notes: string[];
  confidence: TriageConfidence;
}

/** Most common correction among matches (the latest wins a tie), with how many agreed. */
function vote(matches: LearnedCorrection[]): { to: string; n: number; last: string } | null {
  if (!matches.length) return null;
  const tally = new Map<string, { n: number; last: string }>();
  for (const c of matches) {
    const t = tally.get(c.corrected) ?? { n: 0, last: '' };
    t.n++;
    if (c.on > t.last) t.last = c.on;
    tally.set(c.corrected, t);
  }
  const [to, t] = [...tally.entries()].sort((a, b) => b[1].n - a[1].n || b[1].last.localeCompare(a[1].last))[0]!;
  return { to, ...t };
}

/**
 * Applies what earlier corrections teach to one record (a copy is returned). `text` is the
 * letter's subject and body, for finding references of a learnt shape that were missed.
 */
export function applyLearning<R extends Learnable>(record: R, hints: LearnedHints | undefined, text: string): R {
  if (!hints?.corrections.length) return record;
  const r: R = {
    ...record,
    references: [...record.references],
    dates: [...record.dates],
    notes: [...record.notes],
    confidence: { ...record.confidence, dates: [...record.confidence.dates], references: [...record.confidence.references] },
  };
  const who = senderKey(r.sender_email, r.sender_org);
  const fromSender = (c: LearnedCorrection) => (who.sender !== null && c.sender === who.sender) || (who.domain !== null && c.domain === who.domain);
  const whoWords = who.sender ?? who.domain ?? 'this sender';

  // Category: earlier letters from this sender, or quoting references of the same distinctive
  // shape (an insurer's authorisation codes, a council's case numbers), that Steve read the same
  // way were corrected.
  const shapes = new Set(r.references.map((x) => referenceShape(x.value)).filter(distinctive));
  const sameShape = (c: LearnedCorrection) => c.pattern !== null && c.pattern.split(' ').some((p) => shapes.has(p));
  // One correction from the very same address is enough; a shared domain, organisation name or
  // reference shape is weaker evidence and needs two that agree.
  const cat = vote(hints.corrections.filter((c) => c.field === 'category' && (fromSender(c) || sameShape(c)) && c.proposed === r.category));
  const sameAddress = r.sender_email !== null && hints.corrections.some((c) => c.field === 'category' && c.sender === who.sender && c.corrected === cat?.to);
  if (cat && (cat.n >= 2 || sameAddress) && (CATEGORIES as readonly string[]).includes(cat.to) && cat.to !== r.category) {
    const why = `${cat.n} earlier letter${cat.n === 1 ? '' : 's'} from ${whoWords} or quoting references like these that Steve called ${words(r.category)} ${cat.n === 1 ? 'was' : 'were'} corrected to ${words(cat.to)} (last ${ukDate(cat.last)})`;
    r.category = cat.to as Category;
    r.confidence.category = confidence(Math.min(0.75 + 0.08 * cat.n, 0.95), `learnt: ${why}`);
    r.notes.push(`Category learnt from corrections: ${why}.`);
  }

  // Client: a reference this letter carries was linked to a client by a person before; or this
  // sender's letters named someone the person corrected to someone else (a parent for the child).
  const refKeys = new Set(r.references.map((x) => `${x.kind}:${x.value}`));
  const byRef = vote(hints.corrections.filter((c) => c.field === 'client' && c.pattern !== null && refKeys.has(c.pattern) && c.corrected));
  const bySender = vote(
    hints.corrections.filter((c) => c.field === 'client' && c.pattern === null && fromSender(c) && c.proposed && c.proposed === (r.client?.name ?? '')),
  );
  const client = byRef ?? bySender;
  if (client && client.to && client.to.toLowerCase() !== (r.client?.name ?? '').toLowerCase()) {
    const why = byRef
      ? `a reference in this letter was linked to ${client.to} by a person (last ${ukDate(client.last)})`
      : `${client.n} earlier letter${client.n === 1 ? '' : 's'} from ${whoWords} naming ${r.client?.name ?? 'nobody'} ${client.n === 1 ? 'was' : 'were'} about ${client.to}`;
    r.client = { name: client.to, dob: null, nhs_number: r.client?.nhs_number ?? null };
    r.confidence.client = confidence(byRef ? 0.9 : 0.75, `learnt: ${why}`);
    r.notes.push(`Client learnt from corrections: ${why}.`);
  }

  // Dates: a similar sentence from this sender was not the practice's date, or had another role.
  const dateCorrections = hints.corrections.filter((c) => c.field === 'date' && c.proposed && fromSender(c));
  for (let i = r.dates.length - 1; i >= 0; i--) {
    const d = r.dates[i]!;
    const key = dateKey(d);
    const sentence = sentenceWords(d.reason);
    const v = vote(dateCorrections.filter((c) => c.proposed === key && (d.rule !== null || (c.pattern !== null && similar(c.pattern, sentence)))));
    if (!v) continue;
    if (!v.to) {
      r.notes.push(
        `Not proposed: ${words(d.role)} ${ukDate(d.date)}: ${v.n} similar date${v.n === 1 ? '' : 's'} from ${whoWords} ${v.n === 1 ? 'was' : 'were'} removed by a person (last ${ukDate(v.last)}).`,
      );
      r.dates.splice(i, 1);
      r.confidence.dates.splice(i, 1);
    } else if ((DATE_ROLES as readonly string[]).includes(v.to) && v.to !== d.role) {
      const why = `${v.n} similar date${v.n === 1 ? '' : 's'} from ${whoWords} read as ${words(d.role)} ${v.n === 1 ? 'was' : 'were'} corrected to ${words(v.to)}`;
      r.dates[i] = { ...d, role: v.to as DateRole };
      r.confidence.dates[i] = confidence(0.8, `learnt: ${why}`);
      r.notes.push(`Date role learnt from corrections: ${why}.`);
    }
  }

  // References: a shape a person re-kinded or removed anywhere, or added for this sender.
  const refCorrections = hints.corrections.filter((c) => c.field === 'reference' && c.pattern);
  for (let i = r.references.length - 1; i >= 0; i--) {
    const ref = r.references[i]!;
    const shape = referenceShape(ref.value);
    const v = vote(refCorrections.filter((c) => c.proposed === ref.kind && c.pattern === shape));
    if (!v) continue;
    if (!v.to) {
      r.notes.push(`Not listed: ${words(ref.kind)} ${ref.value}: references shaped ${shape} were removed by a person (last ${ukDate(v.last)}).`);
      r.references.splice(i, 1);
      r.confidence.references.splice(i, 1);
    } else if ((REFERENCE_KINDS as readonly string[]).includes(v.to) && v.to !== ref.kind) {
      const clash = r.references.some((x) => x.kind === v.to && x.value === ref.value);
      if (clash) {
        r.references.splice(i, 1);
        r.confidence.references.splice(i, 1);
        continue;
      }
      r.references[i] = { kind: v.to as ReferenceKind, value: ref.value };
      r.confidence.references[i] = confidence(0.85, `learnt: references shaped ${shape} are ${words(v.to)} (corrected ${v.n}×, last ${ukDate(v.last)})`);
    }
  }
  const have = new Set(r.references.map((x) => x.value));
  for (const c of refCorrections.filter((x) => !x.proposed && x.corrected && fromSender(x) && /[A-Z]/.test(x.pattern!) && x.pattern!.length >= 5)) {
    for (const m of text.matchAll(shapeRegExp(c.pattern!))) {
      if (have.has(m[0]) || !(REFERENCE_KINDS as readonly string[]).includes(c.corrected)) continue;
      have.add(m[0]);
      r.references.push({ kind: c.corrected as ReferenceKind, value: m[0] });
      r.confidence.references.push(
        confidence(0.75, `learnt: a person added ${words(c.corrected)} references shaped ${c.pattern} from ${whoWords} (on ${ukDate(c.on)})`),
      );
    }
  }
  return r;
}
