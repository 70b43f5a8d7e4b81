/** Medico-legal instructions, each with its stage and next court date. */
import { z } from 'zod';
import { parseInput } from '../../contract/common.js';
import { id } from '../../contract/common.js';
import { ML_STAGE_LABELS, type MlStage } from '../../domain/money/ml-stages.js';
import { ML_STAGES } from '../../domain/vocabulary.js';
import { inCaseload, seesAllClients } from '../access.js';
import type { ServiceContext } from '../context.js';

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
