import { parseInput } from '../../contract/common.js';
import { updateOrganisationInput, type UpdateOrganisationInput } from '../../contract/organisations.js';
import { appendAudit } from '../audit/append-audit.js';
import type { ServiceContext } from '../context.js';
import { getOrganisation } from './get-organisation.js';

export async function updateOrganisation(ctx: ServiceContext, id: string, input: UpdateOrganisationInput) {
  const data = parseInput(updateOrganisationInput, input);
  return ctx.db.transaction().execute(async (trx) => {
    await getOrganisation(trx, id);
    if (Object.keys(data).length > 0) await trx.updateTable('organisations').set(data).where('id', '=', id).execute();
    await appendAudit(trx, ctx, { action: 'update', entity: 'organisation', entity_id: id, detail: Object.keys(data).join(',') });
    return getOrganisation(trx, id);
  });
}
