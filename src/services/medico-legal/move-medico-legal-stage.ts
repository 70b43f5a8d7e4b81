/**
 * Moving an instruction through its stages. Each stage's date goes through the deadline engine
 * in the same transaction (ML-Q-01 from service, ML-Q-02 from questions) and through the money
 * area's own dated tasks (joint statement, trial window). Settlement releases fees deferred to
 * it: they become due on the payer's terms from the settlement date.
 */
import { z } from 'zod';
import { parseInput } from '../../contract/common.js';
import { mlStageInput } from '../../contract/money.js';
import { addDays, formatUkDate, type LocalDate } from '../../domain/calendar/local-date.js';
import { invalid, notFound } from '../../domain/errors.js';
import { ML_STAGE_DATE, ML_STAGE_LABELS, stageMoveProblem, type MlStage } from '../../domain/money/ml-stages.js';
import type { FunderKind } from '../../domain/vocabulary.js';
import { requirePermission } from '../access.js';
import { appendAudit } from '../audit/append-audit.js';
import type { ServiceContext } from '../context.js';
import { syncCaseDeadlines } from '../deadlines/sync-deadlines.js';
import { loadMoneySettings, termsDaysFor } from '../billing/money-settings.js';
import { syncMedicoLegalTasks } from '../billing/money-tasks.js';
import { visibleCase } from '../sessions/visible-case.js';
import { listMedicoLegal } from './list-medico-legal.js';

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
