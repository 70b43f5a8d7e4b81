/**
 * The owner lets a user who has forgotten their password choose a new one. Steve may have no
 * mail server, so the one-time code is shown to the owner, who passes it on in person or by
 * phone; only its SHA-256 is stored, it works once, for 24 hours, and a new code replaces it.
 * The user's old password keeps working until the code is used.
 */
import { createHash, randomInt } from 'node:crypto';
import type { PasswordResetResponse } from '../../contract/auth.js';
import { requirePermission } from '../access.js';
import { appendAudit } from '../audit/append-audit.js';
import { actorUserId, nowIso, type ServiceContext } from '../context.js';
import { getUser } from './get-user.js';

export const RESET_CODE_HOURS = 24;
// No 0/O or 1/I, so a code read out over the phone is not misheard.
const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

export const resetCodeDigest = (code: string): string => createHash('sha256').update(code).digest('hex');

export async function startPasswordReset(ctx: ServiceContext, userId: string): Promise<PasswordResetResponse> {
  requirePermission(ctx.actor, 'users.manage', "reset another user's password");
  const raw = Array.from({ length: 16 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
  const expires_at = new Date(ctx.clock.now().getTime() + RESET_CODE_HOURS * 3600_000).toISOString();
  return ctx.db.transaction().execute(async (trx) => {
    const user = await getUser(trx, userId);
    await trx.deleteFrom('password_resets').where('user_id', '=', user.id).execute();
    await trx
      .insertInto('password_resets')
      .values({ user_id: user.id, code_hash: resetCodeDigest(raw), created_by: actorUserId(ctx.actor), created_at: nowIso(ctx), expires_at })
      .execute();
    await appendAudit(trx, ctx, { action: 'password_reset_issued', entity: 'user', entity_id: user.id });
    return { user_id: user.id, email: user.email, code: raw.match(/.{4}/g)!.join('-'), expires_at };
  });
}
