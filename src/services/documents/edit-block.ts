import { parseInput } from '../../contract/common.js';
import { editBlockInput, type EditBlockInput } from '../../contract/documents.js';
import { invalid } from '../../domain/errors.js';
import { editBlockText } from '../../drafting/index.js';
import { appendAudit } from '../audit/append-audit.js';
import type { ServiceContext } from '../context.js';
import { visibleDocument, versionRow, insertVersion } from './document-versions.js';
import { getDocument } from './get-document.js';

/**
 * The clinician rewrites one block: always a new version, so what was reviewed or signed stays
 * as it was. A signed version is never changed: the edit starts the next version, a draft.
 * Filling placeholders in a version under review, and changing nothing else, keeps the new
 * version in review; any other edit sends it back to draft for another look.
 */
export async function editBlock(ctx: ServiceContext, id: string, input: EditBlockInput) {
  const data = parseInput(editBlockInput, input);
  await ctx.db.transaction().execute(async (trx) => {
    const d = await visibleDocument(trx, ctx, id);
    const v = await versionRow(trx, id, d.version);
    const edit = editBlockText(v.parsed, data.block_id, data.text);
    if (!edit) {
      const ids = v.parsed.blocks.map((b) => b.id);
      throw invalid(
        `This document has no block ${data.block_id}: its blocks are ${ids[0]} to ${ids.at(-1)} (steve docs show ${id} --blocks lists them).`,
        'block_id',
      );
    }
    const signed = d.status === 'signed' || d.status === 'sent';
    const staysInReview = d.status === 'in_review' && edit.onlyFilled;
    const what = edit.onlyFilled ? `Filled in: ${edit.filled.join(', ')}` : `Edited by the clinician: ${edit.section}`;
    const change = signed ? `${what} (after version ${d.version} was signed, which stays as signed)` : what;
    await insertVersion(trx, ctx, id, d.version + 1, edit.model, change, staysInReview ? 'in_review' : 'draft');
    await appendAudit(trx, ctx, {
      action: 'update',
      entity: 'document',
      entity_id: id,
      client_id: d.client_id,
      detail: `block=${data.block_id} version=${d.version + 1}`,
    });
  });
  return getDocument(ctx, id, { audit: false });
}
