/**
 * A signed-in user changes their own password. The current password is asked for, and counted
 * by the sign-in throttle, so a session left open on a shared computer cannot be used to guess
 * it; the user's other sessions end, so a stolen cookie stops working.
 */
import { changePasswordInput, type ChangePasswordInput } from '../../contract/auth.js';
import { parseInput } from '../../contract/common.js';
import { AppError } from '../../domain/errors.js';
import { appendAudit } from '../audit/append-audit.js';
import type { ServiceContext } from '../context.js';
import { hashNewPassword, verifyPassword } from '../users/password.js';
import { reserveSignIn, settleRightPassword } from './rate-limit.js';

export async function changePassword(ctx: ServiceContext, sessionId: string, input: ChangePasswordInput, meta: { ip: string }): Promise<void> {
  if (ctx.actor.kind !== 'user') throw new AppError('UNAUTHENTICATED', 'Sign in to change your password.');
  const data = parseInput(changePasswordInput, input);
  const user = await ctx.db.selectFrom('users').select(['id', 'email', 'password_hash']).where('id', '=', ctx.actor.id).executeTakeFirstOrThrow();
  const slot = await reserveSignIn(ctx, user.email, meta.ip);
  if (!(await verifyPassword(user.password_hash, data.current_password))) {
    await ctx.db
      .transaction()
      .execute((trx) => appendAudit(trx, ctx, { action: 'password_change_failed', entity: 'user', entity_id: user.id, detail: 'wrong_password' }));
    throw new AppError('VALIDATION', 'Current password is not right.', { field: 'current_password' });
  }
  await settleRightPassword(ctx.db, slot);
  if (data.new_password === data.current_password)
    throw new AppError('VALIDATION', 'New password must differ from the current one.', { field: 'new_password' });
  const password_hash = await hashNewPassword(data.new_password, 'new_password');
  await ctx.db.transaction().execute(async (trx) => {
    await trx.updateTable('users').set({ password_hash }).where('id', '=', user.id).execute();
    await trx.deleteFrom('auth_sessions').where('user_id', '=', user.id).where('id', '!=', sessionId).execute();
    await trx.deleteFrom('password_resets').where('user_id', '=', user.id).execute();
    await appendAudit(trx, ctx, { action: 'password_changed', entity: 'user', entity_id: user.id });
  });
}
