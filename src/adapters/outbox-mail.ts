/**
 * Sending without a network: each message is written whole, as an RFC 5322 .eml file, into an
 * outbox folder that a person (or any mail program) can open, check and send on.
 */
import type { Clock } from '../ports/clock.js';
import { FileError, type Files } from '../ports/files.js';
import { MailError, type MailSender } from '../ports/mail.js';
import { composeMime, newMessageId } from './mime-message.js';

export function outboxMail(folder: string, deps: { files: Files; clock: Clock }): MailSender {
  return {
    kind: 'outbox',
    async send(message) {
      const at = deps.clock.now();
      const messageId = newMessageId(message.from);
      const eml = composeMime(message, at, messageId);
      if ((await deps.files.kind(folder)) !== 'folder') {
        throw new MailError('unavailable', `The mail outbox ${folder} is not a folder that exists; nothing was sent.`);
      }
      // Time first, so the outbox lists in the order messages were sent.
      const stamp = at
        .toISOString()
        .replace(/[-:]/g, '')
        .replace(/\.\d+Z$/, 'Z');
      const path = deps.files.join(folder, `${stamp}-${messageId.slice(1, 9)}.eml`);
      try {
        await deps.files.write(path, eml);
      } catch (e) {
        if (e instanceof FileError) throw new MailError('unavailable', `${e.message} Nothing was sent.`, { cause: e });
        throw e;
      }
      return { messageId, location: path };
    },
  };
}
