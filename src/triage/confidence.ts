/**
 * How far to trust each thing triage proposes. A score from 0 to 1 with the evidence that gave
 * it, in words a clinician can weigh ("labelled 'Claim no.'", "only in the subject line",
 * "computed from rule EHCP-ADV-01"). Below CHECK_BELOW the Inbox marks it "check this" and
 * nothing built on it is applied without a person looking.
 *
 * The scores are calibrated by hand against the labelled corpora, not learnt: each signal is a
 * general property of UK correspondence (a labelled field is seldom wrong; a name seen only in
 * a subject line often is; a date counted from a rule depends on the right trigger).
 */
import type { ActionDate } from './actions.js';
import type { Category } from './classify.js';
import type { Reference } from './references.js';

export interface Confidence {
  /** 0 to 1. */
  score: number;
  /** Why, in plain words. */
  evidence: string;
  /** True when a person should look before anything is applied. */
  check: boolean;
}

export interface TriageConfidence {
  category: Confidence;
  client: Confidence | null;
  /** One per proposed date, in the record's order. */
  dates: Confidence[];
  /** One per reference, in the record's order. */
  references: Confidence[];
}

/** Below this, the Inbox says "check this" and nothing is applied by itself. */
export const CHECK_BELOW = 0.7;

export function confidence(score: number, evidence: string): Confidence {
  const s = Math.round(Math.max(0, Math.min(1, score)) * 100) / 100;
  return { score: s, evidence, check: s < CHECK_BELOW };
}

const words = (c: string) => c.replace(/_/g, ' ');

/** From the classifier's cue scores: how clearly the winner beat the runner-up. */
export function categoryConfidence(category: Category, scores: Record<string, number>): Confidence {
  const ranked = Object.entries(scores)
    .filter(([c]) => c !== category)
    .sort((a, b) => b[1] - a[1]);
  const best = scores[category] ?? 0;
  const [second, secondScore] = ranked[0] ?? ['', 0];
  if (category === 'other') {
    // "Other" is what is left when no family of cues is strong: trust it when none came close.
    if (secondScore >= 3) return confidence(0.45, `no category's cues were strong; ${words(second)} came closest`);
    return confidence(0.8, best > 0 ? 'cues of general post (bulletins, renewals, offers) and nothing else' : 'no cue of any casework category');
  }
  const margin = best - secondScore;
  if (secondScore > 0 && margin < 2) return confidence(0.5, `${words(category)} only just ahead of ${words(second)} (several categories fit)`);
  if (best >= 10 && margin >= 5) return confidence(0.95, `strong ${words(category)} cues in the subject and body`);
  if (margin >= 4) return confidence(0.85, `${words(category)} cues clearly ahead${secondScore > 0 ? ` of ${words(second)}` : ''}`);
  return confidence(0.7, `${words(category)} cues ahead of ${secondScore > 0 ? words(second) : 'the rest'} by a small margin`);
}

const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Where the client's name was seen: a labelled field, the body, or only the subject line. */
export function clientConfidence(client: { name: string; dob: string | null; nhs_number: string | null }, subject: string, body: string): Confidence {
  const surname = client.name.split(/\s+/).pop() ?? client.name;
  const inBody = new RegExp(`\\b${esc(surname)}\\b`, 'i').test(body);
  const inSubject = new RegExp(`\\b${esc(surname)}\\b`, 'i').test(subject);
  const labelled = new RegExp(
    String.raw`\b(?:re|client|patient|child|child's name|young person|member|claimant|name|pupil|applicant|employee|our client|your client)\b[^\n:]{0,20}[:\-–]\s*[^\n]{0,30}\b${esc(surname)}\b`,
    'i',
  ).test(`${subject}\n${body}`);
  const parts: string[] = [];
  let s = 0.55;
  if (client.nhs_number) {
    s += 0.3;
    parts.push('NHS number given');
  }
  if (client.dob) {
    s += 0.25;
    parts.push('date of birth given');
  }
  if (labelled) {
    s += 0.15;
    parts.push('name in a labelled line');
  }
  if (!inBody && inSubject) {
    s -= 0.15;
    parts.push('name only in the subject line');
  } else if (inBody && !labelled) parts.push('name in the body');
  return confidence(Math.min(s, 0.98), parts.join('; ') || 'name found without a label');
}

/** A stated date in its sentence, or one computed from a rule or a period. */
export function dateConfidence(d: ActionDate, all: ActionDate[]): Confidence {
  const sameRole = all.filter((x) => x.role === d.role && x.date !== d.date).length;
  let s: number;
  let why: string;
  if (d.stated) {
    s = 0.9;
    why = 'date written in the letter';
  } else if (d.rule) {
    s = 0.78;
    why = `computed from rule ${d.rule}: check the trigger date`;
  } else {
    s = 0.62;
    why = 'counted from a period in the letter';
  }
  if (sameRole > 0) {
    s -= 0.25;
    why += `; ${sameRole + 1} candidate ${words(d.role)} dates`;
  }
  return confidence(s, why);
}

/** A reference found after its own label is trusted; one known only by its shape less so. */
export function referenceConfidence(r: Reference, all: Reference[], text: string): Confidence {
  const at = text.indexOf(r.value);
  const before = at >= 0 ? text.slice(Math.max(0, at - 40), at) : '';
  const labelled = /\b(?:ref(?:erence)?|no\.?|number|code|claim|policy|membership|auth(?:orisation)?|appeal|invoice|case)\b[^\n]{0,12}[:#]?\s*$/i.test(before);
  // A remittance lists several invoices by design; several LA or claim references is a doubt.
  const sameKind = r.kind === 'invoice_number' ? 0 : all.filter((x) => x.kind === r.kind && x.value !== r.value).length;
  if (r.kind === 'nhs_number') return confidence(0.97, 'NHS number with a valid check digit');
  let s = labelled ? 0.9 : 0.65;
  let why = labelled ? `labelled “${before.trim().split(/\s+/).slice(-2).join(' ')}”` : 'recognised by its shape, without a label';
  if (sameKind > 0) {
    s -= 0.15;
    why += `; ${sameKind + 1} ${words(r.kind)} candidates`;
  }
  return confidence(s, why);
}
