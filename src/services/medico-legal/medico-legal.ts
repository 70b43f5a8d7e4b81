/**
 * Medico-legal instructions: the list with each one's stage and next court
 * date, and moving an instruction through its stages. Each stage's date goes through the
 * deadline engine in the same transaction (ML-Q-01 from service, ML-Q-02 from questions) and
 * through the money area's own dated tasks (joint statement, trial window). Settlement
 * releases fees deferred to it: they become due on the payer's terms from the settlement date.
 */
import { z } from 'zod';
import { parseInput } from '../../contract/common.js';
import { id } from '../../contract/common.js';
import { mlStageInput } from '../../contract/money.js';
import { addDays, formatUkDate, type LocalDate } from '../../domain/calendar/local-date.js';
import { invalid, notFound } from '../../domain/errors.js';
import { ML_STAGE_DATE, ML_STAGE_LABELS, stageMoveProblem, type MlStage } from '../../domain/money/ml-stages.js';
import { ML_STAGES, type FunderKind } from '../../domain/vocabulary.js';
import { inCaseload, requirePermission, seesAllClients } from '../access.js';
import { appendAudit } from '../audit/append-audit.js';
import type { ServiceContext } from '../context.js';
import { syncCaseDeadlines } from '../deadlines/sync-deadlines.js';
import { loadMoneySettings, termsDaysFor } from '../billing/money-settings.js';
import { syncMedicoLegalTasks } from '../billing/money-tasks.js';
import { visibleCase } from '../sessions/sessions.js';

export const listMlInput = z.object({ stage: z.enum(ML_STAGES).optional(), include_closed: z.boolean().optional(), case_id: id.optional() }).strict();

export async function listMedicoLegal(ctx: ServiceContext, input: z.input<typeof listMlInput> = {}) {
  const opts = parseInput(listMlInput, input);
  let q = ctx.db
    .selectFrom('medico_legal_instructions as m')
    .innerJoin('cases', 'cases.id', 'm.case_id')
    .innerJoin('clients', 'clients.id', 'cases.client_id')
    .leftJoin('organisations', 'organisations.id', 'm.solicitor_org_id')
    .leftJoin('contacts', 'contacts.id', 'm.solicitor_contact_id')
    .selectAll('m')
    .select([
      'cases.client_id',
      'clients.name as client_name',
      'cases.clinician_id',
      'organisations.name as solicitor_name',
      'contacts.name as solicitor_contact_name',
    ])
    .select((eb) =>
      eb
        .selectFrom('tasks')
        .select((e) => e.fn.min('tasks.due_on').as('d'))
        .whereRef('tasks.case_id', '=', 'm.case_id')
        .where('tasks.status', '=', 'open')
        .where('tasks.kind', '=', 'court')
        .as('next_court_date'),
    )
    .select((eb) =>
      eb
        .selectFrom('invoices')
        .select((e) => e.fn.sum<number>('invoices.outstanding_pence').as('t'))
        .whereRef('invoices.case_id', '=', 'm.case_id')
        .where('invoices.status', '=', 'issued')
        .where('invoices.deferred', '=', 1)
        .as('deferred_fees_pence'),
    )
    .orderBy('m.instructed_on', 'desc')
    .orderBy('m.id');
  if (opts.stage) q = q.where('m.stage', '=', opts.stage);
  else if (!opts.include_closed) q = q.where('m.stage', 'not in', ['settled', 'closed']);
  if (opts.case_id) q = q.where('m.case_id', '=', opts.case_id);
  if (!seesAllClients(ctx.actor) && ctx.actor.kind === 'user')
    q = q.where('cases.client_id', 'in', ctx.db.selectFrom('clients').select('clients.id').where(inCaseload(ctx.actor.id)));
  const rows = await q.execute();
  return {
    instructions: rows.map((m) => ({
      ...m,
      stage_label: ML_STAGE_LABELS[m.stage as MlStage] ?? m.stage,
      fee_estimate_pence: m.fee_estimate_pence === null ? null : Number(m.fee_estimate_pence),
      deferred_fees_pence: Number(m.deferred_fees_pence ?? 0),
    })),
  };
}

export async function moveMedicoLegalStage(ctx: ServiceContext, caseId: string, input: z.input<typeof mlStageInput>) {
  requirePermission(ctx.actor, 'medico_legal.change');
  const data = parseInput(mlStageInput, input);
  const today = ctx.clock.today();
  const on = data.on ?? today;
  const stage = data.stage as MlStage;
  // The trial window is set ahead; every other stage records something that has happened.
  if (stage !== 'trial_window' && on > today)
    throw invalid(`${ML_STAGE_LABELS[stage]} on ${formatUkDate(on)} is in the future: record what has happened.`, 'on');
  if (data.trial_window_to && data.trial_window_to < on) throw invalid('The trial window cannot end before it starts.', 'trial_window_to');
  if (stage === 'trial_window' && !data.trial_window_to) throw invalid('A trial window needs its last day (trial_window_to).', 'trial_window_to');
  await ctx.db.transaction().execute(async (trx) => {
    const c = await visibleCase(trx, ctx, caseId);
    const m = await trx.selectFrom('medico_legal_instructions').selectAll().where('case_id', '=', c.id).executeTakeFirst();
    if (!m) throw notFound('medico-legal instruction on case', caseId);
    const problem = stageMoveProblem(m.stage, stage);
    if (problem) throw invalid(problem, 'stage');
    const set: Record<string, string> = { stage, [ML_STAGE_DATE[stage]]: on };
    if (data.trial_window_to) set.trial_window_to = data.trial_window_to;
    if (data.joint_statement_due_on) set.joint_statement_due_on = data.joint_statement_due_on;
    if (data.report_due_on) set.report_due_on = data.report_due_on;
    await trx.updateTable('medico_legal_instructions').set(set).where('id', '=', m.id).execute();
    if (stage === 'settled') {
      const settings = await loadMoneySettings(trx);
      const held = await trx
        .selectFrom('invoices')
        .select(['id', 'payer_kind', 'payer_org_id'])
        .where('case_id', '=', c.id)
        .where('deferred', '=', 1)
        .where('status', '=', 'issued')
        .execute();
      for (const h of held) {
        await trx
          .updateTable('invoices')
          .set({ deferred: 0, due_on: addDays(on as LocalDate, termsDaysFor(settings, h.payer_kind as FunderKind, h.payer_org_id)) })
          .where('id', '=', h.id)
          .execute();
      }
    }
    await syncCaseDeadlines(trx, ctx, [c.id]);
    await syncMedicoLegalTasks(trx, ctx, [c.id]);
    await appendAudit(trx, ctx, { action: 'update', entity: 'medico_legal_instruction', entity_id: m.id, client_id: c.client_id, detail: `stage ${stage}` });
  });
  return (await listMedicoLegal(ctx, { case_id: caseId, include_closed: true })).instructions[0]!;
}
