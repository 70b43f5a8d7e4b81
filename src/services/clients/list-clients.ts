import { listClientsInput, type ListClientsInput } from '../../contract/clients.js';
import { parseInput } from '../../contract/common.js';
import { inCaseload, seesAllClients } from '../access.js';
import type { ServiceContext } from '../context.js';

/**
 * Clients by name, filtered to the clinician's caseload. Search matches name, NHS number
 * or postcode, case-insensitively on both dialects (lower() like lower()).
 */
export async function listClients(ctx: ServiceContext, input: ListClientsInput = {}) {
  const opts = parseInput(listClientsInput, input);
  let q = ctx.db
    .selectFrom('clients')
    .leftJoin('users', 'users.id', 'clients.lead_clinician_id')
    .select([
      'clients.id',
      'clients.name',
      'clients.dob',
      'clients.nhs_number',
      'clients.postcode',
      'clients.lead_clinician_id',
      'users.name as lead_clinician_name',
    ])
    .orderBy('clients.name')
    .orderBy('clients.id');
  if (!seesAllClients(ctx.actor) && ctx.actor.kind === 'user') q = q.where(inCaseload(ctx.actor.id));
  if (opts.q) {
    // Wildcards typed by the user are dropped rather than escaped: SQLite and PostgreSQL escape differently.
    const term = `%${opts.q.toLowerCase().replace(/[\\%_]/g, '')}%`;
    const digits = opts.q.replace(/\s/g, '');
    q = q.where((eb) =>
      eb.or([
        eb(eb.fn('lower', ['clients.name']), 'like', term),
        eb(eb.fn('lower', ['clients.postcode']), 'like', term),
        ...(/^\d{3,10}$/.test(digits) ? [eb('clients.nhs_number', 'like', `${digits}%`)] : []),
      ]),
    );
  }
  if (opts.limit !== undefined) q = q.limit(opts.limit);
  if (opts.offset) q = q.offset(opts.offset).$if(opts.limit === undefined, (qq) => qq.limit(1_000_000));
  return q.execute();
}
