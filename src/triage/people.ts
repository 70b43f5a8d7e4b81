/**
 * Who the document is about (the client) and who sent it (the organisation).
 *
 * Client: labelled fields ("Child:", "Member name:", "Our client:"), a name written just
 * before a date of birth, "A v B" case titles, person-like parts of the subject line, and
 * "X's mum" for carers, whose surname completes a first name. Sender: the organisation line
 * of the signature or letterhead; councils get the team named beside them.
 */
import { isValidIsoDate, type LocalDate } from '../domain/calendar/local-date.js';
import { findDates } from './dates.js';

const TITLE = /^(?:mr|mrs|ms|miss|mx|master|dr|prof)\.?\s+/i;
const NOT_NAME = new Set(
  (
    'council school academy nursery team service services ltd limited llp plc solicitors law health review plan annual ehc ehcp request ' +
    'assessment invoice update referral new member claim hearing tribunal appeal insurance grant needs education care home visit ' +
    'workplace access work report room dfg invitation invite treatment declined confirmed authorisation pre-authorisation query queries ' +
    'interim early years meeting mdt ot occupational therapy therapist trust hospital nhs practice clinic unit road street lane court ' +
    'avenue close drive house centre primary secondary send sen the and of for with re fw fwd date time venue our your dear thanks ' +
    'regards enquiry website form contact website bulletin august september october november december january february march april ' +
    'may june july monday tuesday wednesday thursday friday saturday sunday mum dad mother father daughter son parent child pupil ' +
    'patient client applicant provider payments remittance advice rejected rejection notice settled statement funding future ' +
    'arrangements following surgery instructions instruction expert questions addendum experts discussion trial window case management ' +
    'brief progress wet drainage rails grab code rehabilitation immediate injured person hello hi morning afternoon sms text message ' +
    'new ref notification portal decision action needed tues thurs weds walk way gardens crescent terrace place rise grove ' +
    'park view hill row mews square cottages thank thanks please individual development disabled facilities'
  ).split(/\s+/),
);

