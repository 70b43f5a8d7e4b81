import { notFound } from '../../domain/errors.js';
import type { Db } from '../context.js';

export async function getOrganisation(db: Db, id: string) {
  const org = await db.selectFrom('organisations').selectAll().where('id', '=', id).executeTakeFirst();
  if (!org) throw notFound('organisation', id);
  const contacts = await db.selectFrom('contacts').selectAll().where('organisation_id', '=', id).orderBy('name').execute();
  return { ...org, contacts };
}
