import { parseInput } from '../../contract/common.js';
import { updateMyDetailsInput, type UpdateMyDetailsInput } from '../../contract/practice.js';
import { AppError } from '../../domain/errors.js';
import { appendAudit } from '../audit/append-audit.js';
import type { ServiceContext } from '../context.js';
import { getUser } from './get-user.js';

/**
 * The signed-in user records their own qualifications, professional bodies and HCPC number:
 * what their signature shows on a document. Any user may change these for themselves, since
 * only they know them; an owner can also change them for anyone (updateUser).
 */
export async function updateMyDetails(ctx: ServiceContext, input: UpdateMyDetailsInput) {
  if (ctx.actor.kind !== 'user') throw new AppError('FORBIDDEN', 'Sign in to change your own details.');
  const me = ctx.actor.id;
  const data = parseInput(updateMyDetailsInput, input);
  return ctx.db.transaction().execute(async (trx) => {
    await getUser(trx, me);
    const set: { hcpc_number?: string | null; qualifications?: string | null; professional_bodies?: string | null } = {};
    if (data.hcpc_number !== undefined) set.hcpc_number = data.hcpc_number || null;
    if (data.qualifications !== undefined) set.qualifications = data.qualifications || null;
    if (data.professional_bodies !== undefined) set.professional_bodies = data.professional_bodies || null;
    if (Object.keys(set).length > 0) await trx.updateTable('users').set(set).where('id', '=', me).execute();
    await appendAudit(trx, ctx, { action: 'update', entity: 'user', entity_id: me, detail: Object.keys(set).join(',') });
    return getUser(trx, me);
  });
}
