import { parseInput } from '../../contract/common.js';
import { updateContactInput, type UpdateContactInput } from '../../contract/organisations.js';
import { notFound } from '../../domain/errors.js';
import { appendAudit } from '../audit/append-audit.js';
import { nowIso, type ServiceContext } from '../context.js';

export async function updateContact(ctx: ServiceContext, contactId: string, input: UpdateContactInput) {
  const data = parseInput(updateContactInput, input);
  return ctx.db.transaction().execute(async (trx) => {
    const existing = await trx.selectFrom('contacts').selectAll().where('id', '=', contactId).executeTakeFirst();
    if (!existing) throw notFound('contact', contactId);
    await trx
      .updateTable('contacts')
      .set({ ...data, updated_at: nowIso(ctx) })
      .where('id', '=', contactId)
      .execute();
    await appendAudit(trx, ctx, { action: 'update', entity: 'contact', entity_id: contactId, detail: Object.keys(data).join(',') });
    return trx.selectFrom('contacts').selectAll().where('id', '=', contactId).executeTakeFirstOrThrow();
  });
}
