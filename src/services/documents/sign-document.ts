import { parseInput } from '../../contract/common.js';
import { signInput, type SignInput } from '../../contract/documents.js';
import { AppError, invalid } from '../../domain/errors.js';
import type { DraftSource, Signature } from '../../drafting/index.js';
import { can } from '../access.js';
import { roleCan } from '../../domain/permissions.js';
import { appendAudit } from '../audit/append-audit.js';
import { nowIso, type ServiceContext } from '../context.js';
import { visibleDocument, versionRow, contentHash, sourceFor } from './document-versions.js';
import { checksFor } from './document-checks.js';
import { roleTitle } from './draft-source.js';
import { getDocument } from './get-document.js';

/**
 * Signs the version in review. Refused while any check reports an error (a placeholder left,
 * an incomplete PD35 report, another client's details), and while the signer has no
 * qualifications or HCPC number to show. The signer is the signed-in clinician; the CLI names
 * one (or, in a practice with a single clinician, means that one). If the caller passes the hash it reviewed, a version that
 * changed meanwhile is refused rather than signed unseen.
 */
export async function signDocument(ctx: ServiceContext, id: string, input: SignInput = {}) {
  const data = parseInput(signInput, input);
  await ctx.db.transaction().execute(async (trx) => {
    const d = await visibleDocument(trx, ctx, id);
    if (d.status !== 'in_review')
      throw new AppError('CONFLICT', d.status === 'draft' ? 'Send the draft for review before signing it.' : `Version ${d.version} is already ${d.status}.`);
    let signerRef: string;
    if (ctx.actor.kind === 'user') {
      if (!can(ctx.actor, 'documents.sign')) throw new AppError('FORBIDDEN', 'Only a clinician can sign a document.');
      signerRef = ctx.actor.id;
    } else if (data.signer_id) {
      signerRef = data.signer_id;
    } else {
      // From the command line with no --by: a practice with one clinician has only one possible signer.
      const signers = (await trx.selectFrom('users').select(['id', 'role', 'email']).where('active', '=', 1).execute()).filter((u) =>
        roleCan(u.role, 'documents.sign'),
      );
      if (signers.length !== 1)
        throw invalid(`Say who signs: --by <email> (one of ${signers.map((u) => u.email).join(', ') || 'no active clinician'}).`, 'signer_id');
      signerRef = signers[0]!.id;
    }
    const u = await trx
      .selectFrom('users')
      .select(['id', 'name', 'email', 'role', 'active', 'qualifications', 'professional_bodies', 'hcpc_number'])
      .where((eb) => eb.or([eb('id', '=', signerRef), eb('email', '=', signerRef.trim().toLowerCase())]))
      .executeTakeFirst();
    if (!u || u.active !== 1 || !roleCan(u.role, 'documents.sign')) throw invalid(`No active clinician ${signerRef}.`, 'signer_id');
    const missing = [...(u.qualifications ? [] : ['qualifications']), ...(u.hcpc_number ? [] : ['HCPC number'])];
    if (missing.length)
      throw invalid(
        `${u.name} has no ${missing.join(' or ')} recorded, and a signed document must show them. Add them under Your account → Professional details, or with: steve users update ${u.email}${u.qualifications ? '' : ' --qualifications "…"'}${u.hcpc_number ? '' : ' --hcpc OT…'}`,
        'signer_id',
      );
    const signer = u.id;
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
    const signature: Signature = {
      name: u.name,
      role: roleTitle(u.role),
      qualifications: u.qualifications!,
      professional_bodies: u.professional_bodies,
      hcpc_number: u.hcpc_number!,
      signed_at: at,
    };
    await trx
      .updateTable('document_versions')
      .set({ status: 'signed', signed_by: signer, signed_at: at, signature: JSON.stringify(signature) })
      .where('id', '=', v.id)
      .execute();
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
