import type { Transaction } from 'kysely';
import type { Database } from '../../db/schema.js';
import { notFound } from '../../domain/errors.js';
import { assertClientVisible } from '../access.js';
import { appendAudit } from '../audit/append-audit.js';
import type { ServiceContext } from '../context.js';
import { listCasesForClients } from './list-cases.js';

/** A case with every detail record it carries. */
export async function getCase(ctx: ServiceContext, id: string, opts: { audit?: boolean } = {}) {
  const run = <T>(fn: (trx: Transaction<Database>) => Promise<T>): Promise<T> =>
    ctx.db.isTransaction ? fn(ctx.db as Transaction<Database>) : ctx.db.transaction().execute(fn);
  return run(async (trx) => {
    const row = await trx.selectFrom('cases').select('client_id').where('id', '=', id).executeTakeFirst();
    if (!row) throw notFound('case', id);
    await assertClientVisible(trx, ctx.actor, row.client_id).catch(() => {
      throw notFound('case', id);
    });
    const summary = (await listCasesForClients(trx, [row.client_id])).find((c) => c.id === id)!;
    const [ehcp, authorisations, medico_legal, housing, workplace] = await Promise.all([
      trx.selectFrom('ehcp_plans').selectAll().where('case_id', '=', id).executeTakeFirst(),
      trx.selectFrom('authorisations').selectAll().where('case_id', '=', id).orderBy('valid_from').execute(),
      trx.selectFrom('medico_legal_instructions').selectAll().where('case_id', '=', id).executeTakeFirst(),
      trx.selectFrom('housing_adaptations').selectAll().where('case_id', '=', id).executeTakeFirst(),
      trx.selectFrom('workplace_assessments').selectAll().where('case_id', '=', id).executeTakeFirst(),
    ]);
    if (opts.audit !== false) await appendAudit(trx, ctx, { action: 'read', entity: 'case', entity_id: id, client_id: row.client_id });
    return {
      ...summary,
      ehcp: ehcp ?? null,
      authorisations,
      medico_legal: medico_legal ?? null,
      housing: housing ?? null,
      workplace: workplace ?? null,
    };
  });
}
