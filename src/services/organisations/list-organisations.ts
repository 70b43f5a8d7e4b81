import { parseInput } from '../../contract/common.js';
import { listOrganisationsInput, type ListOrganisationsInput } from '../../contract/organisations.js';
import type { Db } from '../context.js';

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
