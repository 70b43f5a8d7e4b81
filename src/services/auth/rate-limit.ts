/**
 * Login rate limiting kept in the database (login_attempts), so every server sharing one
 * PostgreSQL counts the same failures: 5 per email and 20 per IP address in 15 minutes.
 */
import { AppError } from '../../domain/errors.js';
import { newId } from '../../db/ids.js';
import type { Db, ServiceDeps } from '../context.js';

export const LOGIN_WINDOW_MINUTES = 15;
export const MAX_FAILURES_PER_EMAIL = 5;
export const MAX_FAILURES_PER_IP = 20;

export const emailKey = (email: string): string => `email:${email}`;
export const ipKey = (ip: string): string => `ip:${ip}`;

function windowStart(deps: Pick<ServiceDeps, 'clock'>): string {
  return new Date(deps.clock.now().getTime() - LOGIN_WINDOW_MINUTES * 60_000).toISOString();
}

async function failures(db: Db, key: string, since: string): Promise<number> {
  const row = await db
    .selectFrom('login_attempts')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('key', '=', key)
    .where('at', '>=', since)
    .where('succeeded', '=', 0)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

export async function assertLoginAllowed(deps: ServiceDeps, email: string, ip: string): Promise<void> {
  const since = windowStart(deps);
  const tooMany =
    (await failures(deps.db, emailKey(email), since)) >= MAX_FAILURES_PER_EMAIL || (await failures(deps.db, ipKey(ip), since)) >= MAX_FAILURES_PER_IP;
  if (tooMany) {
    throw new AppError(
      'RATE_LIMITED',
      `Too many failed sign-ins. Wait ${LOGIN_WINDOW_MINUTES} minutes and try again, or ask the practice owner to check your account.`,
    );
  }
}

export async function recordFailure(deps: ServiceDeps, email: string, ip: string): Promise<void> {
  const at = deps.clock.now().toISOString();
  const dayAgo = new Date(deps.clock.now().getTime() - 24 * 3600_000).toISOString();
  await deps.db.deleteFrom('login_attempts').where('at', '<', dayAgo).execute();
  await deps.db
    .insertInto('login_attempts')
    .values([
      { id: newId(), key: emailKey(email), at, succeeded: 0 },
      { id: newId(), key: ipKey(ip), at, succeeded: 0 },
    ])
    .execute();
}

/** A good sign-in clears that email's failures, so a user's own typos do not lock them out later. */
export async function recordSuccess(deps: ServiceDeps, email: string): Promise<void> {
  await deps.db.deleteFrom('login_attempts').where('key', '=', emailKey(email)).execute();
}
