/** A case with what the money area needs of it, or "not found" for an actor who may not see its client. */
import { notFound } from '../../domain/errors.js';
import { assertClientVisible } from '../access.js';
import type { Db, ServiceContext } from '../context.js';

export async function visibleCase(db: Db, ctx: ServiceContext, caseId: string) {
  const c = await db
    .selectFrom('cases')
    .innerJoin('clients', 'clients.id', 'cases.client_id')
    .select([
      'cases.id',
      'cases.client_id',
      'cases.status',
      'cases.clinician_id',
      'cases.funder_kind',
      'cases.funder_org_id',
      'cases.service_line',
      'clients.name as client_name',
      'clients.dob as client_dob',
    ])
    .where('cases.id', '=', caseId)
    .executeTakeFirst();
  if (!c) throw notFound('case', caseId);
  await assertClientVisible(db, ctx.actor, c.client_id).catch(() => {
    throw notFound('case', caseId);
  });
  return c;
}
