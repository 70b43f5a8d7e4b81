import { AppError } from '../../domain/errors.js';
import { appendAudit } from '../audit/append-audit.js';
import { nowIso, type ServiceContext } from '../context.js';
import { visibleDocument } from './document-versions.js';
import { getDocument } from './get-document.js';

export async function submitForReview(ctx: ServiceContext, id: string) {
  await ctx.db.transaction().execute(async (trx) => {
    const d = await visibleDocument(trx, ctx, id);
    if (d.status !== 'draft') throw new AppError('CONFLICT', `Only a draft can go for review; this document is ${d.status.replace('_', ' ')}.`);
    await trx.updateTable('document_versions').set({ status: 'in_review' }).where('document_id', '=', id).where('version', '=', d.version).execute();
    await trx
      .updateTable('documents')
      .set({ status: 'in_review', updated_at: nowIso(ctx) })
      .where('id', '=', id)
      .execute();
    await appendAudit(trx, ctx, { action: 'update', entity: 'document', entity_id: id, client_id: d.client_id, detail: 'status=in_review' });
  });
  return getDocument(ctx, id, { audit: false });
}
