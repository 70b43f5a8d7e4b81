/** First run in the browser: create the practice and its owner, and sign the owner in. */
import type { InitPracticeInput } from '../../contract/practice.js';
import { appendAudit } from '../audit/append-audit.js';
import type { ServiceDeps } from '../context.js';
import { findPractice } from '../practice/get-practice.js';
import { initPractice } from '../practice/init-practice.js';
import { createSession, type NewSession } from './sessions.js';
import { actorOf, publicUserOf, type PublicUserView } from './user-view.js';

export async function setupNeeded(deps: ServiceDeps): Promise<boolean> {
  return (await findPractice(deps.db)) === undefined;
}

export async function setupPractice(
  deps: ServiceDeps,
  input: InitPracticeInput,
  opts: { sessionHours: number },
): Promise<NewSession & { user: PublicUserView }> {
  const made = await initPractice({ ...deps, actor: { kind: 'system', label: 'web setup' } }, input);
  const owner = await deps.db
    .selectFrom('users')
    .select(['id', 'name', 'email', 'role', 'hcpc_number', 'totp_secret'])
    .where('id', '=', made.owner_id)
    .executeTakeFirstOrThrow();
  const session = await createSession(deps, owner.id, opts.sessionHours);
  await deps.db
    .transaction()
    .execute((trx) => appendAudit(trx, { ...deps, actor: actorOf(owner) }, { action: 'sign_in', entity: 'user', entity_id: owner.id }));
  return { ...session, user: publicUserOf(owner) };
}
