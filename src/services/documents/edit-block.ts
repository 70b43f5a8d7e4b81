import { parseInput } from '../../contract/common.js';
import { editBlockInput, type EditBlockInput } from '../../contract/documents.js';
import { invalid } from '../../domain/errors.js';
import { appendAudit } from '../audit/append-audit.js';
import type { ServiceContext } from '../context.js';
import { visibleDocument, versionRow, insertVersion } from './document-versions.js';
import { getDocument } from './get-document.js';

/** The clinician rewrites one block. Always a new version, so what was signed stays as signed. */
export async function editBlock(ctx: ServiceContext, id: string, input: EditBlockInput) {
  const data = parseInput(editBlockInput, input);
  await ctx.db.transaction().execute(async (trx) => {
    const d = await visibleDocument(trx, ctx, id);
    const v = await versionRow(trx, id, d.version);
    const model = v.parsed;
    const block = model.blocks.find((b) => b.id === data.block_id);
    if (!block) throw invalid(`This document has no block ${data.block_id}.`, 'block_id');
    if (block.type === 'heading' || block.type === 'paragraph') block.text = data.text;
    else if (block.type === 'list') block.items = data.text.split('\n').filter((l) => l.trim() !== '');
    else
      block.rows = data.text
        .split('\n')
        .filter((l) => l.trim() !== '')
        .map((l) => l.split('|').map((c) => c.trim()));
    block.composed_by = 'clinician';
    await insertVersion(trx, ctx, id, d.version + 1, model, `${data.block_id} edited by the clinician`);
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
