/**
 * The stages of a medico-legal instruction, in order, and the date each one records.
 * A stage can be skipped (no questions were asked) but never undone: the dates drive court
 * deadlines (ML-Q-01 from service, ML-Q-02 from questions), so history stays as it happened.
 */
import { ML_STAGES } from '../vocabulary.js';

export type MlStage = (typeof ML_STAGES)[number];

export const ML_STAGE_DATE: Record<MlStage, string> = {
  instructed: 'instructed_on',
  records_received: 'records_received_on',
  assessed: 'assessed_on',
  report_drafted: 'report_drafted_on',
  served: 'report_served_on',
  questions: 'questions_received_on',
  addendum: 'addendum_on',
  joint_statement: 'joint_statement_on',
  trial_window: 'trial_window_from',
  settled: 'settled_on',
  closed: 'closed_on',
};

export const ML_STAGE_LABELS: Record<MlStage, string> = {
  instructed: 'Instructed',
  records_received: 'Records received',
  assessed: 'Assessed',
  report_drafted: 'Report drafted',
  served: 'Report served',
  questions: 'CPR 35.6 questions',
  addendum: 'Addendum',
  joint_statement: 'Joint statement',
  trial_window: 'Trial window',
  settled: 'Settled',
  closed: 'Closed',
};

export function stageIndex(s: string): number {
  return (ML_STAGES as readonly string[]).indexOf(s);
}

/** Null when the move is allowed, else why not. Closing is allowed from any stage. */
export function stageMoveProblem(from: string, to: MlStage): string | null {
  if (to === 'closed') return from === 'closed' ? 'The instruction is already closed.' : null;
  if (from === 'closed' || from === 'settled') return `The instruction is ${from}: no further stages.`;
  if (stageIndex(to) <= stageIndex(from)) return `The instruction is already at "${ML_STAGE_LABELS[from as MlStage] ?? from}"; stages move forward only.`;
  if (stageIndex(to) >= stageIndex('questions') && stageIndex(to) <= stageIndex('trial_window') && stageIndex(from) < stageIndex('served')) {
    return `"${ML_STAGE_LABELS[to]}" needs the report to have been served first.`;
  }
  return null;
}
