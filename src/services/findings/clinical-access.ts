/**
 * Findings and drafts are clinical content: owners and the case's clinicians only. An admin is
 * refused outright, and a clinician outside the caseload gets "not found", which leaks nothing.
 */
import { notFound } from '../../domain/errors.js';
import { assertClientVisible, canReadClinical, forbidden } from '../access.js';
import type { Db, ServiceContext } from '../context.js';

export function assertClinicalReader(ctx: ServiceContext): void {
  if (!canReadClinical(ctx.actor)) throw forbidden('Clinical findings and document drafts are for clinicians only.');
}

/** The case's client id, after checking the actor may see it. */
export async function clinicalCase(db: Db, ctx: ServiceContext, caseId: string): Promise<{ id: string; client_id: string }> {
  assertClinicalReader(ctx);
  const c = await db.selectFrom('cases').select(['id', 'client_id']).where('id', '=', caseId).executeTakeFirst();
  if (!c) throw notFound('case', caseId);
  await assertClientVisible(db, ctx.actor, c.client_id).catch(() => {
    throw notFound('case', caseId);
  });
  return c;
}
