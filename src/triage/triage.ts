/**
 * Triage of one incoming document: read it, classify it, find the client, the sender, the
 * references, the dates to act on and the facts (format v1 of the triage fixture corpus).
 * Offline and pure apart from the bytes handed in: the caller reads files.
 */
import type { LocalDate } from '../domain/calendar/local-date.js';
import { EMPTY_PRACTICE_IDENTITY, type PracticeIdentity } from '../domain/practice/identity.js';
import type { Jurisdiction } from '../domain/vocabulary.js';
import { findActionDates, findFacts, type ActionDate, type Facts } from './actions.js';
import { classify, type Category } from './classify.js';
import { categoryConfidence, clientConfidence, dateConfidence, referenceConfidence, type TriageConfidence } from './confidence.js';
import { applyLearning, type LearnedHints } from './learning.js';
import { findDates } from './dates.js';
import { findClient, findSenderOrg, personName } from './people.js';
import { readDocument, UnreadableDocument, type Attachment } from './read.js';
import { findReferences, findTableRows, type Reference, type SenderKind } from './references.js';
import { findRemittance, type Remittance } from './remittance.js';
import { splitSections } from './sections.js';

export interface TriageClient {
  name: string;
  dob: LocalDate | null;
  nhs_number: string | null;
}

export interface TriageRecord {
  file: string;
  category: Category;
  received: LocalDate | null;
  client: TriageClient | null;
  sender_org: string | null;
  /** Who signed or sent it, when a person. */
  sender_name: string | null;
  sender_email: string | null;
  subject: string;
  message_id: string | null;
  references: Reference[];
  dates: ActionDate[];
  facts: Facts;
  /** For a payment: what was paid against which invoice, as far as the document says. */
  remittance: Remittance | null;
  attachments: Attachment[];
  notes: string[];
  /** The first lines of what the writer says, for a correspondence log. */
  summary: string;
  /** How far to trust the category, the client, each date and each reference, and why. */
  confidence: TriageConfidence;
}

export interface TriageError {
  file: string;
  error: string;
}

export type TriageResult = TriageRecord | TriageError;

export function isTriageError(r: TriageResult): r is TriageError {
  return 'error' in r;
}

export interface TriageOptions {
  /** The date used when a letter carries none (normally today). */
  today: LocalDate;
  /** Who the practice itself is: its names, staff and domains are never the sender or the client. */
  practice?: PracticeIdentity;
  jurisdiction?: Jurisdiction;
  /** What this practice's earlier corrections teach (loaded by the caller; triage stays pure). */
  hints?: LearnedHints;
}

/** The letter's own date: a "Date:" line or a date alone on a line before the salutation. */
function letterDate(head: string, body: string, today: LocalDate): LocalDate | null {
  const zone = head || body.slice(0, 1500);
  for (const line of zone.split('\n')) {
    const t = line.trim();
    if (!t) continue;
    const m = /^(?:date(?: of (?:letter|remittance|notice))?|remittance date|dated)\s*:\s*(.+)$/i.exec(t);
    const candidate = m ? m[1]! : t;
    const d = findDates(candidate, today)[0];
    if (d && (m || d.text.length >= candidate.replace(/[.,]$/, '').length - 1)) return d.date;
  }
  return null;
}

function senderKind(org: string | null, text: string, fromAddress: string): SenderKind {
  if ((org && /\bcouncil\b/i.test(org)) || (/\.gov\.uk$/i.test(fromAddress) && /\bcouncil\b/i.test(text))) return 'council';
  if (org && /\b(?:solicitors?|law)\b/i.test(org)) return 'law';
  if (
    org &&
    /\bLLP\b/.test(org) &&
    !/\b(?:architects|accountants|surveyors)\b/i.test(org) &&
    /\b(?:we act for|solicitors?|claimant|defendant|our client)\b/i.test(text)
  )
    return 'law';
  if (org && /\b(?:bupa|axa|vitality|wpa|aviva|insurance|insurer|health)\b/i.test(org) && /\bmember(?:ship)?\b/i.test(text)) return 'insurer';
  return 'other';
}

