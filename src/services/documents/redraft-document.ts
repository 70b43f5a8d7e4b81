import type { DocumentKind } from '../../domain/documents/kinds.js';
import { composeDocument, type DraftSource } from '../../drafting/index.js';
import { appendAudit } from '../audit/append-audit.js';
import type { ServiceContext } from '../context.js';
import { visibleDocument, sourceFor, insertVersion } from './document-versions.js';
import { getDocument } from './get-document.js';

/** Recomposes from the findings as they are now (after fixing what the checks flagged): a new version. */
export async function redraftDocument(ctx: ServiceContext, id: string) {
  await ctx.db.transaction().execute(async (trx) => {
    const d = await visibleDocument(trx, ctx, id);
    const model = composeDocument(d.kind as DocumentKind, await sourceFor(trx, ctx, d.case_id, JSON.parse(d.options) as DraftSource['letter']));
    await insertVersion(trx, ctx, id, d.version + 1, model, 'redrafted by Steve from the recorded findings');
    await appendAudit(trx, ctx, { action: 'update', entity: 'document', entity_id: id, client_id: d.client_id, detail: `redraft version=${d.version + 1}` });
  });
  return getDocument(ctx, id, { audit: false });
}
