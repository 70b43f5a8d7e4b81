import { addClientInput, type AddClientInput } from '../../contract/clients.js';
import { parseInput } from '../../contract/common.js';
import { newId } from '../../db/ids.js';
import { formatUkDate } from '../../domain/calendar/local-date.js';
import { formatNhsNumber } from '../../domain/people/nhs-number.js';
import { AppError, invalid } from '../../domain/errors.js';
import { roleCan } from '../../domain/permissions.js';
import { can } from '../access.js';
import { appendAudit } from '../audit/append-audit.js';
import { nowIso, type Db, type ServiceContext } from '../context.js';
import { clientView, consentColumns } from './client-view.js';

export async function assertClinician(db: Db, userId: string, field = 'lead_clinician_id'): Promise<void> {
  const u = await db.selectFrom('users').select(['role', 'active']).where('id', '=', userId).executeTakeFirst();
  if (!u) throw invalid(`No user with id ${userId}.`, field);
  if (!roleCan(u.role, 'caseload.hold')) throw invalid('An admin cannot hold a caseload: choose a clinician or the owner.', field);
}

const normalName = (name: string) => name.trim().replace(/\s+/g, ' ').toLowerCase();

/** Ids of the clients with this name (ignoring case and spacing) and date of birth: the duplicate rule every way in shares. */
export async function clientsNamed(db: Db, name: string, dob: string): Promise<string[]> {
  const sameDob = await db.selectFrom('clients').select(['id', 'name']).where('dob', '=', dob).orderBy('id').execute();
  return sameDob.filter((c) => normalName(c.name) === normalName(name)).map((c) => c.id);
}

export interface AddClientOptions {
  /** Where the client came from, kept in the audit event ('from inbox referral'). */
  source?: string;
}

/**
 * Adds a client inside the caller's transaction: the one way a client is created, whether from
 * the API, the CLI, an inbox proposal or referral intake.
 */
export async function addClientIn(trx: Db, ctx: ServiceContext, input: AddClientInput, opts: AddClientOptions = {}) {
  const data = parseInput(addClientInput, input);
  if (data.dob > ctx.clock.today()) throw invalid(`Date of birth ${data.dob} is in the future.`, 'dob');
  // A clinician who adds a client takes them on unless they name someone else; an admin holds no caseload.
  const lead = data.lead_clinician_id ?? (ctx.actor.kind === 'user' && can(ctx.actor, 'caseload.hold') ? ctx.actor.id : null);
  if (lead) await assertClinician(trx, lead);
  // An NHS number belongs to one person, so a second client with it is always refused; two people
  // may share a name and date of birth, so that only asks, and the person adding may confirm.
  if (data.nhs_number) {
    const clash = await trx.selectFrom('clients').select(['name', 'dob']).where('nhs_number', '=', data.nhs_number).executeTakeFirst();
    if (clash)
      throw new AppError(
        'CONFLICT',
        `${clash.name}, born ${formatUkDate(clash.dob)}, already has NHS number ${formatNhsNumber(data.nhs_number)}: open their record instead.`,
        {
          field: 'nhs_number',
        },
      );
  }
  const named = await clientsNamed(trx, data.name, data.dob);
  if (named.length > 0 && !data.different_person)
    throw new AppError(
      'CONFLICT',
      `A client called ${data.name}, born ${formatUkDate(data.dob)}, already exists. Open their record, or confirm this is a different person.`,
      { field: 'name' },
    );
  const now = nowIso(ctx);
  const row = {
    id: newId(),
    name: data.name,
    dob: data.dob,
    nhs_number: data.nhs_number ?? null,
    address: data.address ?? '',
    postcode: data.postcode ?? '',
    phone: data.phone ?? '',
    email: data.email ?? '',
    ...consentColumns(data.consent),
    lead_clinician_id: lead,
    notes: data.notes ?? '',
    created_at: now,
    updated_at: now,
  };
  await trx.insertInto('clients').values(row).execute();
  const detail = [opts.source, named.length > 0 ? 'confirmed a different person from a same-name same-birthday client' : ''].filter(Boolean).join('; ');
  await appendAudit(trx, ctx, { action: 'create', entity: 'client', entity_id: row.id, client_id: row.id, ...(detail ? { detail } : {}) });
  const saved = await trx.selectFrom('clients').selectAll().where('id', '=', row.id).executeTakeFirstOrThrow();
  return clientView(saved);
}

export async function addClient(ctx: ServiceContext, input: AddClientInput) {
  return ctx.db.transaction().execute((trx) => addClientIn(trx, ctx, input));
}
