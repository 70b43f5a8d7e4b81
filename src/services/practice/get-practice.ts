import { AppError } from '../../domain/errors.js';
import type { Db } from '../context.js';

export async function findPractice(db: Db) {
  return db.selectFrom('practice').selectAll().executeTakeFirst();
}

export async function getPractice(db: Db) {
  const p = await findPractice(db);
  if (!p) throw new AppError('NOT_FOUND', 'No practice has been set up yet: run `steve init` or `steve demo`.');
  return p;
}
