import { parseInput } from '../../contract/common.js';
import { draftInput, type DraftInput } from '../../contract/documents.js';
import { newId } from '../../db/ids.js';
import type { DocumentKind } from '../../domain/documents/kinds.js';
import { invalid } from '../../domain/errors.js';
import { composeDocument, type DraftSource } from '../../drafting/index.js';
import { appendAudit } from '../audit/append-audit.js';
import { actorUserId, nowIso, type ServiceContext } from '../context.js';
import { assertClinicalReader, clinicalCase } from '../findings/clinical-access.js';
import { sourceFor, insertVersion } from './document-versions.js';
import { getDocument } from './get-document.js';

function letterOptions(data: ReturnType<typeof parseDraft>): DraftSource['letter'] {
  return {
    ...(data.level ? { level: data.level } : {}),
    ...(data.invoice ? { invoice: { ...data.invoice, reference_rate_bp: data.invoice.reference_rate_bp ?? null } } : {}),
    ...(data.audience ? { audience: data.audience } : {}),
  };
}

const parseDraft = (input: DraftInput) => parseInput(draftInput, input);

/** Drafts a document of a kind for a case (a marketing letter needs no case). */
export async function draftDocument(ctx: ServiceContext, input: DraftInput) {
  const data = parseDraft(input);
  const kind: DocumentKind = data.kind;
  if (!data.case_id && kind !== 'marketing-letter') throw invalid(`A ${kind} is drafted for a case: give its case id.`, 'case_id');
  assertClinicalReader(ctx);
  const id = await ctx.db.transaction().execute(async (trx) => {
    const c = data.case_id ? await clinicalCase(trx, ctx, data.case_id) : null;
    const letter = letterOptions(data);
    const model = composeDocument(kind, await sourceFor(trx, ctx, c?.id ?? null, letter));
    const docId = newId();
    await trx
      .insertInto('documents')
      .values({
        id: docId,
        client_id: c?.client_id ?? null,
        case_id: c?.id ?? null,
        kind,
        version: 1,
        status: 'draft',
        title: model.title,
        body: '',
        created_by: actorUserId(ctx.actor),
        signed_by: null,
        signed_at: null,
        created_at: nowIso(ctx),
        options: JSON.stringify(letter),
        sent_at: null,
        correspondence_id: null,
        updated_at: nowIso(ctx),
      })
      .execute();
    await insertVersion(trx, ctx, docId, 1, model, 'drafted by Steve from the recorded findings');
    await appendAudit(trx, ctx, { action: 'create', entity: 'document', entity_id: docId, client_id: c?.client_id ?? null, detail: `kind=${kind}` });
    return docId;
  });
  return getDocument(ctx, id, { audit: false });
}
