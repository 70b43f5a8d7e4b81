/**
 * Changes to a case's detail records. Each change that moves a trigger (an authorisation
 * extended, a report served, a DFG application made) recomputes the case's deadlines in
 * the same transaction.
 */
import type { z } from 'zod';
import { parseInput } from '../../contract/common.js';
import {
  authorisationDetailInput,
  updateAuthorisationInput,
  updateEhcpDetailInput,
  updateHousingInput,
  updateMedicoLegalInput,
  updateWorkplaceInput,
} from '../../contract/cases.js';
import { newId } from '../../db/ids.js';
import { invalid, notFound } from '../../domain/errors.js';
import { assertClientVisible, requirePermission } from '../access.js';
import { appendAudit } from '../audit/append-audit.js';
import type { Db, ServiceContext } from '../context.js';
import { syncCaseDeadlines } from '../deadlines/sync-deadlines.js';
import { getCase } from './get-case.js';

const DETAIL = {
  ehcp: { table: 'ehcp_plans', schema: updateEhcpDetailInput },
  medico_legal: { table: 'medico_legal_instructions', schema: updateMedicoLegalInput },
  housing: { table: 'housing_adaptations', schema: updateHousingInput },
  workplace: { table: 'workplace_assessments', schema: updateWorkplaceInput },
} as const;
export type DetailKind = keyof typeof DETAIL;

async function caseClient(db: Db, ctx: ServiceContext, caseId: string): Promise<string> {
  const c = await db.selectFrom('cases').select('client_id').where('id', '=', caseId).executeTakeFirst();
  if (!c) throw notFound('case', caseId);
  await assertClientVisible(db, ctx.actor, c.client_id);
  return c.client_id;
}

export async function updateCaseDetail<K extends DetailKind>(ctx: ServiceContext, caseId: string, kind: K, input: z.input<(typeof DETAIL)[K]['schema']>) {
  requirePermission(ctx.actor, 'cases.change', 'change case details');
  const { table, schema } = DETAIL[kind];
  const data = parseInput(schema as z.ZodType<Record<string, unknown>>, input);
  for (const [k, v] of Object.entries(data)) {
    if (typeof v === 'string' && /_on$/.test(k) && k !== 'report_due_on' && k !== 'trial_window_from' && k !== 'trial_window_to' && v > ctx.clock.today()) {
      throw invalid(`${k.replace(/_/g, ' ')} ${v} is in the future: record what has happened.`, k);
    }
  }
  await ctx.db.transaction().execute(async (trx) => {
    const clientId = await caseClient(trx, ctx, caseId);
    const row = await trx.selectFrom(table).select('id').where('case_id', '=', caseId).executeTakeFirst();
    if (!row) throw invalid(`This case has no ${kind.replace(/_/g, ' ')} record.`, kind);
    if (Object.keys(data).length > 0)
      await trx
        .updateTable(table)
        .set(data as never)
        .where('id', '=', row.id)
        .execute();
    await syncCaseDeadlines(trx, ctx, [caseId]);
    await appendAudit(trx, ctx, { action: 'update', entity: table, entity_id: row.id, client_id: clientId, detail: Object.keys(data).join(',') });
  });
  return getCase(ctx, caseId, { audit: false });
}

export async function addAuthorisation(ctx: ServiceContext, caseId: string, input: z.input<typeof authorisationDetailInput>) {
  requirePermission(ctx.actor, 'authorisations.record');
  const data = parseInput(authorisationDetailInput, input);
  await ctx.db.transaction().execute((trx) => addAuthorisationIn(trx, ctx, caseId, data));
  return getCase(ctx, caseId, { audit: false });
}

/** Records an authorisation inside a caller's transaction (the inbox applies a proposal at once). */
export async function addAuthorisationIn(trx: Db, ctx: ServiceContext, caseId: string, input: z.input<typeof authorisationDetailInput>): Promise<string> {
  requirePermission(ctx.actor, 'authorisations.record');
  const data = parseInput(authorisationDetailInput, input);
  {
    const clientId = await caseClient(trx, ctx, caseId);
    if (data.insurer_org_id) {
      const org = await trx.selectFrom('organisations').select('kind').where('id', '=', data.insurer_org_id).executeTakeFirst();
      if (!org || org.kind !== 'insurer') throw invalid('The authorising organisation must be an insurer.', 'insurer_org_id');
    }
    const id = newId();
    await trx
      .insertInto('authorisations')
      .values({ id, case_id: caseId, ...data })
      .execute();
    await syncCaseDeadlines(trx, ctx, [caseId]);
    await appendAudit(trx, ctx, { action: 'create', entity: 'authorisation', entity_id: id, client_id: clientId });
    return id;
  }
}

/** Extending an authorisation (more sessions, a later end date) moves its expiry task, never duplicating it. */
export async function updateAuthorisation(ctx: ServiceContext, authorisationId: string, input: z.input<typeof updateAuthorisationInput>) {
  requirePermission(ctx.actor, 'authorisations.record');
  const data = parseInput(updateAuthorisationInput, input);
  const caseId = await ctx.db.transaction().execute((trx) => updateAuthorisationIn(trx, ctx, authorisationId, data));
  return getCase(ctx, caseId, { audit: false });
}

/** Changes an authorisation inside a caller's transaction; returns its case. */
export async function updateAuthorisationIn(
  trx: Db,
  ctx: ServiceContext,
  authorisationId: string,
  input: z.input<typeof updateAuthorisationInput>,
): Promise<string> {
  requirePermission(ctx.actor, 'authorisations.record');
  const data = parseInput(updateAuthorisationInput, input);
  {
    const a = await trx.selectFrom('authorisations').selectAll().where('id', '=', authorisationId).executeTakeFirst();
    if (!a) throw notFound('authorisation', authorisationId);
    const clientId = await caseClient(trx, ctx, a.case_id);
    const from = data.valid_from ?? a.valid_from;
    const until = data.valid_until ?? a.valid_until;
    if (until < from) throw invalid('The authorisation cannot end before it starts.', 'valid_until');
    if (Object.keys(data).length > 0) await trx.updateTable('authorisations').set(data).where('id', '=', authorisationId).execute();
    await syncCaseDeadlines(trx, ctx, [a.case_id]);
    await appendAudit(trx, ctx, {
      action: 'update',
      entity: 'authorisation',
      entity_id: authorisationId,
      client_id: clientId,
      detail: Object.keys(data).join(','),
    });
    return a.case_id;
  }
}
