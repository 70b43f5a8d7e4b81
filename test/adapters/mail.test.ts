import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { simpleParser, type AddressObject } from 'mailparser';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { disabledMail } from '../../src/adapters/disabled-mail.js';
import { localDiskFiles } from '../../src/adapters/local-disk-files.js';
import { memoryFiles } from '../../src/adapters/memory-files.js';
import { quotedPrintable } from '../../src/adapters/mime-message.js';
import { outboxMail } from '../../src/adapters/outbox-mail.js';
import { fixedClock } from '../../src/adapters/system-clock.js';
import { AppError } from '../../src/domain/errors.js';
import { MailError, type MailMessage } from '../../src/ports/mail.js';

const clock = fixedClock('2026-12-04T14:05:09Z');
const pdf = new Uint8Array(3000).map((_, i) => (i * 7) % 256);
const docx = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x00, 0xff, 0x0d, 0x0a, 0x3d]);

// Long lines, "=" signs, trailing spaces, CRLF and LF, and text in other scripts: what quoted-printable must carry intact.
const TEXT = [
  'Dear Ms O’Fictional-Évans,',
  '',
  `Please find attached the occupational therapy report for Siân, with the invoice for £450.00 (a=b, 100% of the agreed fee). ${'Long line '.repeat(12)}`,
  'A line ending in spaces   ',
  'Tab\tseparated\tvalues\t',
  '.',
  'Cymraeg: Diolch yn fawr — 日本語のテキスト',
  '',
  'Harbour Lane OT',
].join('\r\n');

