/**
 * Sign-in throttling kept in the database (login_attempts), so every server sharing one
 * PostgreSQL counts the same attempts.
 *
 * An attempt is counted before its password is checked, in one transaction that also decides
 * whether it may go ahead: on SQLite the insert takes the write lock before the count, and on
 * PostgreSQL an advisory lock per key serialises the count, so 200 parallel guesses at one
 * account cannot all slip past a check that has not yet seen the others.
 *
 * Per account: 5 failures, then a back-off that doubles from 1 minute to at most 60 after each
 * further failure, so a guesser makes little progress while the owner of the account is only
 * ever held up for a while (never a lock that lasts until someone intervenes). A right password
 * clears the account's count; the practice owner can clear it too (unlock-user.ts).
 * Per source address: 20 failures in 15 minutes, which refuses that address only.
 */
import { sql } from 'kysely';
import { newId } from '../../db/ids.js';
import type { Db, ServiceDeps } from '../context.js';
import { RateLimitedError } from './errors.js';

export const ADDRESS_WINDOW_MINUTES = 15;
export const MAX_FAILURES_PER_ADDRESS = 20;
export const FREE_FAILURES_PER_ACCOUNT = 5;
export const MAX_BACKOFF_MINUTES = 60;
/** Failures older than this are forgotten, so an account's back-off starts again the next day. */
const MEMORY_HOURS = 24;
/** Keeps the advisory locks of sign-in apart from the audit chain's lock and anything else. */
const LOCK_NAMESPACE = 7354202;

export const emailKey = (email: string): string => `email:${email}`;
export const ipKey = (ip: string): string => `ip:${ip}`;

/** Minutes an account must wait after its latest failure, having failed `failures` times. */
export function accountBackoffMinutes(failures: number): number {
  if (failures < FREE_FAILURES_PER_ACCOUNT) return 0;
  return Math.min(MAX_BACKOFF_MINUTES, 2 ** (failures - FREE_FAILURES_PER_ACCOUNT));
}

/** The two rows counting one attempt, until it is settled by a right password. */
export interface SignInSlot {
  email: string;
  accountRowId: string;
  addressRowId: string;
}

const minutesBefore = (now: Date, minutes: number): string => new Date(now.getTime() - minutes * 60_000).toISOString();

async function failuresSince(db: Db, key: string, since: string, exceptId: string) {
  const row = await db
    .selectFrom('login_attempts')
    .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.max('at').as('latest'), eb.fn.min('at').as('earliest')])
    .where('key', '=', key)
    .where('at', '>=', since)
    .where('succeeded', '=', 0)
    .where('id', '!=', exceptId)
    .executeTakeFirst();
  return { n: Number(row?.n ?? 0), latest: row?.latest ?? null, earliest: row?.earliest ?? null };
}

/**
 * Counts an attempt for the account and the address, or refuses it (uncounted) with the
 * seconds to wait. The count stays as a failure unless `settleRightPassword` clears it.
 */
export async function reserveSignIn(deps: ServiceDeps, email: string, ip: string): Promise<SignInSlot> {
  const now = deps.clock.now();
  const at = now.toISOString();
  const slot: SignInSlot = { email, accountRowId: newId(), addressRowId: newId() };
  return deps.db.transaction().execute(async (trx) => {
    if (deps.dialect === 'postgres') {
      // Always the account's lock before the address's, so two attempts never wait on each other in a circle.
      await sql`select pg_advisory_xact_lock(${LOCK_NAMESPACE}, hashtext(${emailKey(email)}))`.execute(trx);
      await sql`select pg_advisory_xact_lock(${LOCK_NAMESPACE}, hashtext(${ipKey(ip)}))`.execute(trx);
    }
    // Written first: on SQLite this takes the write lock, so the counts below see every earlier attempt.
    await trx
      .insertInto('login_attempts')
      .values([
        { id: slot.accountRowId, key: emailKey(email), at, succeeded: 0 },
        { id: slot.addressRowId, key: ipKey(ip), at, succeeded: 0 },
      ])
      .execute();

    const account = await failuresSince(trx, emailKey(email), minutesBefore(now, MEMORY_HOURS * 60), slot.accountRowId);
    const wait = accountBackoffMinutes(account.n);
    if (wait > 0 && account.latest) {
      const until = new Date(account.latest).getTime() + wait * 60_000;
      if (until > now.getTime()) {
        throw new RateLimitedError(
          `Too many failed sign-ins for this account. Wait ${describeWait(until - now.getTime())} and try again, or ask the practice owner to unlock it.`,
          Math.ceil((until - now.getTime()) / 1000),
        );
      }
    }

    const address = await failuresSince(trx, ipKey(ip), minutesBefore(now, ADDRESS_WINDOW_MINUTES), slot.addressRowId);
    if (address.n >= MAX_FAILURES_PER_ADDRESS && address.earliest) {
      const until = new Date(address.earliest).getTime() + ADDRESS_WINDOW_MINUTES * 60_000;
      throw new RateLimitedError(
        `Too many failed sign-ins from this address. Wait ${describeWait(until - now.getTime())} and try again.`,
        Math.max(1, Math.ceil((until - now.getTime()) / 1000)),
      );
    }

    await trx
      .deleteFrom('login_attempts')
      .where('at', '<', minutesBefore(now, MEMORY_HOURS * 60))
      .execute();
    return slot;
  });
}

function describeWait(ms: number): string {
  const minutes = Math.max(1, Math.ceil(ms / 60_000));
  return minutes === 1 ? '1 minute' : `${minutes} minutes`;
}

/** A right password: the account's failures are forgotten and the address's attempt did not fail. */
export async function settleRightPassword(db: Db, slot: SignInSlot): Promise<void> {
  await db.deleteFrom('login_attempts').where('key', '=', emailKey(slot.email)).execute();
  await db.updateTable('login_attempts').set({ succeeded: 1 }).where('id', '=', slot.addressRowId).execute();
}

/** An attempt that turned out not to be a guess (the right password, the code still to come). */
export async function withdrawAttempt(db: Db, slot: SignInSlot): Promise<void> {
  await db.deleteFrom('login_attempts').where('id', 'in', [slot.accountRowId, slot.addressRowId]).execute();
}

/** The owner's unlock: the account's failures are forgotten at once. */
export async function clearAccountFailures(db: Db, email: string): Promise<number> {
  const r = await db.deleteFrom('login_attempts').where('key', '=', emailKey(email)).executeTakeFirst();
  return Number(r.numDeletedRows);
}
