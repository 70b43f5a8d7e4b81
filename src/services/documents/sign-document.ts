import { parseInput } from '../../contract/common.js';
import { signInput, type SignInput } from '../../contract/documents.js';
import { AppError, invalid } from '../../domain/errors.js';
import type { DraftSource } from '../../drafting/index.js';
import { can } from '../access.js';
import { roleCan } from '../../domain/permissions.js';
import { appendAudit } from '../audit/append-audit.js';
import { nowIso, type ServiceContext } from '../context.js';
import { visibleDocument, versionRow, contentHash, sourceFor } from './document-versions.js';
import { checksFor } from './document-checks.js';
import { getDocument } from './get-document.js';

/**
 * Signs the version in review. Refused while any check reports an error (a placeholder left,
 * an incomplete PD35 report, another client's details). The signer is the signed-in
 * clinician; the CLI names one. If the caller passes the hash it reviewed, a version that
 * changed meanwhile is refused rather than signed unseen.
 */
export async function signDocument(ctx: ServiceContext, id: string, input: SignInput = {}) {
  const data = parseInput(signInput, input);
  await ctx.db.transaction().execute(async (trx) => {
    const d = await visibleDocument(trx, ctx, id);
    if (d.status !== 'in_review')
      throw new AppError('CONFLICT', d.status === 'draft' ? 'Send the draft for review before signing it.' : `Version ${d.version} is already ${d.status}.`);
    let signer: string;
    if (ctx.actor.kind === 'user') {
      if (!can(ctx.actor, 'documents.sign')) throw new AppError('FORBIDDEN', 'Only a clinician can sign a document.');
      signer = ctx.actor.id;
    } else {
      if (!data.signer_id) throw invalid('Say who signs: --by <user id or email>.', 'signer_id');
      const u = await trx
        .selectFrom('users')
        .select(['id', 'role', 'active'])
        .where((eb) => eb.or([eb('id', '=', data.signer_id!), eb('email', '=', data.signer_id!.toLowerCase())]))
        .executeTakeFirst();
      if (!u || u.active !== 1 || !roleCan(u.role, 'documents.sign')) throw invalid(`No active clinician ${data.signer_id}.`, 'signer_id');
      signer = u.id;
    }
    const v = await versionRow(trx, id, d.version);
    if (data.content_hash && data.content_hash !== v.content_hash)
      throw new AppError('CONFLICT', 'This document changed after you reviewed it: review the current version before signing.');
    if (contentHash(v.parsed) !== v.content_hash) throw new AppError('INTERNAL', 'The stored version does not match its content hash.');
    const source = await sourceFor(trx, ctx, d.case_id, JSON.parse(d.options) as DraftSource['letter']);
    const errors = (await checksFor(trx, source, v.parsed)).filter((c) => c.severity === 'error');
    if (errors.length)
      throw invalid(
        `Cannot sign yet: ${errors.length} problem${errors.length === 1 ? '' : 's'} to fix first (${errors[0]!.message}${errors.length > 1 ? ' …' : ''})`,
      );
    const at = nowIso(ctx);
    await trx.updateTable('document_versions').set({ status: 'signed', signed_by: signer, signed_at: at }).where('id', '=', v.id).execute();
    await trx.updateTable('documents').set({ status: 'signed', signed_by: signer, signed_at: at, updated_at: at }).where('id', '=', id).execute();
    await appendAudit(trx, ctx, {
      action: 'sign',
      entity: 'document',
      entity_id: id,
      client_id: d.client_id,
      detail: `version=${d.version} hash=${v.content_hash}`,
    });
  });
  return getDocument(ctx, id, { audit: false });
}