const MESSAGE: MailMessage = {
  from: { name: 'Harbour Lane OT', address: 'office@harbour-lane.test' },
  to: [
    { name: 'Siân O’Fictional-Évans', address: 'sian@example.test' },
    { name: 'Smith, "Dr" John', address: 'john.smith@example.test' },
  ],
  cc: [{ address: 'records@harbour-lane.test' }],
  replyTo: { address: 'reply@harbour-lane.test' },
  subject: 'Report and invoice for Siân — Ref INV-0042 — a subject long enough to need folding across lines',
  text: TEXT,
  html: '<p>Dear Ms O’Fictional-Évans,</p><p>Please find attached the report.</p>',
  attachments: [
    { filename: 'OT report – Siân.pdf', contentType: 'application/pdf', content: pdf },
    { filename: 'invoice.docx', contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', content: docx },
  ],
  inReplyTo: '<original-123@example.test>',
};

const addresses = (a: AddressObject | AddressObject[] | undefined) =>
  (Array.isArray(a) ? a : a ? [a] : []).flatMap((o) => o.value.map((v) => ({ name: v.name, address: v.address })));

describe('outbox mail', () => {
  let folder: string;
  beforeEach(() => (folder = mkdtempSync(join(tmpdir(), 'steve-outbox-'))));
  afterEach(() => rmSync(folder, { recursive: true, force: true }));

  it('writes one RFC 5322 .eml file that a mail parser reads back exactly: headers, text, HTML and attachment bytes', async () => {
    const sent = await outboxMail(folder, { files: localDiskFiles, clock }).send(MESSAGE);

    expect(readdirSync(folder)).toEqual([sent.location.slice(folder.length + 1)]);
    expect(sent.location).toMatch(/[/\\]20261204T140509Z-[0-9a-f]{8}\.eml$/);
    const raw = readFileSync(sent.location);
    const parsed = await simpleParser(raw);

    expect(parsed.messageId).toBe(sent.messageId);
    expect(sent.messageId).toMatch(/^<[0-9a-f]{32}@harbour-lane\.test>$/);
    expect(parsed.date?.toISOString()).toBe('2026-12-04T14:05:09.000Z');
    expect(parsed.subject).toBe(MESSAGE.subject);
    expect(addresses(parsed.from)).toEqual([{ name: 'Harbour Lane OT', address: 'office@harbour-lane.test' }]);
    expect(addresses(parsed.to)).toEqual([
      { name: 'Siân O’Fictional-Évans', address: 'sian@example.test' },
      { name: 'Smith, "Dr" John', address: 'john.smith@example.test' },
    ]);
    expect(addresses(parsed.cc)).toEqual([{ name: '', address: 'records@harbour-lane.test' }]);
    expect(addresses(parsed.replyTo)).toEqual([{ name: '', address: 'reply@harbour-lane.test' }]);
    expect(parsed.inReplyTo).toBe('<original-123@example.test>');
    expect(parsed.text?.replace(/\r\n/g, '\n').trimEnd()).toBe(TEXT.replace(/\r\n/g, '\n'));
    expect(parsed.html).toBe(MESSAGE.html);
    expect(parsed.attachments.map((a) => ({ filename: a.filename, contentType: a.contentType, disposition: a.contentDisposition }))).toEqual([
      { filename: 'OT report – Siân.pdf', contentType: 'application/pdf', disposition: 'attachment' },
      { filename: 'invoice.docx', contentType: MESSAGE.attachments![1]!.contentType, disposition: 'attachment' },
    ]);
    expect(new Uint8Array(parsed.attachments[0]!.content)).toEqual(pdf);
    expect(new Uint8Array(parsed.attachments[1]!.content)).toEqual(docx);

    // Plain 7-bit text with CRLF line ends; lines within 78 characters unless one word (a long MIME type) cannot break, and all within 998.
    const text = raw.toString('latin1');
    expect([...raw].every((b) => b < 0x80)).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    const lines = text.split('\r\n');
    expect(lines.filter((l) => l.length > 78 && l.trim().split(' ').length > 2)).toEqual([]);
    expect(lines.filter((l) => l.length > 998)).toEqual([]);
    expect(lines).toContain('MIME-Version: 1.0');
  });

  it('a text-only message is a single text/plain part', async () => {
    const { location } = await outboxMail(folder, { files: localDiskFiles, clock }).send({
      from: { address: 'office@harbour-lane.test' },
      to: [{ address: 'gp@example.test' }],
      subject: 'Plain',
      text: 'Hello.',
    });
    const raw = readFileSync(location, 'latin1');
    expect(raw).toContain('Content-Type: text/plain; charset=utf-8');
    expect(raw).not.toContain('multipart');
    const parsed = await simpleParser(raw);
    expect(parsed.text?.trim()).toBe('Hello.');
    expect(parsed.attachments).toEqual([]);
  });

  it.each<[string, Partial<MailMessage>, RegExp]>([
    ['no recipient', { to: [] }, /at least one recipient/],
    ['a recipient that is not an address', { to: [{ address: 'not an address' }] }, /"not an address" is not an email address/],
    ['a line break in the subject (header injection)', { subject: 'Hi\r\nBcc: everyone@example.test' }, /subject contains a line break/],
    ['a line break in a name', { from: { name: 'Office\nBcc: x@example.test', address: 'office@harbour-lane.test' } }, /name contains a line break/],
    [
      'an attachment name with a folder in it',
      { attachments: [{ filename: '../secret.pdf', contentType: 'application/pdf', content: pdf }] },
      /not a file name/,
    ],
    ['an attachment type that is not a MIME type', { attachments: [{ filename: 'a.pdf', contentType: 'pdf', content: pdf }] }, /not a MIME type/],
    ['an In-Reply-To that is not a Message-ID', { inReplyTo: 'yesterday' }, /not a Message-ID/],
  ])('refuses %s with a MailError (invalid), writing nothing', async (_label, change, message) => {
    const err = await outboxMail(folder, { files: localDiskFiles, clock })
      .send({ ...MESSAGE, ...change })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(MailError);
    expect(err).toMatchObject({ reason: 'invalid', code: 'VALIDATION', message: expect.stringMatching(message) });
    expect(readdirSync(folder)).toEqual([]);
  });

  it('an outbox folder that does not exist is a MailError (unavailable)', async () => {
    const files = memoryFiles();
    await expect(outboxMail('/no/such/outbox', { files, clock }).send(MESSAGE)).rejects.toMatchObject({
      reason: 'unavailable',
      message: 'The mail outbox /no/such/outbox is not a folder that exists; nothing was sent.',
    });
    expect(files.snapshot().size).toBe(0);
  });

  it('works over any Files adapter: in memory the message lands in the outbox folder', async () => {
    const files = memoryFiles();
    files.makeFolder('/outbox');
    const sent = await outboxMail('/outbox', { files, clock }).send(MESSAGE);
    expect([...files.snapshot().keys()]).toEqual([sent.location]);
    expect((await simpleParser(Buffer.from(await files.readBytes(sent.location)))).subject).toBe(MESSAGE.subject);
  });
});

describe('disabled mail', () => {
  it('refuses every message with a MailError (disabled) that says how to set sending up', async () => {
    const err = await disabledMail.send(MESSAGE).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(MailError);
    expect(err).toBeInstanceOf(AppError);
    expect(err).toMatchObject({ reason: 'disabled', code: 'CONFLICT', message: expect.stringContaining('STEVE_MAIL_OUTBOX') });
    expect(disabledMail.kind).toBe('disabled');
  });
});

describe('quoted-printable', () => {
  it.each([
    ['a=b', 'a=3Db'],
    ['trailing space ', 'trailing space=20'],
    ['£', '=C2=A3'],
    ['line one\nline two', 'line one\r\nline two'],
  ])('%j is %j', (text, encoded) => {
    expect(quotedPrintable(text)).toBe(encoded);
  });

  it('breaks long lines softly at 76 characters without splitting an escape', () => {
    const encoded = quotedPrintable('é'.repeat(100));
    const lines = encoded.split('\r\n');
    expect(lines.every((l) => l.length <= 76)).toBe(true);
    expect(lines.slice(0, -1).every((l) => l.endsWith('=') && /^(=[0-9A-F]{2})+=$/.test(l))).toBe(true);
    expect(
      Buffer.from(
        encoded.replace(/=\r\n/g, '').replace(/=([0-9A-F]{2})/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16))),
        'latin1',
      ).toString('utf8'),
    ).toBe('é'.repeat(100));
  });
});
