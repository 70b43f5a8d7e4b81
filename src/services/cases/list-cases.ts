import { parseInput } from '../../contract/common.js';
import { listCasesInput, type ListCasesInput } from '../../contract/cases.js';
import type { Case } from '../../db/schema.js';
import type { CaseDetailKind } from '../../domain/vocabulary.js';
import { inCaseload, seesAllClients } from '../access.js';
import type { Db, ServiceContext } from '../context.js';

const DETAIL_TABLES = {
  ehcp: 'ehcp_plans',
  authorisation: 'authorisations',
  medico_legal: 'medico_legal_instructions',
  housing: 'housing_adaptations',
  workplace: 'workplace_assessments',
} as const satisfies Record<CaseDetailKind, string>;

/** Which detail kinds each case has, found with one query per kind (not per case). */
async function detailKinds(db: Db, caseIds: string[]): Promise<Map<string, CaseDetailKind[]>> {
  const out = new Map<string, CaseDetailKind[]>(caseIds.map((id) => [id, []]));
  if (caseIds.length === 0) return out;
  for (const [kind, table] of Object.entries(DETAIL_TABLES) as [CaseDetailKind, (typeof DETAIL_TABLES)[CaseDetailKind]][]) {
    for (let i = 0; i < caseIds.length; i += 500) {
      const chunk = caseIds.slice(i, i + 500);
      const rows = await db.selectFrom(table).select('case_id').distinct().where('case_id', 'in', chunk).execute();
      for (const r of rows) out.get(r.case_id)?.push(kind);
    }
  }
  return out;
}

export type CaseSummary = Case & { client_name: string; clinician_name: string | null; details: CaseDetailKind[] };

function baseQuery(db: Db) {
  return db
    .selectFrom('cases')
    .innerJoin('clients', 'clients.id', 'cases.client_id')
    .leftJoin('users', 'users.id', 'cases.clinician_id')
    .selectAll('cases')
    .select(['clients.name as client_name', 'users.name as clinician_name'])
    .orderBy('cases.opened_on', 'desc')
    .orderBy('cases.id');
}

async function withDetails(db: Db, rows: (Case & { client_name: string; clinician_name: string | null })[]): Promise<CaseSummary[]> {
  const kinds = await detailKinds(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => ({ ...r, details: kinds.get(r.id) ?? [] }));
}

export async function listCasesForClients(db: Db, clientIds: string[]): Promise<CaseSummary[]> {
  if (clientIds.length === 0) return [];
  return withDetails(db, await baseQuery(db).where('cases.client_id', 'in', clientIds).execute());
}

export async function listCases(ctx: ServiceContext, input: ListCasesInput = {}): Promise<CaseSummary[]> {
  const opts = parseInput(listCasesInput, input);
  let q = baseQuery(ctx.db);
  if (opts.client_id) q = q.where('cases.client_id', '=', opts.client_id);
  if (opts.status) q = q.where('cases.status', '=', opts.status);
  if (opts.service_line) q = q.where('cases.service_line', '=', opts.service_line);
  if (opts.clinician_id) q = q.where('cases.clinician_id', '=', opts.clinician_id);
  if (!seesAllClients(ctx.actor) && ctx.actor.kind === 'user') q = q.where(inCaseload(ctx.actor.id));
  return withDetails(ctx.db, await q.execute());
}
