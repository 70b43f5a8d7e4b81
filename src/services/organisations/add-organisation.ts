/** Every role keeps the address book of organisations and their people, so no permission is checked here. */
import { parseInput } from '../../contract/common.js';
import { addOrganisationInput, type AddOrganisationInput } from '../../contract/organisations.js';
import { newId } from '../../db/ids.js';
import { appendAudit } from '../audit/append-audit.js';
import { nowIso, type ServiceContext } from '../context.js';

export async function addOrganisation(ctx: ServiceContext, input: AddOrganisationInput) {
  const data = parseInput(addOrganisationInput, input);
  return ctx.db.transaction().execute(async (trx) => {
    const row = {
      id: newId(),
      name: data.name,
      kind: data.kind,
      address: data.address ?? '',
      phone: data.phone ?? '',
      email: data.email ?? '',
      notes: data.notes ?? '',
      created_at: nowIso(ctx),
    };
    await trx.insertInto('organisations').values(row).execute();
    await appendAudit(trx, ctx, { action: 'create', entity: 'organisation', entity_id: row.id });
    return { ...row, contacts: [] };
  });
}
