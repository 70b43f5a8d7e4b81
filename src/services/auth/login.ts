/**
 * Signing in: email and password (argon2id), then the TOTP code when the user has turned
 * two-factor on. Every refusal looks the same whether or not the email exists, and takes
 * as long: an unknown email is checked against a dummy hash.
 */
import { loginInput, type LoginInput } from '../../contract/auth.js';
import { parseInput } from '../../contract/common.js';
import { appendAudit } from '../audit/append-audit.js';
import type { Actor, ServiceDeps } from '../context.js';
import { hashPassword, verifyPassword } from '../users/password.js';
import { TotpRequiredError, wrongDetails } from './errors.js';
import { reserveSignIn, settleRightPassword, withdrawAttempt } from './rate-limit.js';
import { createSession, type NewSession } from './sessions.js';
import { totpMatches } from './totp.js';
import { actorOf, publicUserOf, type PublicUserView } from './user-view.js';

let dummyHash: Promise<string> | undefined;
const dummy = (): Promise<string> => (dummyHash ??= hashPassword('not-a-real-password-for-timing'));

const WEB: Actor = { kind: 'system', label: 'web' };

export interface LoginResult extends NewSession {
  user: PublicUserView;
}

export async function login(deps: ServiceDeps, input: LoginInput, meta: { ip: string; sessionHours: number }): Promise<LoginResult> {
  const data = parseInput(loginInput, input);
  // Counted before the password is checked, so parallel guesses cannot outrun the count.
  const slot = await reserveSignIn(deps, data.email, meta.ip);
  const user = await deps.db
    .selectFrom('users')
    .select(['id', 'name', 'email', 'role', 'hcpc_number', 'totp_secret', 'password_hash', 'active'])
    .where('email', '=', data.email)
    .executeTakeFirst();

  const fail = async (reason: string, err: Error): Promise<never> => {
    // The attempted email is not recorded: it may be a password typed into the wrong box.
    await deps.db
      .transaction()
      .execute((trx) => appendAudit(trx, { ...deps, actor: WEB }, { action: 'sign_in_failed', entity: 'user', entity_id: user?.id ?? null, detail: reason }));
    throw err;
  };

  const passwordOk = await verifyPassword(user?.password_hash ?? (await dummy()), data.password);
  if (!user) return fail('unknown_email', wrongDetails());
  if (!passwordOk) return fail('wrong_password', wrongDetails());
  if (user.active !== 1) return fail('inactive_user', wrongDetails());
  if (user.totp_secret) {
    if (!data.totp) {
      // The right password with the code still to come is not a failure.
      await withdrawAttempt(deps.db, slot);
      throw new TotpRequiredError('Enter the 6-digit code from your authenticator app.');
    }
    if (!(await totpMatches(user.totp_secret, data.totp, deps.clock.now()))) {
      return fail('wrong_totp', new TotpRequiredError('That code is not right: enter the current code from your authenticator app.'));
    }
  }

  await settleRightPassword(deps.db, slot);
  const session = await createSession(deps, user.id, meta.sessionHours);
  await deps.db.transaction().execute((trx) => appendAudit(trx, { ...deps, actor: actorOf(user) }, { action: 'sign_in', entity: 'user', entity_id: user.id }));
  return { ...session, user: publicUserOf(user) };
}
