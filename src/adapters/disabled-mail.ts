import { MailError, type MailSender } from '../ports/mail.js';

/** The default when no way of sending is set up: every message is refused, and nothing is written. */
export const disabledMail: MailSender = {
  kind: 'disabled',
  async send() {
    throw new MailError(
      'disabled',
      'Sending email is not set up. Set STEVE_MAIL_OUTBOX to a folder to have each message written there as an .eml file; nothing was sent.',
    );
  },
};
