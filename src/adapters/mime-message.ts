/**
 * An email as RFC 5322 text with MIME (RFC 2045–2047, 2231): UTF-8 bodies in quoted-printable,
 * attachments in base64, non-ASCII names and subjects as encoded words, lines folded under 78
 * characters, CRLF line ends. What the outbox writes and what an SMTP adapter would send.
 */
import { randomBytes } from 'node:crypto';
import { MailError, type MailAddress, type MailAttachment, type MailMessage } from '../ports/mail.js';

const CRLF = '\r\n';
const encoder = new TextEncoder();
const ADDRESS = /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+$/;
const MESSAGE_ID = /^<[^<>\s@]+@[^<>\s@]+>$/;
const MIME_TYPE = /^[a-z0-9!#$&^_.+-]+\/[a-z0-9!#$&^_.+-]+$/i;
// Header text that needs no encoding: printable ASCII without the characters encoded words use.
const PLAIN_HEADER = /^[\x20-\x7e]*$/;
const ATOM_PHRASE = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~ -]+$/;

const invalid = (message: string) => new MailError('invalid', `${message} Nothing was sent.`);

function checkAddress(a: MailAddress, role: string): void {
  if (!ADDRESS.test(a.address)) throw invalid(`The ${role} address "${a.address}" is not an email address.`);
  if (a.name !== undefined && /[\r\n]/.test(a.name)) throw invalid(`The ${role} name contains a line break.`);
}

/** Refuses what would make a broken or forged message: no recipient, a bad address, a line break in a header. */
function checkMessage(m: MailMessage): void {
  checkAddress(m.from, 'sender');
  if (m.to.length === 0) throw invalid('A message needs at least one recipient.');
  for (const a of m.to) checkAddress(a, 'recipient');
  for (const a of m.cc ?? []) checkAddress(a, 'copy');
  if (m.replyTo) checkAddress(m.replyTo, 'reply-to');
  if (/[\r\n]/.test(m.subject)) throw invalid('The subject contains a line break.');
  if (m.inReplyTo !== undefined && !MESSAGE_ID.test(m.inReplyTo)) throw invalid(`"${m.inReplyTo}" is not a Message-ID.`);
  for (const a of m.attachments ?? []) {
    if (a.filename.trim() === '' || /[\r\n/\\]/.test(a.filename)) throw invalid(`The attachment name "${a.filename}" is not a file name.`);
    if (!MIME_TYPE.test(a.contentType)) throw invalid(`The attachment type "${a.contentType}" is not a MIME type.`);
  }
}

/** RFC 2047 encoded words ("=?UTF-8?B?…?="), each at most 75 characters, never splitting a character. */
function encodedWords(text: string): string[] {
  const words: string[] = [];
  let chunk = '';
  for (const ch of text) {
    // 42 bytes of UTF-8 make 56 of base64: with "=?UTF-8?B?" and "?=" a word fits a 78-character line after "Subject: ".
    if (encoder.encode(chunk + ch).length > 42) {
      words.push(chunk);
      chunk = '';
    }
    chunk += ch;
  }
  if (chunk) words.push(chunk);
  return words.map((w) => `=?UTF-8?B?${Buffer.from(w, 'utf8').toString('base64')}?=`);
}

function headerText(text: string): string[] {
  return PLAIN_HEADER.test(text) ? text.split(' ') : encodedWords(text);
}

function address(a: MailAddress): string[] {
  if (!a.name) return [a.address];
  const name = PLAIN_HEADER.test(a.name) ? (ATOM_PHRASE.test(a.name) ? a.name.split(' ') : [`"${a.name.replace(/["\\]/g, '\\$&')}"`]) : encodedWords(a.name);
  return [...name, `<${a.address}>`];
}

function addressList(list: readonly MailAddress[]): string[] {
  return list.flatMap((a, i) => {
    const words = address(a);
    if (i < list.length - 1) words[words.length - 1] += ',';
    return words;
  });
}

/** One header, folded at spaces so no line passes 78 characters where the words allow. */
function header(name: string, words: string[]): string {
  const lines: string[] = [];
  let line = `${name}:`;
  for (const w of words) {
    if (line.length + 1 + w.length > 78 && line.length > name.length + 1) {
      lines.push(line);
      line = ` ${w}`;
    } else line += ` ${w}`;
  }
  lines.push(line);
  return lines.join(CRLF);
}

