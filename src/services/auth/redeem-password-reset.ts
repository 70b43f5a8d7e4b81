/**
 * A user signs in with the one-time code the owner gave them and chooses a new password. Codes
 * are guessed through the same throttle as passwords, and a wrong one looks like a wrong password.
 */
import { timingSafeEqual } from 'node:crypto';
import { redeemPasswordResetInput, type RedeemPasswordResetInput } from '../../contract/auth.js';
import { parseInput } from '../../contract/common.js';
import { AppError } from '../../domain/errors.js';
import { appendAudit } from '../audit/append-audit.js';
import type { ServiceDeps } from '../context.js';
import { hashNewPassword } from '../users/password.js';
import { resetCodeDigest } from '../users/start-password-reset.js';
import { reserveSignIn, settleRightPassword } from './rate-limit.js';
import { actorOf } from './user-view.js';

const wrongCode = () => new AppError('UNAUTHENTICATED', 'That email and code do not match a password reset, or the code has expired.');

export async function redeemPasswordReset(deps: ServiceDeps, input: RedeemPasswordResetInput, meta: { ip: string }): Promise<void> {
  const data = parseInput(redeemPasswordResetInput, input);
  const slot = await reserveSignIn(deps, data.email, meta.ip);
  const found = await deps.db
    .selectFrom('password_resets as r')
    .innerJoin('users as u', 'u.id', 'r.user_id')
    .select(['u.id', 'u.name', 'u.role', 'u.active', 'r.code_hash', 'r.expires_at'])
    .where('u.email', '=', data.email)
    .executeTakeFirst();
  const given = Buffer.from(resetCodeDigest(data.code));
  const matches = found !== undefined && timingSafeEqual(Buffer.from(found.code_hash), given);
  if (!found || !matches || found.expires_at <= deps.clock.now().toISOString() || found.active !== 1) throw wrongCode();
  const password_hash = await hashNewPassword(data.new_password, 'new_password');
  await settleRightPassword(deps.db, slot);
  await deps.db.transaction().execute(async (trx) => {
    // Deleted first and checked, so two requests racing with one code cannot both use it.
    const used = await trx.deleteFrom('password_resets').where('user_id', '=', found.id).where('code_hash', '=', found.code_hash).executeTakeFirst();
    if (Number(used.numDeletedRows) !== 1) throw wrongCode();
    await trx.updateTable('users').set({ password_hash }).where('id', '=', found.id).execute();
    await trx.deleteFrom('auth_sessions').where('user_id', '=', found.id).execute();
    await appendAudit(trx, { ...deps, actor: actorOf(found) }, { action: 'password_reset_used', entity: 'user', entity_id: found.id });
  });
}
