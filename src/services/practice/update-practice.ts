import { parseInput } from '../../contract/common.js';
import { updatePracticeInput, type UpdatePracticeInput } from '../../contract/practice.js';
import { requirePermission } from '../access.js';
import { appendAudit } from '../audit/append-audit.js';
import type { ServiceContext } from '../context.js';
import { getPractice } from './get-practice.js';

export async function updatePractice(ctx: ServiceContext, input: UpdatePracticeInput) {
  requirePermission(ctx.actor, 'practice.change');
  const data = parseInput(updatePracticeInput, input);
  return ctx.db.transaction().execute(async (trx) => {
    const p = await getPractice(trx);
    if (Object.keys(data).length > 0) await trx.updateTable('practice').set(data).where('id', '=', p.id).execute();
    await appendAudit(trx, ctx, { action: 'update', entity: 'practice', entity_id: p.id, detail: Object.keys(data).join(',') });
    return getPractice(trx);
  });
}
