import { notFound } from '../../domain/errors.js';
import { assertClientVisible } from '../access.js';
import type { ServiceContext } from '../context.js';
import { sessionQuery, present } from './session-view.js';

export async function getSession(ctx: ServiceContext, id: string) {
  const s = await sessionQuery(ctx.db).where('sessions.id', '=', id).executeTakeFirst();
  if (!s) throw notFound('session', id);
  await assertClientVisible(ctx.db, ctx.actor, s.client_id).catch(() => {
    throw notFound('session', id);
  });
  return present(ctx, s);
}
