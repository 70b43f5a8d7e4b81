/**
 * Optional two-factor sign-in per user (RFC 6238 TOTP, otplib 13). The secret being set up
 * is not stored until the user proves their app has it: it is derived from the current
 * session's id, so "set up" then "enable" in one session agree with no extra column, and
 * a secret from an abandoned set-up dies with its session.
 */
import { createHmac } from 'node:crypto';
import { generateURI, ScureBase32Plugin, verify } from 'otplib';
import { parseInput } from '../../contract/common.js';
import { totpDisableInput, totpTokenInput, type TotpDisableInput, type TotpTokenInput } from '../../contract/auth.js';
import { AppError } from '../../domain/errors.js';
import { appendAudit } from '../audit/append-audit.js';
import type { ServiceContext } from '../context.js';
import { getPractice } from '../practice/get-practice.js';
import { verifyPassword } from '../users/password.js';
import { publicUserOf } from './user-view.js';

const base32 = new ScureBase32Plugin();

/** True when the code matches the secret at the clock's time, allowing one 30-second step of drift. */
export async function totpMatches(secret: string, token: string, now: Date): Promise<boolean> {
  const result = await verify({ secret, token, epoch: Math.floor(now.getTime() / 1000), epochTolerance: 30 });
  return result.valid;
}

function pendingSecret(sessionId: string, userId: string): string {
  // 20 bytes = 160 bits, RFC 4226's recommended length (otplib refuses under 16).
  const bytes = createHmac('sha256', sessionId).update(`totp-setup:${userId}`).digest().subarray(0, 20);
  return base32.encode(new Uint8Array(bytes)).replace(/=+$/, '');
}

function userId(ctx: ServiceContext): string {
  if (ctx.actor.kind !== 'user') throw new AppError('UNAUTHENTICATED', 'Sign in to set up two-factor sign-in.');
  return ctx.actor.id;
}

async function loadUser(ctx: ServiceContext, id: string) {
  return ctx.db
    .selectFrom('users')
    .select(['id', 'name', 'email', 'role', 'hcpc_number', 'totp_secret', 'password_hash'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
}

export async function beginTotpSetup(ctx: ServiceContext, sessionId: string) {
  const user = await loadUser(ctx, userId(ctx));
  if (user.totp_secret) throw new AppError('CONFLICT', 'Two-factor sign-in is already on. Turn it off first to move it to a new device.');
  const practice = await getPractice(ctx.db);
  const secret = pendingSecret(sessionId, user.id);
  return { secret, otpauth_uri: generateURI({ issuer: `Steve (${practice.name})`, label: user.email, secret }) };
}

export async function enableTotp(ctx: ServiceContext, sessionId: string, input: TotpTokenInput) {
  const data = parseInput(totpTokenInput, input);
  const user = await loadUser(ctx, userId(ctx));
  if (user.totp_secret) throw new AppError('CONFLICT', 'Two-factor sign-in is already on.');
  const secret = pendingSecret(sessionId, user.id);
  if (!(await totpMatches(secret, data.token, ctx.clock.now()))) {
    throw new AppError('VALIDATION', 'That code does not match: check the time on your phone and enter the current code.', { field: 'token' });
  }
  await ctx.db.transaction().execute(async (trx) => {
    await trx.updateTable('users').set({ totp_secret: secret }).where('id', '=', user.id).execute();
    await appendAudit(trx, ctx, { action: 'update', entity: 'user', entity_id: user.id, detail: 'totp_enabled' });
  });
  return { user: publicUserOf({ ...user, totp_secret: secret }) };
}

/** Turning two-factor off needs the password again, so an unattended signed-in screen is not enough. */
export async function disableTotp(ctx: ServiceContext, input: TotpDisableInput) {
  const data = parseInput(totpDisableInput, input);
  const user = await loadUser(ctx, userId(ctx));
  if (!(await verifyPassword(user.password_hash, data.password))) throw new AppError('VALIDATION', 'That password is not right.', { field: 'password' });
  await ctx.db.transaction().execute(async (trx) => {
    await trx.updateTable('users').set({ totp_secret: null }).where('id', '=', user.id).execute();
    await appendAudit(trx, ctx, { action: 'update', entity: 'user', entity_id: user.id, detail: 'totp_disabled' });
  });
  return { user: publicUserOf({ ...user, totp_secret: null }) };
}
