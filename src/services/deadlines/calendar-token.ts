/**
 * The secret address of a user's calendar feed. The token is shown once; only its SHA-256 is
 * kept. Issuing a new one revokes the old; revoking stops the feed at once.
 */
import { createHash, randomBytes } from 'node:crypto';
import { appendAudit } from '../audit/append-audit.js';
import { forbidden } from '../access.js';
import type { Actor, Db, ServiceContext } from '../context.js';

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export async function issueCalendarToken(ctx: ServiceContext): Promise<{ token: string }> {
  if (ctx.actor.kind !== 'user') throw forbidden('A calendar feed belongs to a signed-in user.');
  const token = randomBytes(32).toString('base64url');
  const userId = ctx.actor.id;
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('users')
      .set({ calendar_token_hash: hashToken(token) })
      .where('id', '=', userId)
      .execute();
    await appendAudit(trx, ctx, { action: 'update', entity: 'user', entity_id: userId, detail: 'calendar_feed_issued' });
  });
  return { token };
}

export async function revokeCalendarToken(ctx: ServiceContext): Promise<void> {
  if (ctx.actor.kind !== 'user') throw forbidden('A calendar feed belongs to a signed-in user.');
  const userId = ctx.actor.id;
  await ctx.db.transaction().execute(async (trx) => {
    await trx.updateTable('users').set({ calendar_token_hash: null }).where('id', '=', userId).execute();
    await appendAudit(trx, ctx, { action: 'update', entity: 'user', entity_id: userId, detail: 'calendar_feed_revoked' });
  });
}

export async function calendarFeedEnabled(db: Db, userId: string): Promise<boolean> {
  const u = await db.selectFrom('users').select('calendar_token_hash').where('id', '=', userId).executeTakeFirst();
  return Boolean(u?.calendar_token_hash);
}

/** The user a feed token belongs to, as the actor the feed is built for; null for an unknown or revoked token. */
export async function actorForCalendarToken(db: Db, token: string): Promise<Actor | null> {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return null;
  const u = await db.selectFrom('users').select(['id', 'role', 'name', 'active']).where('calendar_token_hash', '=', hashToken(token)).executeTakeFirst();
  if (!u || Number(u.active) !== 1) return null;
  return { kind: 'user', id: u.id, role: u.role as 'owner', name: u.name };
}
