import { clientContactInput, updateClientInput, type ClientContactInput, type UpdateClientInput } from '../../contract/clients.js';
import { parseInput } from '../../contract/common.js';
import { newId } from '../../db/ids.js';
import { AppError, invalid, notFound } from '../../domain/errors.js';
import { assertClientVisible } from '../access.js';
import { appendAudit } from '../audit/append-audit.js';
import { nowIso, type ServiceContext } from '../context.js';
import { syncReportBacks } from '../referrals/sync-report-backs.js';
import { assertClinician } from './add-client.js';
import { clientView, consentColumns } from './client-view.js';

export async function updateClient(ctx: ServiceContext, id: string, input: UpdateClientInput) {
  const data = parseInput(updateClientInput, input);
  if (data.dob && data.dob > ctx.clock.today()) throw invalid(`Date of birth ${data.dob} is in the future.`, 'dob');
  return ctx.db.transaction().execute(async (trx) => {
    await assertClientVisible(trx, ctx.actor, id);
    const { consent, nhs_number, ...plain } = data;
    if (plain.lead_clinician_id) await assertClinician(trx, plain.lead_clinician_id);
    if (nhs_number) {
      const clash = await trx.selectFrom('clients').select('id').where('nhs_number', '=', nhs_number).where('id', '<>', id).executeTakeFirst();
      if (clash) throw new AppError('CONFLICT', `Another client already has NHS number ${nhs_number}.`, { field: 'nhs_number' });
    }
    const set = {
      ...plain,
      ...(nhs_number !== undefined ? { nhs_number: nhs_number || null } : {}),
      ...consentColumns(consent),
      updated_at: nowIso(ctx),
    };
    await trx.updateTable('clients').set(set).where('id', '=', id).execute();
    // Withdrawn consent closes open report-backs to that party at once; given consent brings them back.
    if (consent) await syncReportBacks(trx, ctx, { clientIds: [id] });
    const changed = Object.keys(set).filter((k) => k !== 'updated_at');
    await appendAudit(trx, ctx, { action: 'update', entity: 'client', entity_id: id, client_id: id, detail: changed.join(',') });
    return clientView(await trx.selectFrom('clients').selectAll().where('id', '=', id).executeTakeFirstOrThrow());
  });
}

export async function addClientContact(ctx: ServiceContext, clientId: string, input: ClientContactInput) {
  const data = parseInput(clientContactInput, input);
  return ctx.db.transaction().execute(async (trx) => {
    await assertClientVisible(trx, ctx.actor, clientId);
    const row = {
      id: newId(),
      client_id: clientId,
      name: data.name,
      relationship: data.relationship ?? '',
      is_carer: data.is_carer ? 1 : 0,
      parental_responsibility: data.parental_responsibility ? 1 : 0,
      phone: data.phone ?? '',
      email: data.email ?? '',
      address: data.address ?? '',
    };
    await trx.insertInto('client_contacts').values(row).execute();
    await appendAudit(trx, ctx, { action: 'create', entity: 'client_contact', entity_id: row.id, client_id: clientId });
    return row;
  });
}

export async function updateClientContact(ctx: ServiceContext, contactId: string, input: Partial<ClientContactInput>) {
  const data = parseInput(clientContactInput.partial().strict(), input);
  return ctx.db.transaction().execute(async (trx) => {
    const existing = await trx.selectFrom('client_contacts').selectAll().where('id', '=', contactId).executeTakeFirst();
    if (!existing) throw notFound('client contact', contactId);
    await assertClientVisible(trx, ctx.actor, existing.client_id);
    const { is_carer, parental_responsibility, ...plain } = data;
    const set = {
      ...plain,
      ...(is_carer !== undefined ? { is_carer: is_carer ? 1 : 0 } : {}),
      ...(parental_responsibility !== undefined ? { parental_responsibility: parental_responsibility ? 1 : 0 } : {}),
    };
    if (Object.keys(set).length > 0) await trx.updateTable('client_contacts').set(set).where('id', '=', contactId).execute();
    await appendAudit(trx, ctx, {
      action: 'update',
      entity: 'client_contact',
      entity_id: contactId,
      client_id: existing.client_id,
      detail: Object.keys(data).join(','),
    });
    return trx.selectFrom('client_contacts').selectAll().where('id', '=', contactId).executeTakeFirstOrThrow();
  });
}
