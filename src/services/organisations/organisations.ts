/** Organisations (LAs, schools, insurers, solicitors…) and their people. Every role may keep these. */
import { parseInput } from '../../contract/common.js';
import {
  addOrganisationInput,
  contactInput,
  listOrganisationsInput,
  updateContactInput,
  updateOrganisationInput,
  type AddOrganisationInput,
  type ContactInput,
  type ListOrganisationsInput,
  type UpdateContactInput,
  type UpdateOrganisationInput,
} from '../../contract/organisations.js';
import { newId } from '../../db/ids.js';
import { notFound } from '../../domain/errors.js';
import { appendAudit } from '../audit/append-audit.js';
import { nowIso, type Db, type ServiceContext } from '../context.js';

export async function listOrganisations(db: Db, input: ListOrganisationsInput = {}) {
  const opts = parseInput(listOrganisationsInput, input);
  let q = db
    .selectFrom('organisations')
    .select((eb) => [
      'organisations.id',
      'organisations.name',
      'organisations.kind',
      'organisations.address',
      'organisations.phone',
      'organisations.email',
      eb.selectFrom('contacts').select(eb.fn.countAll<number>().as('n')).whereRef('contacts.organisation_id', '=', 'organisations.id').as('contacts'),
    ])
    .orderBy('organisations.name');
  if (opts.kind) q = q.where('organisations.kind', '=', opts.kind);
  if (opts.q) q = q.where((eb) => eb(eb.fn('lower', ['organisations.name']), 'like', `%${opts.q!.toLowerCase().replace(/[\\%_]/g, '')}%`));
  const rows = await q.execute();
  return rows.map((r) => ({ ...r, contacts: Number(r.contacts ?? 0) }));
}

export async function getOrganisation(db: Db, id: string) {
  const org = await db.selectFrom('organisations').selectAll().where('id', '=', id).executeTakeFirst();
  if (!org) throw notFound('organisation', id);
  const contacts = await db.selectFrom('contacts').selectAll().where('organisation_id', '=', id).orderBy('name').execute();
  return { ...org, contacts };
}

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

export async function updateOrganisation(ctx: ServiceContext, id: string, input: UpdateOrganisationInput) {
  const data = parseInput(updateOrganisationInput, input);
  return ctx.db.transaction().execute(async (trx) => {
    await getOrganisation(trx, id);
    if (Object.keys(data).length > 0) await trx.updateTable('organisations').set(data).where('id', '=', id).execute();
    await appendAudit(trx, ctx, { action: 'update', entity: 'organisation', entity_id: id, detail: Object.keys(data).join(',') });
    return getOrganisation(trx, id);
  });
}

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
