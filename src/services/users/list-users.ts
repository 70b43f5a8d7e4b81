/** The practice's people: owner, clinicians and admins. */
import type { Db } from '../context.js';
import { PUBLIC_COLUMNS } from './user-columns.js';

/** Users without secrets, with the two-factor state as a flag. */
export async function listUsers(db: Db) {
  const rows = await db
    .selectFrom('users')
    .select([...PUBLIC_COLUMNS, 'totp_secret'])
    .orderBy('name')
    .execute();
  return rows.map(({ totp_secret, ...u }) => ({ ...u, active: u.active === 1, totp_enabled: totp_secret !== null }));
}