export async function triageDocument(file: string, bytes: Uint8Array, opts: TriageOptions): Promise<TriageResult> {
  let doc;
  try {
    doc = await readDocument(file, bytes);
  } catch (e) {
    if (e instanceof UnreadableDocument) return { file, error: e.message };
    return { file, error: `could not be read: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}` };
  }
  const practice = opts.practice ?? EMPTY_PRACTICE_IDENTITY;
  const own = [...practice.names, ...practice.staff, ...practice.email_domains, doc.to_domain].filter(Boolean);
  const isLetter = doc.kind !== 'email';
  const s = splitSections(doc.body, isLetter);
  const received = (doc.kind === 'email' ? doc.header_date : letterDate(s.head, doc.body, opts.today)) ?? null;
  const ref = received ?? opts.today;
  const bodyForClass = `${s.head}\n${s.main}`;
  const { category, scores } = classify(doc.subject, bodyForClass, { full: doc.body, invoicePrefix: practice.invoice_prefix });

  const rows = findTableRows(doc.body);
  const nameColumn = rows.length
    ? Object.keys(rows[0]!).find((h) => /\b(?:member|patient|client)\b.*name|^name$|^member$|^patient$|^client$/i.test(h))
    : undefined;
  const tableClients = nameColumn ? [...new Set(rows.map((r) => personName(r[nameColumn] ?? '') ?? '').filter(Boolean))] : [];

  const sender_org = findSenderOrg({
    kind: doc.kind,
    head: isLetter ? s.head || doc.body.split(/\n[ \t]*\n/)[0]! : '',
    main: s.main,
    signature: s.signature,
    full: doc.body,
    from_name: doc.from_name,
    from_address: doc.from_address,
    own,
    quoted: s.quoted,
  });
  const exclude = [...own, ...(doc.from_name && sender_org ? [] : [])];
  let client: TriageClient | null = null;
  if (tableClients.length < 2) {
    const c = findClient({
      subject: doc.subject,
      head: s.head,
      main: s.main,
      signature: s.signature,
      from_name: doc.reply_to_name || doc.from_name,
      received: ref,
      exclude,
      quoted: s.quoted,
      writerIsClient: category === 'appointment_change' && !sender_org && doc.kind === 'email',
    });
    if (c && !(category === 'other' && !c.dob)) client = { ...c, nhs_number: null };
  }
  const references = findReferences({
    text: doc.body,
    subject: doc.subject,
    sender: senderKind(sender_org, doc.body, doc.from_address),
    rows,
    invoicePrefix: practice.invoice_prefix,
  });
  if (client) client.nhs_number = references.find((r) => r.kind === 'nhs_number')?.value ?? null;
  const dates = findActionDates({ text: `${s.head}\n${s.main}`, category, received: ref, jurisdiction: opts.jurisdiction });
  const facts = findFacts(s.main || doc.body, category, dates, tableClients);
  const signer = /^[^\n]*\n+\s*([^\n]+)/.exec(s.signature)?.[1];
  const sender_name = personName(doc.from_name) ?? (signer ? personName(signer) : null);
  const notes = [...doc.notes];
  if (!received) notes.push('no date found on the letter: received is unknown');
  const record: TriageRecord = {
    file,
    category,
    received,
    client,
    sender_org,
    sender_name,
    sender_email: doc.from_address || null,
    subject: doc.subject,
    message_id: doc.message_id,
    references,
    dates,
    facts,
    remittance: category === 'payment' ? findRemittance({ text: s.main || doc.body, rows, references, dates, received }) : null,
    attachments: doc.attachments,
    notes,
    summary: s.main
      .replace(/^\s*(?:dear|hi|hello)\b[^\n]*\n/i, '')
      .replace(/\s+/g, ' ')
      .trim()
      .slice(0, 400),
    confidence: {
      category: categoryConfidence(category, scores),
      client: client ? clientConfidence(client, doc.subject, doc.body) : null,
      dates: dates.map((d) => dateConfidence(d, dates)),
      references: references.map((r) => referenceConfidence(r, references, `${doc.subject}\n${doc.body}`)),
    },
  };
  return applyLearning(record, opts.hints, `${doc.subject}\n${doc.body}`);
}
