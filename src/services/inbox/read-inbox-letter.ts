/**
 * The letter itself, to read on the page: the text of a posted letter or PDF, or an email's
 * plain text (its HTML part turned into text, never sent to the browser as markup). Reading it
 * is audited, like downloading the original.
 */
import { notFound } from '../../domain/errors.js';
import { readDocument, UnreadableDocument } from '../../triage/read.js';
import { assertClientVisible, requirePermission, seesAllClients } from '../access.js';
import { appendAudit } from '../audit/append-audit.js';
import type { ServiceContext } from '../context.js';

export interface InboxLetter {
  item_id: string;
  file_name: string;
  subject: string;
  from: string;
  text: string;
  attachments: { filename: string; content_type: string; size: number }[];
}

/** Long enough for any letter; a longer text is cut with a note, the original stays downloadable. */
const MAX_TEXT = 200_000;

export async function readInboxLetter(ctx: ServiceContext, itemId: string): Promise<InboxLetter> {
  requirePermission(ctx.actor, 'inbox.use', 'read the inbox');
  const row = await ctx.db.transaction().execute(async (trx) => {
    const r = await trx
      .selectFrom('inbox_items')
      .innerJoin('inbox_files', 'inbox_files.hash', 'inbox_items.content_hash')
      .select(['file_name', 'subject', 'sender_name', 'sender_org', 'content_base64', 'client_id', 'category'])
      .where('inbox_items.id', '=', itemId)
      .executeTakeFirst();
    if (!r) throw notFound('inbox item', itemId);
    if (r.client_id) await assertClientVisible(trx, ctx.actor, r.client_id);
    else if (!seesAllClients(ctx.actor) && r.category === 'payment') throw notFound('inbox item', itemId);
    await appendAudit(trx, ctx, { action: 'read', entity: 'inbox_item', entity_id: itemId, client_id: r.client_id, detail: 'letter text' });
    return r;
  });
  let text: string;
  let attachments: InboxLetter['attachments'] = [];
  let from = [row.sender_name, row.sender_org].filter(Boolean).join(', ');
  try {
    const doc = await readDocument(row.file_name, Buffer.from(row.content_base64, 'base64'));
    text = doc.body;
    attachments = doc.attachments.map((a) => ({ filename: a.filename, content_type: a.content_type, size: a.size }));
    if (doc.from_name || doc.from_address) from = [doc.from_name, doc.from_address && `<${doc.from_address}>`].filter(Boolean).join(' ');
  } catch (e) {
    if (!(e instanceof UnreadableDocument)) throw e;
    text = `(The text cannot be shown: ${e.message}. Download the original instead.)`;
  }
  if (text.length > MAX_TEXT) text = `${text.slice(0, MAX_TEXT)}\n\n(… the rest is in the original.)`;
  return { item_id: itemId, file_name: row.file_name, subject: row.subject, from, text, attachments };
}