/** RFC 2045 quoted-printable of UTF-8 text, with CRLF line ends and soft breaks under 76 characters. */
export function quotedPrintable(text: string): string {
  const out: string[] = [];
  for (const line of text.replace(/\r\n?/g, '\n').split('\n')) {
    const bytes = encoder.encode(line);
    let encoded = '';
    let width = 0;
    for (const [i, b] of bytes.entries()) {
      const last = i === bytes.length - 1;
      // Spaces and tabs at a line's end would be stripped in transit; "=" and non-ASCII are always encoded.
      const literal = (b >= 33 && b <= 126 && b !== 61) || ((b === 32 || b === 9) && !last);
      const piece = literal ? String.fromCharCode(b) : `=${b.toString(16).toUpperCase().padStart(2, '0')}`;
      if (width + piece.length > 75) {
        encoded += `=${CRLF}`;
        width = 0;
      }
      encoded += piece;
      width += piece.length;
    }
    out.push(encoded);
  }
  return out.join(CRLF);
}

function base64Lines(bytes: Uint8Array): string {
  return (
    Buffer.from(bytes)
      .toString('base64')
      .match(/.{1,76}/g) ?? []
  ).join(CRLF);
}

/** RFC 2231 for a non-ASCII file name (filename*=UTF-8''…), a quoted string otherwise. */
function fileNameParameter(param: string, filename: string): string {
  if (PLAIN_HEADER.test(filename)) return `${param}="${filename.replace(/["\\]/g, '\\$&')}"`;
  const encoded = [...encoder.encode(filename)]
    .map((b) => (/[A-Za-z0-9._-]/.test(String.fromCharCode(b)) ? String.fromCharCode(b) : `%${b.toString(16).toUpperCase().padStart(2, '0')}`))
    .join('');
  return `${param}*=UTF-8''${encoded}`;
}

function textPart(type: 'plain' | 'html', body: string): string {
  return [`Content-Type: text/${type}; charset=utf-8`, 'Content-Transfer-Encoding: quoted-printable', '', quotedPrintable(body)].join(CRLF);
}

function attachmentPart(a: MailAttachment): string {
  return [
    `Content-Type: ${a.contentType};${CRLF} ${fileNameParameter('name', a.filename)}`,
    'Content-Transfer-Encoding: base64',
    `Content-Disposition: attachment;${CRLF} ${fileNameParameter('filename', a.filename)}`,
    '',
    base64Lines(a.content),
  ].join(CRLF);
}

function multipart(subtype: 'mixed' | 'alternative', parts: string[]): string {
  const boundary = `=_steve_${randomBytes(12).toString('hex')}`;
  return [`Content-Type: multipart/${subtype};${CRLF} boundary="${boundary}"`, '', ...parts.map((p) => `--${boundary}${CRLF}${p}`), `--${boundary}--`, ''].join(
    CRLF,
  );
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** RFC 5322 date-time in UTC: "Sun, 06 Dec 2026 02:30:00 +0000". */
function rfc5322Date(at: Date): string {
  const two = (n: number) => String(n).padStart(2, '0');
  return `${DAYS[at.getUTCDay()]}, ${two(at.getUTCDate())} ${MONTHS[at.getUTCMonth()]} ${at.getUTCFullYear()} ${two(at.getUTCHours())}:${two(at.getUTCMinutes())}:${two(at.getUTCSeconds())} +0000`;
}

/** A fresh Message-ID in the sender's domain. */
export function newMessageId(from: MailAddress): string {
  return `<${randomBytes(16).toString('hex')}@${from.address.split('@')[1]}>`;
}

/** The whole message as RFC 5322 text, ready to write as an .eml file or hand to a mail server. */
export function composeMime(m: MailMessage, at: Date, messageId: string): string {
  checkMessage(m);
  const headers = [
    header('From', address(m.from)),
    header('To', addressList(m.to)),
    ...(m.cc?.length ? [header('Cc', addressList(m.cc))] : []),
    ...(m.replyTo ? [header('Reply-To', address(m.replyTo))] : []),
    header('Subject', headerText(m.subject)),
    `Date: ${rfc5322Date(at)}`,
    `Message-ID: ${messageId}`,
    ...(m.inReplyTo ? [`In-Reply-To: ${m.inReplyTo}`, `References: ${m.inReplyTo}`] : []),
    'MIME-Version: 1.0',
  ];
  const body = m.html === undefined ? textPart('plain', m.text) : multipart('alternative', [textPart('plain', m.text), textPart('html', m.html)]);
  const attachments = m.attachments ?? [];
  const content = attachments.length === 0 ? body : multipart('mixed', [body, ...attachments.map(attachmentPart)]);
  return `${headers.join(CRLF)}${CRLF}${content}${content.endsWith(CRLF) ? '' : CRLF}`;
}
