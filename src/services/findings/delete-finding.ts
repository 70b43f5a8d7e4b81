import type { FindingKind } from '../../contract/findings.js';
import { appendAudit } from '../audit/append-audit.js';
import type { ServiceContext } from '../context.js';
import { findingRow } from './finding-tables.js';

export async function deleteFinding(ctx: ServiceContext, kind: FindingKind, id: string) {
  return ctx.db.transaction().execute(async (trx) => {
    const { table, client_id } = await findingRow(trx, ctx, kind, id);
    await trx.deleteFrom(table).where('id', '=', id).execute();
    await appendAudit(trx, ctx, { action: 'delete', entity: kind, entity_id: id, client_id });
    return { id, deleted: true };
  });
}
