/**
 * Sending email: a letter, a report or an invoice to a client, a referrer or a payer. Services
 * hand over a whole message; the adapter chosen at start-up (src/main) delivers it, writes it
 * to an outbox folder, or refuses because sending is not set up.
 */
import { AppError, type ErrorCode } from '../domain/errors.js';

export interface MailAddress {
  /** Shown beside the address ("Harbour Lane OT"); any language. */
  name?: string;
  /** A plain ASCII address, local@domain. */
  address: string;
}

export interface MailAttachment {
  filename: string;
  /** A MIME type, for example application/pdf. */
  contentType: string;
  content: Uint8Array;
}

export interface MailMessage {
  from: MailAddress;
  to: readonly MailAddress[];
  cc?: readonly MailAddress[];
  replyTo?: MailAddress;
  subject: string;
  /** The plain-text body every message has. */
  text: string;
  /** An HTML body shown instead of the text by mail programs that can. */
  html?: string;
  attachments?: readonly MailAttachment[];
  /** The Message-ID (with its angle brackets) of the message this answers, so replies thread. */
  inReplyTo?: string;
}

export interface SentMail {
  /** With angle brackets, as in the Message-ID header. */
  messageId: string;
  /** Where the message went, for telling the person: a file, or the server that took it. */
  location: string;
}

export type MailErrorReason =
  /** Sending is not set up on this installation. */
  | 'disabled'
  /** The message itself is wrong (no recipient, an address that is not one, a line break in the subject). */
  | 'invalid'
  /** The outbox or the mail server could not be reached or written; trying again may work. */
  | 'unavailable'
  /** The mail server refused the message; trying again will not help. */
  | 'rejected';

/** Why a message was not sent. Nothing was sent when this is thrown. */
export class MailError extends AppError {
  readonly reason: MailErrorReason;

  constructor(reason: MailErrorReason, message: string, options: { cause?: unknown } = {}) {
    super(CODE_OF[reason], message, options);
    this.name = 'MailError';
    this.reason = reason;
  }
}

// Until the error vocabulary has a code for "a service outside Steve is missing or down",
// those cases are a conflict with how this installation is set up, which the person can change.
const CODE_OF: Record<MailErrorReason, ErrorCode> = { disabled: 'CONFLICT', invalid: 'VALIDATION', unavailable: 'CONFLICT', rejected: 'CONFLICT' };

export interface MailSender {
  /** Which adapter this is ('disabled', 'outbox', …), for status pages and logs. */
  readonly kind: string;
  send(message: MailMessage): Promise<SentMail>;
}