export function titleCaseWord(w: string): string {
  if (w !== w.toUpperCase() || w.length <= 1) return w;
  return w
    .toLowerCase()
    .replace(/(^|[-'’])(\p{L})/gu, (_, p: string, c: string) => p + c.toUpperCase())
    .replace(/^Mc(\p{L})/u, (_, c: string) => 'Mc' + c.toUpperCase());
}

/** A person's name as written, titles removed, capitals restored; null if it is not a name. */
export function personName(raw: string, minWords = 2): string | null {
  let s = raw
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[.,;:]+$/, '');
  while (TITLE.test(s)) s = s.replace(TITLE, '');
  const words = s.split(' ');
  if (words.length < minWords || words.length > 4) return null;
  for (const w of words) {
    if (!/^\p{Lu}[\p{L}'’-]*$/u.test(w)) return null;
    if (NOT_NAME.has(w.toLowerCase())) return null;
    if (w.length === 1) return null;
    // "AR", "OT", "INA": abbreviations, not a surname in capitals.
    if (w.length <= 3 && w === w.toUpperCase() && s !== s.toUpperCase()) return null;
  }
  return words.map(titleCaseWord).join(' ');
}

export interface ClientGuess {
  name: string;
  dob: LocalDate | null;
  nhs_number: string | null;
}

export interface PeopleInput {
  subject: string;
  head: string;
  main: string;
  signature: string;
  from_name: string;
  received: LocalDate;
  /** Names never taken for the client (the practice's own clinicians). */
  exclude: string[];
  /** Earlier messages quoted in a reply or forward. */
  quoted?: string;
  /** The writer is a private person writing about their own care (moving a session, asking for an assessment). */
  writerIsClient?: boolean;
}

// Found from the date-of-birth words backwards, so the text is scanned once, not from every word.
const DOB_WORD = /\b(?:DOB|D\.O\.B|date of birth|born)\b/gi;
const NAME_BEFORE = /([\p{L}][\p{L}'’-]+(?:[ \t]+[\p{L}][\p{L}'’.-]*){1,4})[ \t]*[,(\-–]?[ \t]*$/u;

/** Names written just before a date of birth ("Noah Kessington-Barr (DOB …)"). */
function namesBeforeDob(text: string): { name: string; index: number }[] {
  const out: { name: string; index: number }[] = [];
  for (const m of text.matchAll(DOB_WORD)) {
    const start = Math.max(0, m.index! - 90);
    const found = NAME_BEFORE.exec(text.slice(start, m.index!));
    const name = found ? trailingName(found[1]!) : null;
    if (found && name) out.push({ name, index: start + found.index });
  }
  return out;
}

/** The longest person's name closing a phrase ("Claim no. G34 – Alan Whitcombe" → "Alan Whitcombe"). */
function trailingName(phrase: string): string | null {
  const words = phrase.trim().split(/[ \t]+/);
  for (let k = Math.min(4, words.length); k >= 2; k--) {
    const n = personName(words.slice(-k).join(' '));
    if (n) return words.slice(-k).join(' ');
  }
  return null;
}

/** The longest person's name opening a phrase ("Mrs Iris Penhallow, 14 Sorrel Close"). */
function leadingName(phrase: string): string | null {
  const words = phrase
    .trim()
    .replace(TITLE, '')
    .split(/[ \t]+/);
  for (let k = Math.min(4, words.length); k >= 2; k--) {
    const n = personName(words.slice(0, k).join(' '));
    if (n) return words.slice(0, k).join(' ');
  }
  return null;
}

// A labelled field: "Child: …", "Name ......... Sami OKAFOR" (dot leaders), "Member name   Ruth Bexley"
// (a table cell read as text: two spaces or a tab instead of a colon).
const LABEL =
  /^[ \t]*(?:re:[ \t]*)?(child(?:['’]s)? ?(?:name)?|name of (?:child|young person|client|patient|learner|pupil)|pupil|student|learner|young person|member(?: name)?|patient(?: name)?|client(?:['’]s name)?|applicant|our client|service user|employee|claimant|injured (?:person|party)|disgybl \/ pupil|name|re)(?:[ \t]*:|[ \t]*\.{2,}:?|\t|[ \t]{2,}(?=\S))[ \t]*([^\n]+)$/gim;
const DOB_ANCHOR = /\b(?:DOB|D\.O\.B\.?|date of birth|born(?: on)?)\b[ \t]*(?:[:\-–]|\.{2,}:?|\/[ \t]*dyddiad geni:)?[ \t]*/gi;

function cutValue(v: string): string {
  return v.split(/\s{2,}|\t|,|\(|\[|\bDOB\b|\bD\.O\.B|\bdate of birth\b|\bborn\b|\s[-–]\s/i)[0]!.trim();
}

function segments(s: string): string[] {
  return s
    .replace(/^(?:(?:re|fw|fwd)\s*:\s*)+/i, '')
    .split(/\s+[-–|]\s+|:\s+|\s*[()[\]]\s*|\s*\/\s+|,\s+/)
    .map((x) => x.trim())
    .filter(Boolean);
}

/** The practice's own people are never the client: a candidate carrying one of their surnames ("Mr Hale-Jenkins" run into the next line) is theirs. */
function excluded(name: string, exclude: string[]): boolean {
  const n = name.toLowerCase();
  const words = n.split(' ');
  return exclude.some((e) => {
    if (!e) return false;
    const surname = e.toLowerCase().split(' ').pop()!;
    return n === e.toLowerCase() || (e.includes(' ') && surname.length >= 4 && words.includes(surname));
  });
}

/** Restores mixed case when the text writes the name in mixed case somewhere ("ADEYEMI" → "Adeyemi"). */
function bestCasing(name: string, text: string): string {
  const re = new RegExp(`\\b${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+')}\\b`, 'gi');
  for (const m of text.matchAll(re)) if (m[0] !== m[0].toUpperCase()) return m[0].replace(/\s+/g, ' ');
  return name;
}

export function findDob(text: string, received: LocalDate): { dob: LocalDate; index: number }[] {
  const out: { dob: LocalDate; index: number }[] = [];
  for (const m of text.matchAll(DOB_ANCHOR)) {
    // "18‑Apr‑1972" with non-breaking hyphens reads as "18 Apr 1972".
    const after = text
      .slice(m.index! + m[0].length, m.index! + m[0].length + 40)
      .replace(/^(\d{1,2})[\u2010\u2011-](\p{L}{3,9})[\u2010\u2011-](\d{2,4})/u, '$1 $2 $3');
    const d = findDates(after, received)[0];
    if (d && d.index < 3 && d.date < received && d.date > '1900-01-01') out.push({ dob: d.date, index: m.index! });
    else {
      // "DOB 14.2.21": a birth date with a two-digit year is in the past, so its century follows.
      const short = /^(\d{1,2})[./](\d{1,2})[./](\d{2})\b/.exec(after);
      if (short) {
        const [day, month, yy] = [Number(short[1]), Number(short[2]), Number(short[3])];
        const year = 2000 + yy <= Number(received.slice(0, 4)) ? 2000 + yy : 1900 + yy;
        const iso = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
        if (isValidIsoDate(iso) && iso < received) out.push({ dob: iso as LocalDate, index: m.index! });
      }
    }
  }
  return out;
}

export function findClient(p: PeopleInput): { name: string; dob: LocalDate | null } | null {
  const body = `${p.head}\n${p.main}`;
  const cands: { name: string; score: number; index: number }[] = [];
  const add = (raw: string | undefined, score: number, index: number, minWords = 2) => {
    if (!raw) return;
    const n = personName(raw, minWords);
    if (n && !excluded(n, p.exclude)) cands.push({ name: n, score, index });
  };
  // A name written just before a date of birth is the subject.
  for (const m of namesBeforeDob(body)) add(m.name, 10, m.index);
  for (const m of body.matchAll(LABEL)) {
    const label = m[1]!.toLowerCase();
    const value = m[2]!;
    if (label === 're') {
      for (const seg of segments(value)) add(cutValue(seg), 7, m.index!);
    } else if (label === 'member' && /^[ \t]*member[ \t]*:/im.test(m[0]) === false) {
      continue;
    } else {
      // A bare "Name" field is the child's only in a block about the child, but is still a strong sign.
      add(cutValue(value.replace(/\.{2,}/g, ' ')), label === 'name' ? 7 : 9, m.index!);
    }
  }
  // "Claim no. G34ZX118 – Alan Whitcombe v Brackenfold Freight Ltd": the claimant is the name just before " v ".
  for (const m of `${p.subject}\n${body}`.matchAll(/([\p{Lu}][\p{L}'’-]+(?:[ \t]+[\p{Lu}][\p{L}'’.-]*){0,3})[ \t]+v\.?[ \t]+\p{Lu}/gu)) {
    const n = trailingName(m[1]!);
    if (n) add(n, 6, m.index!);
  }
  for (const seg of segments(p.subject)) {
    add(seg.replace(/^(?:member|client|pupil|patient)\s+/i, ''), 5, -1);
    // A name inside a subject with other words: "Toby Renwick tues appt", "EC902/27/00311 Osian Pritchard".
    for (const run of seg.matchAll(/(?:^|\s)((?:[\p{Lu}][\p{L}'’-]+[ \t]+){1,3}[\p{Lu}][\p{L}'’-]+)(?=\s|$)/gu)) {
      if (/(?:^|\s)\d{1,4}[a-z]?\s*$/i.test(seg.slice(0, run.index! + 1))) continue; // "8 Hebden Walk": an address
      add(personName(run[1]!) ? run[1] : (leadingName(run[1]!) ?? trailingName(run[1]!) ?? undefined), 4.5, -1);
    }
  }
  // The heading under the salutation names who the letter is about: "Workplace assessment - Daniel
  // Oduya-Fenwick (employee no. 40772)", "Mrs Iris Penhallow, 14 Sorrel Close".
  const afterDear = /^[ \t]*dear\b[^\n]*\n(?:[ \t]*\n)*((?:[^\n]{3,110}\n){1,2})/im.exec(body);
  if (afterDear) {
    for (const line of afterDear[1]!.split('\n')) {
      // Sentences, and "A v B" titles (the claimant is taken above), are not headings naming the client.
      if (!line.trim() || /[.!?]\s*$/.test(line.trim()) || /\b(?:I|we|you)\b/.test(line) || /\sv\.?\s/.test(line)) continue;
      for (const seg of segments(line)) {
        const n = trailingName(seg.replace(/\b(?:year|yr) \d+\b.*$/i, '')) ?? leadingName(seg);
        if (n) add(n, 7, afterDear.index);
      }
    }
  }
  // "Mrs Anjali Desai", "Mr Bilal Qureshi's": a titled full name in the body.
  for (const m of p.main.matchAll(/\b(?:Mr|Mrs|Ms|Miss|Master)\.?\s+(\p{Lu}[\p{L}'’-]+\s+\p{Lu}[\p{L}'’-]+)/gu)) add(m[1]!.replace(/['’]s$/, ''), 3, m.index!);
  // "an update on Helen Marchetti's case": whose case, claim, appeal or plan the letter is about.
  for (const m of p.main.matchAll(
    /\b(\p{Lu}[\p{L}'’-]+[ \t]+\p{Lu}[\p{L}'’-]+?)['’]s (?:case|claim|file|appeal|review|plan|assessment|sessions?|referral|needs)\b/gu,
  ))
    add(m[1], 6, m.index!);
  // "Claire (Poppy's mum)", "its Dan, Reuben Stokes dad", "my daughter Elsie Garside": the writer's child.
  const parentOf = /\b(\p{Lu}\p{Ll}+(?:[ \t]+\p{Lu}[\p{L}-]+?)?)(['’]s|s)? (?:mum|mom|mother|dad|father|parent|carer)\b/u.exec(`${p.main}\n${p.signature}`);
  if (parentOf && parentOf[1]!.includes(' ')) {
    const full = parentOf[2] === 's' ? parentOf[1]! : parentOf[1]!.replace(/['’]s$/, '');
    add(full, 6, parentOf.index);
  }
  const myChild = /\b[Mm]y (?:son|daughter|child)(?:[ \t]*,)?[ \t]+(\p{Lu}\p{Ll}+(?:[ \t]+\p{Lu}[\p{L}'’-]+)?)/u.exec(p.main);
  if (myChild?.[1]!.includes(' ')) add(myChild[1], 6, myChild.index);
  const child = (parentOf && !parentOf[1]!.includes(' ') ? parentOf[1] : undefined) ?? (myChild && !myChild[1]!.includes(' ') ? myChild[1] : undefined);
  // Forwarded chains and replies: the earlier messages name the client when the newest part does not.
  if (p.quoted) {
    for (const m of namesBeforeDob(p.quoted)) add(m.name, 4, -1);
    for (const m of p.quoted.matchAll(LABEL)) if (m[1]!.toLowerCase() !== 're' && m[1]!.toLowerCase() !== 'name') add(cutValue(m[2]!), 5, -1);
    for (const m of p.quoted.matchAll(/\b(?:Mr|Mrs|Ms|Miss|Master)\.?\s+(\p{Lu}[\p{L}'’-]+\s+\p{Lu}[\p{L}'’-]+)/gu)) add(m[1]!.replace(/['’]s$/, ''), 1, -1);
  }
  // "Carys (Maureen's daughter)" signing for an elderly parent: the parent is the client.
  const signedFor = /\((\p{Lu}\p{Ll}+)['’]s (?:daughter|son|carer|husband|wife|partner)\)/u.exec(`${p.main}\n${p.signature}`)?.[1];
  // A private person moving their own appointment or asking for their own assessment is the client.
  // Only when they write of themselves ("my physio"), not of a child ("his session").
  if (
    p.writerIsClient &&
    cands.length === 0 &&
    !child &&
    !signedFor &&
    !/\b(?:he|she|his|her|him|hes|shes|he['’]s|she['’]s|mum['’]?s?|dad['’]?s?)\b/i.test(p.main)
  )
    add(p.from_name, 1, -1);
  // "I'm Margaret Ellery's daughter": the writer's parent.
  const parent = /\b(?:I am|I['’]m)\s+((?:\p{Lu}\p{Ll}+\s+)?\p{Lu}[\p{L}-]+)['’]s (?:daughter|son|carer|husband|wife|partner)\b/u.exec(p.main)?.[1];
  if (parent) add(parent, 4, -1);
  // "Re inv above for Ryan Kettlewell": a full name after for/about/re in a short message.
  for (const m of p.main.matchAll(/\b(?:for|about|regarding|re)[ \t]+(\p{Lu}\p{Ll}+[ \t]+\p{Lu}[\p{L}'’-]+)\b/gu)) add(m[1], 2, m.index!);
  if (cands.length === 0) {
    for (const seg of segments(p.subject))
      if (personName(seg, 1) && seg.split(' ').length === 1) cands.push({ name: personName(seg, 1)!, score: 1, index: -1 });
    if (child ?? signedFor) cands.push({ name: (child ?? signedFor)!, score: 2, index: -1 });
    if (cands.length === 0) return null;
  }
  cands.sort((a, b) => b.score - a.score);
  let name = cands[0]!.name;
  if (!name.includes(' ')) {
    // A first name alone: the surname is the parent's who wrote, or a fuller mention elsewhere.
    const fuller = new RegExp(`\\b${name}\\s+(\\p{Lu}[\\p{L}'’-]+)`, 'u').exec(`${p.subject}\n${body}\n${p.quoted ?? ''}`)?.[1];
    // Else the one surname given with a title ("your mum, Mrs Harries"), else the writer's (a parent's).
    const titled = new Set(
      [...`${body}\n${p.quoted ?? ''}`.matchAll(/\b(?:Mr|Mrs|Ms|Miss)\.?[ \t]+(\p{Lu}[\p{L}'’-]+)\b(?![ \t]+\p{Lu})/gu)]
        .map((m) => m[1]!)
        .filter((w) => !NOT_NAME.has(w.toLowerCase()) && !excluded(`X ${w}`, p.exclude)),
    );
    const surname =
      fuller && !NOT_NAME.has(fuller.toLowerCase()) ? fuller : !child && titled.size === 1 ? [...titled][0] : personName(p.from_name)?.split(' ').pop();
    if (surname) name = `${name} ${titleCaseWord(surname)}`;
  }
  name = bestCasing(name, `${p.subject}\n${body}\n${p.signature}`);
  name = name.split(' ').map(titleCaseWord).join(' ');
  let dobs = findDob(body, p.received);
  if (dobs.length === 0 && p.quoted) dobs = findDob(p.quoted, p.received).map((d) => ({ ...d, index: -1 }));
  let dob: LocalDate | null = null;
  if (dobs.length > 0) {
    const at = cands[0]!.index;
    dob = (at >= 0 ? dobs.reduce((b, d) => (Math.abs(d.index - at) < Math.abs(b.index - at) ? d : b)) : dobs[0]!).dob;
  }
  return { name, dob };
}

// ── sender organisation ───────────────────────────────────────────────────────

const ORG =
  /\b(?:Ltd|Limited|LLP|plc|PLC|Solicitors|Council|School|Academy|College|Nursery|Practice|Clinic|Hospital|Trust|Network|Law|Lawyers|Brokers|Association|Partnership|Architects|Health|Healthcare|Surgery|Insurance|Chambers|Agency|Group|Foundation|Charity|Training|CPD|Forum|Surveying|Surveyors|Case Management|Care & Repair|Integrated Care Board|Ysgol|Borough of|Cyngor|Access to Work|Department for [A-Z]\w+)\b/;
const ORG_CAPS =
  /\b(?:LTD|LIMITED|LLP|PLC|SOLICITORS|COUNCIL|SCHOOL|ACADEMY|COLLEGE|NURSERY|PRACTICE|CLINIC|HOSPITAL|TRUST|NETWORK|LAW|LAWYERS|BROKERS|ASSOCIATION|PARTNERSHIP|ARCHITECTS|HEALTH|HEALTHCARE|SURGERY|INSURANCE|CHAMBERS|AGENCY|GROUP|FOUNDATION|TRAINING|FORUM|BOROUGH OF)\b/;
const POSTCODE = /\b[A-Z]{1,2}\d{1,2}[A-Z]?\s*\d[A-Z]{2}\b/;
const TEAM = /\b(?:Team|Service|Housing|Unit|Department|Directorate|Options|Allocations|Casework|Accounts Payable|Payments)\b/;

/** A letterhead's name set over two lines ("HOLDEN PRICE" / "S O L I C I T O R S") is one name. */
function joinSuffixLines(lines: string[]): string[] {
  const out: string[] = [];
  for (const line of lines) {
    const word = /^(?:\p{L} ){2,}\p{L}$/u.test(line) ? line.replace(/ /g, '') : line;
    if (
      out.length > 0 &&
      /^(?:solicitors|llp|ltd|limited|lawyers|law|surveyors|architects)$/i.test(word) &&
      !ORG.test(out[out.length - 1]!) &&
      !ORG_CAPS.test(out[out.length - 1]!)
    )
      out[out.length - 1] = `${out[out.length - 1]} ${word}`;
    else out.push(line);
  }
  return out;
}
const JOB = /\b(?:Officer|Co-?ordinator|Manager|Lead|Head|Director|Assistant|Adviser|Advisor|Caseworker|Worker|Partner|Associate|Solicitor|Clerk|Executive)\b/;

function cleanOrg(line: string): string {
  return (
    line
      .replace(/^(?:for|on behalf of)\s+/i, '')
      // "Copperfield Academy (part of the Meadowbank Learning Trust)", "AXA Health Provider Online": the organisation, not its portal or group.
      .replace(/\s*\((?:part of|a member of|formerly|trading as)[^)]*\)/i, '')
      .replace(/\s+(?:provider (?:online|portal|hub)|online portal|portal|no-?reply)$/i, '')
      .replace(/[.,;]+$/, '')
      .replace(/\s+/g, ' ')
      .trim()
  );
}

/**
 * One line of a signature or letterhead may hold several parts: "Laura Finch | Senior Case
 * Manager | Heathfield Case Management Ltd", "Principal, Bramwell Pike & Co Solicitors",
 * "SEND Assessment Team | East Marlow Council". The organisation is the part that is one; a
 * council's team beside it is kept for teamOf.
 */
function orgOfLine(line: string, domainWord: string, exclude: RegExp | null): string | null {
  if (/^[ \t]*[A-Z][\w ]{1,20}:[ \t]/.test(line) && !/^[ \t]*(?:from|sent by)\b/i.test(line)) return null; // "School: Ashgrove Primary School (Year 1)": a field, not a letterhead
  const whole = orgOf(line, domainWord, exclude);
  const parts = line.split(/\s+[|•·]\s+|\s+[-–]\s+|,\s+/).filter((x) => x.trim());
  if (parts.length < 2) return whole;
  for (const part of parts) {
    const o = orgOf(part, domainWord, exclude);
    if (o && !TEAM.test(o.replace(/\b(?:council|borough of)\b.*$/i, ''))) return o;
    if (o && /\bcouncil\b|\bborough of\b/i.test(o)) return o;
  }
  return whole && !/[|]/.test(whole) ? whole : (parts.map((x) => orgOf(x, domainWord, exclude)).find(Boolean) ?? null);
}

function orgOf(line: string, domainWord: string, exclude: RegExp | null): string | null {
  const l = cleanOrg(line);
  if (!l || l.length > 70 || /@|https?:|www\.|\d{4,}/.test(l) || POSTCODE.test(l)) return null;
  if (/\b(?:is|are|was|has|have|will|may|this|you)\b/i.test(l) && !/^[A-Z\s&'’-]+$/.test(l)) return null;
  if (exclude && exclude.test(l)) return null;
  if (JOB.test(l) && !/\b(?:Ltd|Limited|LLP|plc)\b/i.test(l)) return null;
  if (ORG.test(l) || ORG_CAPS.test(l)) return l;
  if (domainWord && l.toLowerCase() === domainWord) return l;
  return null;
}

function casing(org: string, text: string): string {
  if (org !== org.toUpperCase()) return org;
  const re = new RegExp(org.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+'), 'gi');
  for (const m of text.matchAll(re)) if (m[0] !== m[0].toUpperCase()) return m[0].replace(/\s+/g, ' ');
  return org
    .split(' ')
    .map((w, i) =>
      /^(?:LLP|PLC|NHS|OT|SEND|UK|HR)$/.test(w) ? w : w === 'LTD' ? 'Ltd' : i > 0 && /^(?:OF|AND|FOR|THE)$/.test(w) ? w.toLowerCase() : titleCaseWord(w),
    )
    .join(' ');
}

// A local authority: "Upper Dene District Council", "London Borough of Calder", "Cyngor Sir …"; not a
// national body that happens to be a council ("Health and Care Professions Council").
const LOCAL_AUTHORITY = /\b(?:County|City|Borough|District|Metropolitan|Town)\s+Council\b|^(?:[A-Z][\w'’-]+\s+){1,3}Council$|\bBorough of\b|\bCyngor\b/;

/** The team beside a council: "SEND Assessment Team", "Children's Services - SEND Service" → "SEND Service". */
function teamOf(lines: string[], council: string): string | null {
  // A directorate is the team only when no narrower team is named.
  let directorate: string | null = null;
  for (const raw of lines) {
    for (let part of raw.split(/,\s*|\s+\|\s+/)) {
      part = part.trim();
      if (part.includes(' - ') || part.includes(' – '))
        part = part
          .split(/\s[-–]\s/)
          .pop()!
          .trim();
      if (!part || part.toLowerCase().includes(council.toLowerCase()) || /council|borough of/i.test(part)) continue;
      if (/@|\d{3,}|https?:/.test(part) || POSTCODE.test(part) || part.length > 60) continue;
      if (TEAM.test(part) && !JOB.test(part) && !/^(?:Tel|Email|Fax)/i.test(part)) {
        if (!/\bDirectorate\b/.test(part)) return part;
        directorate ??= part;
      }
    }
  }
  return directorate;
}

export interface SenderInput {
  kind: 'email' | 'letter' | 'pdf';
  main: string;
  head: string;
  signature: string;
  full: string;
  from_name: string;
  from_address: string;
  /** The practice's own name(s) and domain, never the sender. */
  own: string[];
  /** Earlier messages quoted in a reply or forward. */
  quoted?: string;
}

export function findSenderOrg(s: SenderInput): string | null {
  const domain = s.from_address.split('@')[1] ?? '';
  const domainWord = domain.split('.')[0]?.replace(/-?(?:health|cm|hr)$/, '') ?? '';
  const ownRe = s.own.length ? new RegExp(s.own.map((o) => o.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'i') : null;
  if (ownRe && domain && ownRe.test(domain)) return null; // the practice's own website form: the enquirer is a private person
  if (/^example\.|\.example$|^(?:gmail|googlemail|hotmail|outlook|live|yahoo|icloud|btinternet|aol)\./i.test(domain)) return null;
  const letterhead = joinSuffixLines(
    s.head
      .split(/\n[ \t]*\n/)[0]!
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean),
  );
  const sigLines = s.signature
    .split('\n')
    .slice(1)
    .map((l) => l.trim())
    .filter(Boolean);
  const tryLines = (lines: string[]) => {
    for (const l of lines) {
      const o = orgOfLine(l, domainWord, ownRe);
      if (o) return o;
    }
    return null;
  };
  let org: string | null;
  let teamLines: string[];
  if (s.kind === 'email') {
    org = tryLines(sigLines);
    teamLines = sigLines;
    if (!org) {
      const display = s.from_name.split(/\s+[-–(]\s*|\s*\(/)[0]!.trim();
      org = orgOf(display, domainWord, ownRe);
      // A mailbox's display name that is no person's ("Allianz Care <noreply…>") names the organisation.
      if (
        !org &&
        /^(?:no-?reply|do-?not-?reply|info|enquiries|admin|accounts|office|hello|contact|notifications?)\b/i.test(s.from_address) &&
        display &&
        !personName(display)
      )
        org = /^(?:\p{Lu}[\p{L}&'’-]*\s?){1,4}$/u.test(cleanOrg(display)) && !JOB.test(display) ? cleanOrg(display) : null;
      if (!org && domainWord) {
        const word = s.from_name.split(/\s+/).find((w) => w.toLowerCase() === domainWord);
        if (word) org = word;
      }
      teamLines = [s.from_name.replace(/\s+[-–]\s+.*$/, ''), ...sigLines];
    }
    if (!org) org = tryLines(letterhead);
    // A forward or reply signed only with a first name: the sender's full signature is in an earlier
    // message of the same thread, under their name.
    const writer = personName(s.from_name.replace(/\s*[(<].*$/, ''));
    if (!org && writer && s.quoted) {
      const at = s.quoted.search(new RegExp(`^[> \\t]*${writer.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}[ \\t]*$`, 'm'));
      if (at >= 0) {
        const block = s.quoted
          .slice(at)
          .split('\n')
          .slice(1, 5)
          .map((l) => l.replace(/^[> \t]+/, '').trim())
          .filter(Boolean);
        org = tryLines(block);
        if (org) teamLines = block;
      }
    }
    // No sign-off line: the name block closing the message is the signature.
    if (!org) {
      const tail = s.main
        .split('\n')
        .map((l) => l.trim())
        .filter(Boolean)
        .slice(-8);
      org = tryLines(tail);
      if (org) teamLines = tail;
    }
  } else {
    org = tryLines(letterhead) ?? (letterhead[0] && /^[A-Z][A-Z\s&'’-]{4,}$/.test(letterhead[0]) ? letterhead[0] : null) ?? tryLines(sigLines);
    // The signature names the team that wrote; the letterhead may name a directorate above it.
    teamLines = [...sigLines, ...letterhead.slice(1)];
  }
  if (!org) return null;
  // A signature line "SEND Service, Harwood Metropolitan Borough Council": the council part.
  const councilPart = org.split(/,\s*|\s+\|\s+/).find((p) => /council|borough of/i.test(p));
  if (councilPart) org = councilPart.trim();
  org = casing(org, s.full).replace(/\s*\([^)]*\)$/, '');
  if (LOCAL_AUTHORITY.test(org)) {
    const team = teamOf(s.kind === 'email' ? [...sigLines, ...teamLines] : teamLines, org);
    if (team) return `${org} ${team}`;
  }
  return org;
}
