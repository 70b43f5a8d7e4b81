import { parseInput } from '../../contract/common.js';
import { createUserInput, type CreateUserInput } from '../../contract/practice.js';
import { newId } from '../../db/ids.js';
import { AppError } from '../../domain/errors.js';
import { requirePermission } from '../access.js';
import { appendAudit } from '../audit/append-audit.js';
import { nowIso, type ServiceContext } from '../context.js';
import { hashNewPassword } from './password.js';
import { getUser } from './get-user.js';

export async function createUser(ctx: ServiceContext, input: CreateUserInput) {
  requirePermission(ctx.actor, 'users.manage', 'add users');
  const data = parseInput(createUserInput, input);
  const password_hash = await hashNewPassword(data.password);
  return ctx.db.transaction().execute(async (trx) => {
    const clash = await trx.selectFrom('users').select('id').where('email', '=', data.email).executeTakeFirst();
    if (clash) throw new AppError('CONFLICT', `A user with the email ${data.email} already exists.`, { field: 'email' });
    const id = newId();
    await trx
      .insertInto('users')
      .values({
        id,
        name: data.name,
        email: data.email,
        role: data.role,
        hcpc_number: data.hcpc_number ?? null,
        qualifications: data.qualifications || null,
        professional_bodies: data.professional_bodies || null,
        password_hash,
        created_at: nowIso(ctx),
      })
      .execute();
    await appendAudit(trx, ctx, { action: 'create', entity: 'user', entity_id: id, detail: `role=${data.role}` });
    return getUser(trx, id);
  });
}
