import { parseInput } from '../../contract/common.js';
import { initPracticeInput, type InitPracticeInput } from '../../contract/practice.js';
import { newId } from '../../db/ids.js';
import { AppError } from '../../domain/errors.js';
import { appendAudit } from '../audit/append-audit.js';
import { nowIso, type ServiceContext } from '../context.js';
import { hashNewPassword } from '../users/password.js';

/** First run: the practice and its owner, in one transaction. Refused once a practice exists. */
export async function initPractice(ctx: ServiceContext, input: InitPracticeInput) {
  const data = parseInput(initPracticeInput, input);
  const password_hash = await hashNewPassword(data.owner_password, 'owner_password');
  return ctx.db.transaction().execute(async (trx) => {
    const existing = await trx.selectFrom('practice').select('name').executeTakeFirst();
    if (existing) throw new AppError('CONFLICT', `This database already holds the practice "${existing.name}".`);
    const now = nowIso(ctx);
    const practice = { id: newId(), name: data.practice, created_at: now };
    await trx.insertInto('practice').values(practice).execute();
    const owner = {
      id: newId(),
      name: data.owner_name,
      email: data.owner_email,
      role: 'owner',
      hcpc_number: data.owner_hcpc_number ?? null,
      password_hash,
      created_at: now,
    };
    await trx.insertInto('users').values(owner).execute();
    await appendAudit(trx, ctx, { action: 'create', entity: 'practice', entity_id: practice.id });
    return { practice_id: practice.id, owner_id: owner.id, name: practice.name, owner_email: owner.email };
  });
}
