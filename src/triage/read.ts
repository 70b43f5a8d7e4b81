/**
 * Turns the bytes of one incoming file (an .eml message, a .txt letter or a .pdf) into plain
 * text plus the few envelope facts triage needs. Anything that cannot be read as
 * correspondence is refused with one clear sentence, so a batch reports it and goes on.
 */
import { simpleParser, type AddressObject } from 'mailparser';
import type { LocalDate } from '../domain/calendar/local-date.js';
import { firstDate } from './dates.js';
import { pdfText } from './pdf.js';

/** Larger files are refused: correspondence with a 20 MB attachment is not something to read inline. */
export const MAX_FILE_BYTES = 10 * 1024 * 1024;
/** Attachments larger than this are listed but not read. */
const MAX_ATTACHMENT_BYTES = 5 * 1024 * 1024;

export class UnreadableDocument extends Error {}

export interface Attachment {
  filename: string;
  content_type: string;
  size: number;
  read: boolean;
}

export interface ReadDocument {
  kind: 'email' | 'letter' | 'pdf';
  subject: string;
  from_name: string;
  from_address: string;
  reply_to_name: string;
  /** The addressee's domain: the practice's own, never a sender. */
  to_domain: string;
  message_id: string | null;
  /** The calendar date written in the Date header, in the header's own time zone. */
  header_date: LocalDate | null;
  body: string;
  attachments: Attachment[];
  notes: string[];
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

function headerDate(raw: string | undefined): LocalDate | null {
  const m = raw ? /(\d{1,2})\s+([A-Za-z]{3})[a-z]*\s+(\d{4})/.exec(raw) : null;
  if (!m) return null;
  const mi = MONTHS.indexOf(m[2]!.toLowerCase());
  return mi < 0 ? null : (`${m[3]}-${String(mi + 1).padStart(2, '0')}-${m[1]!.padStart(2, '0')}` as LocalDate);
}

/** Binary content: NUL bytes or many control characters in the first few kilobytes. */
export function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 8192);
  let bad = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!;
    if (b === 0) return true;
    if (b < 32 && b !== 9 && b !== 10 && b !== 13 && b !== 12 && b !== 27) bad++;
  }
  return n > 0 && bad / n > 0.02;
}

const ENTITIES: Record<string, string> = {
  nbsp: ' ',
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  pound: '£',
  euro: '€',
  ndash: '–',
  mdash: '—',
  rsquo: '’',
  lsquo: '‘',
  rdquo: '”',
  ldquo: '“',
  hellip: '…',
  times: '×',
  bull: '•',
  middot: '·',
  copy: '©',
};

/** HTML to text that keeps the shape a reader sees: table cells apart, paragraphs on their own lines. */
export function htmlToText(html: string): string {
  return html
    .replace(/<(head|style|script|title)\b[\s\S]*?<\/\1>/gi, '')
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/\s*\n\s*/g, ' ')
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/(p|div|tr|h[1-6]|li|table|ul|ol|blockquote)>/gi, '\n\n')
    .replace(/<(p|div|tr|h[1-6]|table|ul|ol|blockquote)\b[^>]*>/gi, '\n')
    .replace(/<li\b[^>]*>/gi, '\n* ')
    .replace(/<hr\b[^>]*>/gi, '\n--\n')
    .replace(/<\/(td|th)>/gi, '   ')
    .replace(/<[^>]+>/g, '')
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (all, e: string) => {
      if (e[0] === '#') {
        const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1));
        return Number.isFinite(code) && code > 0 && code < 0x110000 ? String.fromCodePoint(code) : '';
      }
      return ENTITIES[e.toLowerCase()] ?? all;
    })
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n[ \t]+(?=\S)/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

function firstAddress(a: AddressObject | AddressObject[] | undefined): { name: string; address: string } {
  const obj = Array.isArray(a) ? a[0] : a;
  const v = obj?.value[0];
  return { name: v?.name ?? '', address: v?.address ?? '' };
}

