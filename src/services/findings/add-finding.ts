import type { FindingKind } from '../../contract/findings.js';
import { parseInput } from '../../contract/common.js';
import { newId } from '../../db/ids.js';
import { appendAudit } from '../audit/append-audit.js';
import { nowIso, type ServiceContext } from '../context.js';
import { type FindingInputOf, SCHEMA, type FindingTable, TABLE } from './finding-tables.js';
import { clinicalCase } from './clinical-access.js';

function nullish<T extends Record<string, unknown>>(row: T): T {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(row)) out[k] = v === undefined ? null : v;
  return out as T;
}

export async function addFinding<K extends FindingKind>(ctx: ServiceContext, caseId: string, kind: K, input: FindingInputOf<K>) {
  const data = parseInput(SCHEMA[kind] as never, input) as Record<string, unknown>;
  const table: FindingTable = TABLE[kind];
  return ctx.db.transaction().execute(async (trx) => {
    const c = await clinicalCase(trx, ctx, caseId);
    const last = await trx
      .selectFrom(table)
      .select((eb) => eb.fn.max('position').as('p'))
      .where('case_id', '=', caseId)
      .executeTakeFirst();
    const row = nullish({ ...data, id: newId(), case_id: caseId, position: Number(last?.p ?? 0) + 1, created_at: nowIso(ctx) });
    await trx
      .insertInto(table)
      .values(row as never)
      .execute();
    await appendAudit(trx, ctx, { action: 'create', entity: kind, entity_id: row.id as string, client_id: c.client_id });
    return trx
      .selectFrom(table)
      .selectAll()
      .where('id', '=', row.id as string)
      .executeTakeFirstOrThrow();
  });
}
