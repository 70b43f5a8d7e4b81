/**
 * Sign-in sessions. They live in the database (auth_sessions) so several servers can share
 * one PostgreSQL; the row's id is the SHA-256 of the cookie's token, so a copy of the
 * database does not hand out working cookies.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { appendAudit } from '../audit/append-audit.js';
import { nowIso, type ServiceContext, type ServiceDeps } from '../context.js';
import { actorOf, publicUserOf, type PublicUserView } from './user-view.js';
import type { Actor } from '../context.js';

export const SESSION_COOKIE = 'steve_session';

export const tokenDigest = (token: string): string => createHash('sha256').update(token).digest('hex');

export interface NewSession {
  token: string;
  csrf_token: string;
  expires_at: string;
  max_age_seconds: number;
}

export async function createSession(deps: ServiceDeps, userId: string, hours: number): Promise<NewSession> {
  const token = randomBytes(32).toString('base64url');
  const csrf_token = randomBytes(32).toString('base64url');
  const now = deps.clock.now();
  const max_age_seconds = Math.round(hours * 3600);
  const expires_at = new Date(now.getTime() + max_age_seconds * 1000).toISOString();
  // Expired rows are swept whenever someone signs in, so the table stays the size of the team.
  await deps.db.deleteFrom('auth_sessions').where('expires_at', '<=', now.toISOString()).execute();
  await deps.db
    .insertInto('auth_sessions')
    .values({ id: tokenDigest(token), user_id: userId, csrf_token, created_at: now.toISOString(), expires_at })
    .execute();
  return { token, csrf_token, expires_at, max_age_seconds };
}

export interface SignedIn {
  session_id: string;
  csrf_token: string;
  expires_at: string;
  user: PublicUserView;
  actor: Actor;
}

/** The session a cookie token names, or null when it is unknown, expired or its user was deactivated. */
export async function findSession(deps: ServiceDeps, token: string | undefined): Promise<SignedIn | null> {
  if (!token || token.length > 200) return null;
  const row = await deps.db
    .selectFrom('auth_sessions as s')
    .innerJoin('users as u', 'u.id', 's.user_id')
    .select(['s.id as session_id', 's.csrf_token', 's.expires_at', 'u.id', 'u.name', 'u.email', 'u.role', 'u.hcpc_number', 'u.totp_secret', 'u.active'])
    .where('s.id', '=', tokenDigest(token))
    .executeTakeFirst();
  if (!row || row.active !== 1) return null;
  if (row.expires_at <= nowIso(deps)) return null;
  return { session_id: row.session_id, csrf_token: row.csrf_token, expires_at: row.expires_at, user: publicUserOf(row), actor: actorOf(row) };
}

/** Signing out deletes the row, so the cookie is dead everywhere at once. */
export async function endSession(ctx: ServiceContext, sessionId: string): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    await trx.deleteFrom('auth_sessions').where('id', '=', sessionId).execute();
    await appendAudit(trx, ctx, { action: 'sign_out', entity: 'user', entity_id: ctx.actor.kind === 'user' ? ctx.actor.id : null });
  });
}

/** Constant-time comparison of the CSRF header with the session's token. */
export function csrfMatches(expected: string, given: string | undefined): boolean {
  if (!given) return false;
  const a = createHash('sha256').update(expected).digest();
  const b = createHash('sha256').update(given).digest();
  return timingSafeEqual(a, b);
}
