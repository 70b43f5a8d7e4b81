import { parseInput } from '../../contract/common.js';
import { updateUserInput, type UpdateUserInput } from '../../contract/practice.js';
import { AppError } from '../../domain/errors.js';
import { requirePermission } from '../access.js';
import { appendAudit } from '../audit/append-audit.js';
import type { ServiceContext } from '../context.js';
import { getUser } from './get-user.js';

export async function updateUser(ctx: ServiceContext, id: string, input: UpdateUserInput) {
  requirePermission(ctx.actor, 'users.manage', 'change users');
  const data = parseInput(updateUserInput, input);
  return ctx.db.transaction().execute(async (trx) => {
    const before = await getUser(trx, id);
    const owners = await trx.selectFrom('users').select('id').where('role', '=', 'owner').where('active', '=', 1).execute();
    const demotesLastOwner = before.role === 'owner' && owners.length === 1 && ((data.role && data.role !== 'owner') || data.active === false);
    if (demotesLastOwner) throw new AppError('CONFLICT', 'The practice needs at least one active owner.');
    const set: Record<string, unknown> = {};
    if (data.name !== undefined) set.name = data.name;
    if (data.role !== undefined) set.role = data.role;
    if (data.hcpc_number !== undefined) set.hcpc_number = data.hcpc_number || null;
    if (data.qualifications !== undefined) set.qualifications = data.qualifications || null;
    if (data.professional_bodies !== undefined) set.professional_bodies = data.professional_bodies || null;
    if (data.active !== undefined) set.active = data.active ? 1 : 0;
    if (Object.keys(set).length > 0) await trx.updateTable('users').set(set).where('id', '=', before.id).execute();
    if (data.active === false) await trx.deleteFrom('auth_sessions').where('user_id', '=', before.id).execute();
    await appendAudit(trx, ctx, { action: 'update', entity: 'user', entity_id: before.id, detail: Object.keys(set).join(',') });
    return getUser(trx, before.id);
  });
}
