/**
 * Documents: draft from the case's recorded findings, check, review,
 * sign and send. Every change makes a new version; a signed version is never altered, and
 * its SHA-256 content hash proves it. Each block records whether Steve composed it or the
 * clinician wrote it, so an expert can disclose which parts were drafted by software.
 */
import { createHash } from 'node:crypto';
import { newId } from '../../db/ids.js';
import { notFound } from '../../domain/errors.js';
import { applySignature, plainText, type DocumentModel, type DraftSource, type Signature } from '../../drafting/index.js';
import { assertClientVisible } from '../access.js';
import { actorUserId, nowIso, type Db, type ServiceContext } from '../context.js';
import { assertClinicalReader } from '../findings/clinical-access.js';
import { loadDraftSource } from './draft-source.js';

export function contentHash(model: DocumentModel): string {
  return createHash('sha256')
    .update(JSON.stringify({ title: model.title, running_header: model.running_header, letterhead: model.letterhead, blocks: model.blocks }))
    .digest('hex');
}

export async function sourceFor(db: Db, ctx: ServiceContext, caseId: string | null, letter: DraftSource['letter']): Promise<DraftSource> {
  return loadDraftSource(db, { today: ctx.clock.today(), caseId, authorId: actorUserId(ctx.actor), letter });
}

export async function insertVersion(
  trx: Db,
  ctx: ServiceContext,
  documentId: string,
  version: number,
  model: DocumentModel,
  change: string,
  status: 'draft' | 'in_review' = 'draft',
) {
  await trx
    .insertInto('document_versions')
    .values({
      id: newId(),
      document_id: documentId,
      version,
      model: JSON.stringify(model),
      content_hash: contentHash(model),
      status,
      change,
      created_by: actorUserId(ctx.actor),
      created_at: nowIso(ctx),
      signed_by: null,
      signed_at: null,
      signature: null,
    })
    .execute();
  await trx
    .updateTable('documents')
    .set({ version, status, title: model.title, body: plainText(model), signed_by: null, signed_at: null, updated_at: nowIso(ctx) })
    .where('id', '=', documentId)
    .execute();
}

export async function visibleDocument(db: Db, ctx: ServiceContext, id: string) {
  assertClinicalReader(ctx);
  const d = await db.selectFrom('documents').selectAll().where('id', '=', id).executeTakeFirst();
  if (!d) throw notFound('document', id);
  if (d.client_id) {
    await assertClientVisible(db, ctx.actor, d.client_id).catch(() => {
      throw notFound('document', id);
    });
  }
  return d;
}

export async function versionRow(db: Db, documentId: string, version: number) {
  const v = await db.selectFrom('document_versions').selectAll().where('document_id', '=', documentId).where('version', '=', version).executeTakeFirst();
  if (!v) throw notFound('document version', `${documentId} v${version}`);
  const parsed = JSON.parse(v.model) as DocumentModel;
  const signature = v.signature ? (JSON.parse(v.signature) as Signature) : null;
  /** What the version shows: as reviewed, with the signature laid over its sign-off once signed. */
  const shown = signature ? applySignature(parsed, signature) : parsed;
  return { ...v, parsed, signature_snapshot: signature, shown };
}
