/** The owner ends a user's sign-in back-off at once (the user rang to say it was them mistyping). */
import type { UnlockUserResponse } from '../../contract/auth.js';
import { requirePermission } from '../access.js';
import { appendAudit } from '../audit/append-audit.js';
import { clearAccountFailures } from '../auth/rate-limit.js';
import type { ServiceContext } from '../context.js';
import { getUser } from './get-user.js';

export async function unlockUser(ctx: ServiceContext, userId: string): Promise<UnlockUserResponse> {
  requirePermission(ctx.actor, 'users.manage', 'unlock a user');
  return ctx.db.transaction().execute(async (trx) => {
    const user = await getUser(trx, userId);
    const failures_cleared = await clearAccountFailures(trx, user.email);
    await appendAudit(trx, ctx, { action: 'unlock', entity: 'user', entity_id: user.id, detail: `failures=${failures_cleared}` });
    return { user_id: user.id, email: user.email, failures_cleared };
  });
}