async function readEmail(bytes: Uint8Array): Promise<ReadDocument> {
  // Headers first: a message must begin with header fields, and some of the ones mail has.
  const head = Buffer.from(bytes.subarray(0, Math.min(bytes.length, 65536))).toString('latin1');
  const end = head.search(/\r?\n\r?\n/);
  const headerBlock = end < 0 ? head : head.slice(0, end);
  if (!/^[!-9;-~]+:/.test(headerBlock) || !/^(from|date|subject|message-id|content-type|to):/im.test(headerBlock)) {
    throw new UnreadableDocument('not an email message: it does not start with mail headers (From, Date, Subject)');
  }
  const ctype = /^content-type:([^\n]*(?:\n[ \t][^\n]*)*)/im.exec(headerBlock)?.[1] ?? '';
  if (/multipart\//i.test(ctype) && !/boundary\s*=/i.test(ctype)) {
    throw new UnreadableDocument('malformed MIME: a multipart message without a boundary');
  }
  const parsed = await simpleParser(Buffer.from(bytes), { skipHtmlToText: true, skipTextToHtml: true, skipTextLinks: true, skipImageLinks: true });
  if (/multipart\//i.test(ctype)) {
    const boundary = /boundary\s*=\s*"?([^";\r\n]+)"?/i.exec(ctype)?.[1]?.trim();
    const rest = Buffer.from(bytes).toString('latin1');
    if (boundary && !rest.includes(`--${boundary}`)) throw new UnreadableDocument('malformed MIME: the multipart boundary never appears in the message');
  }
  const notes: string[] = [];
  let body = parsed.text?.trim() ? parsed.text : typeof parsed.html === 'string' ? htmlToText(parsed.html) : '';
  const attachments: Attachment[] = [];
  for (const a of parsed.attachments) {
    const filename = a.filename ?? '(unnamed)';
    const att: Attachment = { filename, content_type: a.contentType, size: a.size, read: false };
    attachments.push(att);
    if (a.size > MAX_ATTACHMENT_BYTES) {
      notes.push(`attachment ${filename} (${(a.size / 1048576).toFixed(1)} MB) is too large to read`);
    } else if (/pdf/i.test(a.contentType) || /\.pdf$/i.test(filename)) {
      try {
        const text = await pdfText(a.content);
        if (text.trim()) {
          body += `\n\n[Attachment ${filename}]\n${text}`;
          att.read = true;
        } else notes.push(`attachment ${filename} has no text layer (a scan?)`);
      } catch {
        notes.push(`attachment ${filename} is not a readable PDF`);
      }
    } else if (/^text\/plain/i.test(a.contentType)) {
      body += `\n\n[Attachment ${filename}]\n${a.content.toString('utf8')}`;
      att.read = true;
    } else {
      notes.push(`attachment ${filename} (${a.contentType}) was not read`);
    }
  }
  body = body.replace(/\r\n?/g, '\n');
  if (!body.trim()) throw new UnreadableDocument('the message has no readable text');
  const from = firstAddress(parsed.from);
  const reply = firstAddress(parsed.replyTo);
  const rawDate = parsed.headerLines.find((h) => h.key === 'date')?.line;
  return {
    kind: 'email',
    subject: (parsed.subject ?? '').replace(/\s+/g, ' ').trim(),
    from_name: from.name,
    from_address: from.address.toLowerCase(),
    reply_to_name: reply.name,
    to_domain: firstAddress(parsed.to).address.split('@')[1]?.toLowerCase() ?? '',
    message_id: parsed.messageId ?? null,
    header_date: headerDate(rawDate),
    body,
    attachments,
    notes,
  };
}

// Text read from a scan by OCR confuses l with 1 and O with 0 inside words ("P1ease", "0ctober",
// "Fau1kner"). Where a letter shows several such words, the letters are put back wherever a digit
// cannot stand: between letters, opening a lower-case word (not "1st", "1pm"), closing a word.
const OCR_SIGNS = /\p{Ll}[10]\p{Ll}|\b0\p{Ll}{2,}|\p{Ll}{2}1\b/gu;
function repairOcr(text: string): string {
  let signs = 0;
  for (const _ of text.matchAll(OCR_SIGNS)) if (++signs >= 3) break;
  if (signs < 3) return text;
  return text
    .replace(/(?<=\p{Lu})[01]+(?=\p{Lu})|\b0(?=T\b)/gu, (m) => m.replace(/0/g, 'O').replace(/1/g, 'I'))
    .replace(/(?<=\p{L})1(?=\p{Ll})|(?<=\p{Ll})1(?=\p{L})|(?<=\p{L}\p{Ll})1\b|\b1(?!(?:st|nd|rd|th|am|pm)\b)(?=\p{Ll}{2,}\b)/gu, 'l')
    .replace(/(?<=\p{L})0(?=\p{Ll})|\b0(?=\p{Ll}{2,})|\b0(?=\p{Lu}{2,}\b)/gu, 'O');
}

function letter(kind: 'letter' | 'pdf', body: string, notes: string[] = []): ReadDocument {
  const text = repairOcr(body.replace(/\r\n?/g, '\n').replace(/^\uFEFF/, ''));
  if (!text.trim()) throw new UnreadableDocument('the file has no text');
  return {
    kind,
    subject: '',
    from_name: '',
    from_address: '',
    reply_to_name: '',
    to_domain: '',
    message_id: null,
    header_date: null,
    body: text,
    attachments: [],
    notes,
  };
}

export async function readDocument(name: string, bytes: Uint8Array): Promise<ReadDocument> {
  if (bytes.length === 0) throw new UnreadableDocument('the file is empty');
  if (bytes.length > MAX_FILE_BYTES) {
    throw new UnreadableDocument(`the file is ${(bytes.length / 1048576).toFixed(1)} MB; files over ${MAX_FILE_BYTES / 1048576} MB are not read`);
  }
  const isPdf = /\.pdf$/i.test(name) || Buffer.from(bytes.subarray(0, 5)).toString('latin1') === '%PDF-';
  if (isPdf) {
    let text: string;
    try {
      text = await pdfText(bytes);
    } catch {
      throw new UnreadableDocument('not a readable PDF');
    }
    if (!text.trim()) throw new UnreadableDocument('the PDF has no text layer (a scanned image?): nothing to read');
    return letter('pdf', text);
  }
  if (looksBinary(bytes)) throw new UnreadableDocument(`binary data, not ${/\.eml$/i.test(name) ? 'an email message' : 'text'}`);
  if (/\.eml$/i.test(name)) return readEmail(bytes);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new UnreadableDocument('the text is not UTF-8: save the letter as UTF-8 and import it again');
  }
  // A .txt that is really a saved email is read as one.
  if (/^(from|date|subject|message-id|received|return-path):/i.test(text) && /\n\r?\n/.test(text)) return readEmail(bytes);
  return letter('letter', text);
}

export { firstDate };
