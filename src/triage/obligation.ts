/**
 * Whose deadline a date is. A letter to a therapist names many dates that are someone else's
 * to meet: the council's 16- and 20-week limits, the school's or the educational psychologist's
 * advice, what "the parties" must file, when the parent may comment. Only the practice's own
 * action (its advice, report, answers, comments, reply) is a `response_due`.
 *
 * The holder is read from the clause before the date: its grammatical subject when a verb
 * follows one ("The Council must tell…", "Ms Adebayo has 15 days…", "The solicitors will send
 * you…"), else the request words around it ("Please send…", "We need your report…", "Comments
 * by Friday please"). And a block the writer marks as for information only asks nothing.
 */

export type Holder = 'practice' | 'other';

// Finite verbs and modals that end a clause's subject.
const VERB =
  /\b(?:will|won['’]t|must|shall|should|is|are|isn['’]t|has|have|had|was|were|needs?|can|could|may|would|['’]ll|['’]d|to be|be|provides|due|serve|file|send|issue|return|give|tell|decide|take place)\b/i;
const VERB_ALL = new RegExp(VERB.source, 'gi');
// Words that address the practice, or ask it for something.
const ADDRESSED = /\b(?:you|your|yours|OT|occupational therap\w*)\b/i;
const REQUEST =
  /\b(?:please|pls|kindly|grateful|could you|can you|would you|let (?:me|us) (?:know|have)|we need|i need|we['’]d need|need (?:it|this|them|these))\b/i;
// The other parties of UK SEND, medico-legal, housing and insurance correspondence, and the
// statutory steps that are theirs (a plan is issued, a review takes place, evidence is filed).
const PARTY =
  /\b(?:council|authority|local authority|school|college|nursery|setting|academy|tribunal|court|judge|panel|part(?:y|ies)|claimant|defendant|appellant|respondent|solicitors?|lawyers?|insurer|parents?|mother|father|mum|dad|family|carers?|educational psycholog\w*|psychologist|SENCo|they|he|she|it|plan|IDP|EHCP|decision|review|experts? of like|agenda)\b/i;
// Named people and bodies: "Ms Adebayo", "the LA", "Willows", "Hollins Road Primary".
const NAMED =
  /\b(?:LA|EP|ICB|NHS|Mrs?|Ms|Miss|Dr)\b|^\s*(?:[-•*]\s*)?(?!(?:The|This|That|These|Those|It|A|An|Any|All|Each|Every|Your|Our|My|Please)\b)[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,4}\s*$/;
const FIRST_PERSON = /^\s*(?:[-•*]\s*)?(?:and\s+|but\s+|so\s+)?(?:I|we)\b/i;
const FIRST_PERSON_ASKS =
  /^\s*(?:[-•*]\s*)?(?:and\s+|but\s+|so\s+)?(?:I|we)\s*(?:['’]d|would|will|do|also|really|now|still|)\s*(?:need|like|want|require|ask|be (?:really |very )?grateful|appreciate|expect (?:your|to receive))/i;

/** Who must act by the date that ends `before` (the clause up to the date). */
export function obligationHolder(before: string): Holder {
  const clause = before.replace(/\s+/g, ' ');
  // The first finite verb: "to give", "to serve" are infinitives inside the subject or an opening clause.
  const verb = [...clause.matchAll(VERB_ALL)].find((v) => !/\bto\s+$/i.test(clause.slice(0, v.index)));
  if (verb) {
    // The subject of the main clause: after an opening subordinate clause ("Before I decide, I would…").
    const lead = clause.slice(0, verb.index);
    const subject = lead.slice(lead.lastIndexOf(', ') + 1);
    const core = clause.slice(lead.lastIndexOf(', ') + 1);
    if (/\b(?:you|your)\b/i.test(subject) || /^\s*(?:[-•*]\s*)?(?:please|kindly|can|could|would)\b/i.test(subject)) return 'practice';
    if (FIRST_PERSON_ASKS.test(core)) return 'practice';
    // "It would be really helpful to have it by…": a request in the impersonal.
    if (/^\s*(?:it|this|that)\s*$/i.test(subject) && (REQUEST.test(core) || /\b(?:helpful|appreciated|great|useful)\b/i.test(core))) return 'practice';
    // "We will send you the agenda by…", "my annual report is due…": the writer's own.
    if (FIRST_PERSON.test(subject) || /^\s*(?:my|our)\b/i.test(subject)) return REQUEST.test(core) ? 'practice' : 'other';
    if (/\b(?:OT|occupational therap\w*)\s+(?:advice|report|contribution|statement|answers|comments)\b/i.test(subject)) return 'practice';
    if (PARTY.test(subject)) return 'other';
    // The practice's own work as the subject: "Advice must be provided…", "Reports need to be received…".
    if (WORK.test(subject)) return 'practice';
    if (NAMED.test(subject)) return 'other';
    return 'practice';
  }
  if (FIRST_PERSON_ASKS.test(clause)) return 'practice';
  if (FIRST_PERSON.test(clause) && !REQUEST.test(clause)) return 'other';
  if (ADDRESSED.test(clause) || REQUEST.test(clause)) return 'practice';
  // "- report to both parties by…", "confirm acceptance within…": an instruction to the practice.
  if (WORK.test(clause) || /^\s*(?:[-•*]\s*)?(?:send|provide|confirm|return|report|reply|respond|submit|resubmit|complete|sign|let)\b/i.test(clause))
    return 'practice';
  if (PARTY.test(clause) || NAMED.test(clause)) return 'other';
  return 'practice';
}

const WORK =
  /^\s*(?:[-•*]\s*)?(?:the\s+|any\s+|all\s+|written\s+|signed\s+)*(?:advice|reports?|comments?|contributions?|answers?|statements?|information|updates?|responses?|replies|quotes?|recommendations?)\b/i;

const INFO_ONLY =
  /\b(?:for (?:your )?information(?: only)?\s*[:)]|for information only|(?:none|neither) of (?:these|them|which|the following)\s+(?:dates?\s+)?(?:requires?|needs?|asks?)\s+(?:any\s+)?action|(?:no|not any) action (?:is )?(?:needed|required) (?:from|by) you|these are (?:the council['’]s|our) own)\b/i;

/**
 * Spans the writer marks as for information only: the paragraph with the marker and the list
 * that follows it ("For information only, the other dates are: - … - …").
 */
export function infoOnlySpans(text: string): [number, number][] {
  const spans: [number, number][] = [];
  const re = new RegExp(INFO_ONLY.source, 'gi');
  for (const m of text.matchAll(re)) {
    const start = text.lastIndexOf('\n\n', m.index!) + 1;
    let end = text.indexOf('\n\n', m.index!);
    if (end < 0) end = text.length;
    // A list after the marker (bullets or indented items) belongs to it.
    for (;;) {
      const next = /^\n[ \t]*\n((?:[ \t]*(?:[-•*]|\(?[a-z0-9]\)|\d+\.)[ \t]+|[ \t]{2,})[^\n]*(?:\n(?![ \t]*\n)[^\n]*)*)/.exec(text.slice(end));
      if (!next) break;
      end += next[0].length;
    }
    spans.push([start, end]);
  }
  return spans;
}

export function inSpans(spans: [number, number][], at: number): boolean {
  return spans.some(([a, b]) => at >= a && at < b);
}
