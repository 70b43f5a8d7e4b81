/** The practice's people: owner, clinicians and admins. Only the owner manages them. */
import { parseInput } from '../../contract/common.js';
import { createUserInput, updateUserInput, type CreateUserInput, type UpdateUserInput } from '../../contract/practice.js';
import { newId } from '../../db/ids.js';
import { AppError, notFound } from '../../domain/errors.js';
import { requirePermission } from '../access.js';
import { appendAudit } from '../audit/append-audit.js';
import { nowIso, type Db, type ServiceContext } from '../context.js';
import { hashPassword } from './password.js';

const PUBLIC_COLUMNS = ['id', 'name', 'email', 'role', 'hcpc_number', 'active', 'created_at'] as const;

/** Users without secrets, with the two-factor state as a flag. */
export async function listUsers(db: Db) {
  const rows = await db
    .selectFrom('users')
    .select([...PUBLIC_COLUMNS, 'totp_secret'])
    .orderBy('name')
    .execute();
  return rows.map(({ totp_secret, ...u }) => ({ ...u, active: u.active === 1, totp_enabled: totp_secret !== null }));
}

export async function getUser(db: Db, id: string) {
  const u = await db
    .selectFrom('users')
    .select([...PUBLIC_COLUMNS, 'totp_secret'])
    .where('id', '=', id)
    .executeTakeFirst();
  if (!u) throw notFound('user', id);
  const { totp_secret, ...rest } = u;
  return { ...rest, active: u.active === 1, totp_enabled: totp_secret !== null };
}

export async function createUser(ctx: ServiceContext, input: CreateUserInput) {
  requirePermission(ctx.actor, 'users.manage', 'add users');
  const data = parseInput(createUserInput, input);
  const password_hash = await hashPassword(data.password);
  return ctx.db.transaction().execute(async (trx) => {
    const clash = await trx.selectFrom('users').select('id').where('email', '=', data.email).executeTakeFirst();
    if (clash) throw new AppError('CONFLICT', `A user with the email ${data.email} already exists.`, { field: 'email' });
    const id = newId();
    await trx
      .insertInto('users')
      .values({ id, name: data.name, email: data.email, role: data.role, hcpc_number: data.hcpc_number ?? null, password_hash, created_at: nowIso(ctx) })
      .execute();
    await appendAudit(trx, ctx, { action: 'create', entity: 'user', entity_id: id, detail: `role=${data.role}` });
    return getUser(trx, id);
  });
}

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
    if (data.active !== undefined) set.active = data.active ? 1 : 0;
    if (Object.keys(set).length > 0) await trx.updateTable('users').set(set).where('id', '=', id).execute();
    if (data.active === false) await trx.deleteFrom('auth_sessions').where('user_id', '=', id).execute();
    await appendAudit(trx, ctx, { action: 'update', entity: 'user', entity_id: id, detail: Object.keys(set).join(',') });
    return getUser(trx, id);
  });
}
