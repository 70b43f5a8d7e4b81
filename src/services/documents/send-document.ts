import { parseInput } from '../../contract/common.js';
import { sendInput, type SendInput } from '../../contract/documents.js';
import { newId } from '../../db/ids.js';
import { AppError } from '../../domain/errors.js';
import type { DraftSource } from '../../drafting/index.js';
import { appendAudit } from '../audit/append-audit.js';
import { nowIso, type ServiceContext } from '../context.js';
import { visibleDocument, versionRow, sourceFor } from './document-versions.js';
import { getDocument } from './get-document.js';

/** Marks the signed version sent and logs it in the correspondence record. */
export async function sendDocument(ctx: ServiceContext, id: string, input: SendInput = {}) {
  const data = parseInput(sendInput, input);
  await ctx.db.transaction().execute(async (trx) => {
    const d = await visibleDocument(trx, ctx, id);
    if (d.status !== 'signed')
      throw new AppError('CONFLICT', d.status === 'sent' ? 'This version has already been sent.' : 'Only a signed document can be sent.');
    const v = await versionRow(trx, id, d.version);
    const source = await sourceFor(trx, ctx, d.case_id, JSON.parse(d.options) as DraftSource['letter']);
    const party = data.party_name ?? source.ehcp?.la_name ?? source.case?.referrer_name ?? source.case?.funder_name ?? source.letter.audience ?? '';
    const corrId = newId();
    const at = nowIso(ctx);
    await trx
      .insertInto('correspondence')
      .values({
        id: corrId,
        client_id: d.client_id,
        case_id: d.case_id,
        direction: 'out',
        channel: data.channel ?? 'email',
        party_org_id: null,
        party_contact_id: null,
        party_name: party,
        on_date: data.on_date ?? ctx.clock.today(),
        subject: v.parsed.title,
        summary: `Version ${v.version}, signed ${v.signed_at?.slice(0, 10) ?? ''}; SHA-256 ${v.content_hash}`,
        file_path: null,
        follow_up_on: null,
        created_at: at,
      })
      .execute();
    await trx.updateTable('document_versions').set({ status: 'sent' }).where('id', '=', v.id).execute();
    await trx.updateTable('documents').set({ status: 'sent', sent_at: at, correspondence_id: corrId, updated_at: at }).where('id', '=', id).execute();
    await appendAudit(trx, ctx, {
      action: 'send',
      entity: 'document',
      entity_id: id,
      client_id: d.client_id,
      detail: `version=${v.version} correspondence=${corrId}`,
    });
  });
  return getDocument(ctx, id, { audit: false });
}
