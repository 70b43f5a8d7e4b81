import { plainText, type DocumentModel, type DraftSource } from '../../drafting/index.js';
import { appendAudit } from '../audit/append-audit.js';
import type { ServiceContext } from '../context.js';
import { visibleDocument, versionRow, sourceFor } from './document-versions.js';
import { checksFor } from './document-checks.js';

/** Placeholders the clinician has not yet replaced, in the order they appear. */
function stillNeeded(model: DocumentModel) {
  const text = plainText(model);
  return model.still_needed.filter((n) => text.includes(`[STILL NEEDED: ${n.label}]`));
}

/** A document with its current (or a chosen) version: blocks, provenance, still-needed list and checks. */
export async function getDocument(ctx: ServiceContext, id: string, opts: { version?: number; audit?: boolean } = {}) {
  return ctx.db.transaction().execute(async (trx) => {
    const d = await visibleDocument(trx, ctx, id);
    const v = await versionRow(trx, id, opts.version ?? d.version);
    const versions = await trx
      .selectFrom('document_versions')
      .leftJoin('users', 'users.id', 'document_versions.signed_by')
      .select([
        'document_versions.version',
        'document_versions.status',
        'document_versions.content_hash',
        'document_versions.change',
        'document_versions.created_at',
        'document_versions.signed_at',
        'users.name as signed_by_name',
      ])
      .where('document_id', '=', id)
      .orderBy('version')
      .execute();
    const source = await sourceFor(trx, ctx, d.case_id, JSON.parse(d.options) as DraftSource['letter']);
    const checks = await checksFor(trx, source, v.parsed);
    const signer = v.signed_by ? await trx.selectFrom('users').select('name').where('id', '=', v.signed_by).executeTakeFirst() : undefined;
    if (opts.audit !== false) await appendAudit(trx, ctx, { action: 'read', entity: 'document', entity_id: id, client_id: d.client_id });
    return {
      id: d.id,
      kind: d.kind,
      title: v.parsed.title,
      status: v.version === d.version ? d.status : v.status,
      version: v.version,
      current_version: d.version,
      case_id: d.case_id,
      client_id: d.client_id,
      created_at: d.created_at,
      content_hash: v.content_hash,
      signed_by: v.signed_by,
      signed_by_name: signer?.name ?? null,
      signed_at: v.signed_at,
      sent_at: d.sent_at,
      correspondence_id: d.correspondence_id,
      running_header: v.parsed.running_header,
      letterhead: v.parsed.letterhead,
      blocks: v.shown.blocks,
      signature: v.signature_snapshot,
      still_needed: stillNeeded(v.parsed),
      checks,
      can_sign: v.version === d.version && d.status === 'in_review' && !checks.some((c) => c.severity === 'error'),
      composed_by: {
        steve: v.parsed.blocks.filter((b) => b.composed_by === 'steve').map((b) => b.id),
        clinician: v.parsed.blocks.filter((b) => b.composed_by === 'clinician').map((b) => b.id),
      },
      versions,
    };
  });
}
