import { parseInput } from '../../contract/common.js';
import { contactInput, type ContactInput } from '../../contract/organisations.js';
import { newId } from '../../db/ids.js';
import { appendAudit } from '../audit/append-audit.js';
import { nowIso, type ServiceContext } from '../context.js';
import { getOrganisation } from './get-organisation.js';

export async function addContact(ctx: ServiceContext, organisationId: string, input: ContactInput) {
  const data = parseInput(contactInput, input);
  return ctx.db.transaction().execute(async (trx) => {
    await getOrganisation(trx, organisationId);
    const row = {
      id: newId(),
      organisation_id: organisationId,
      name: data.name,
      role: data.role ?? '',
      email: data.email ?? '',
      phone: data.phone ?? '',
      updated_at: nowIso(ctx),
    };
    await trx.insertInto('contacts').values(row).execute();
    await appendAudit(trx, ctx, { action: 'create', entity: 'contact', entity_id: row.id, detail: `organisation=${organisationId}` });
    return row;
  });
}
