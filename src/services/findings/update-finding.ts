import type { FindingKind } from '../../contract/findings.js';
import { parseInput } from '../../contract/common.js';
import { appendAudit } from '../audit/append-audit.js';
import type { ServiceContext } from '../context.js';
import { type FindingInputOf, SCHEMA, findingRow } from './finding-tables.js';

/** Replaces the fields given; the rest stay as they were. */
export async function updateFinding<K extends FindingKind>(ctx: ServiceContext, kind: K, id: string, input: Partial<FindingInputOf<K>>) {
  const schema = (SCHEMA[kind] as unknown as { partial(): never }).partial();
  const data = parseInput(schema, input) as Record<string, unknown>;
  return ctx.db.transaction().execute(async (trx) => {
    const { table, client_id } = await findingRow(trx, ctx, kind, id);
    const set = Object.fromEntries(Object.entries(data).filter(([k]) => k in (input as object)));
    if (Object.keys(set).length)
      await trx
        .updateTable(table)
        .set(set as never)
        .where('id', '=', id)
        .execute();
    await appendAudit(trx, ctx, { action: 'update', entity: kind, entity_id: id, client_id, detail: Object.keys(set).sort().join(',') });
    return trx.selectFrom(table).selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  });
}
