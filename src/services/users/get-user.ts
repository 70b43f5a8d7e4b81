import { notFound } from '../../domain/errors.js';
import type { Db } from '../context.js';
import { PUBLIC_COLUMNS } from './user-columns.js';

/** A user by id, or by email (how the CLI names people). */
export async function getUser(db: Db, id: string) {
  const u = await db
    .selectFrom('users')
    .select([...PUBLIC_COLUMNS, 'totp_secret'])
    .where((eb) => eb.or([eb('id', '=', id), eb('email', '=', id.trim().toLowerCase())]))
    .executeTakeFirst();
  if (!u) throw notFound('user', id);
  const { totp_secret, ...rest } = u;
  return { ...rest, active: u.active === 1, totp_enabled: totp_secret !== null };
}
