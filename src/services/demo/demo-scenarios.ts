/** What each demo client is: the forced scenarios every demo shows, then seeded random ones. */
import { ML_STAGES, type Jurisdiction } from '../../domain/vocabulary.js';
import { INSURER_DETAILS } from './fixtures.js';
import type { Rng } from './prng.js';

export type EhcpVariant = 'advice_requested' | 'review_soon' | 'phase_transfer_6' | 'phase_transfer_11' | 'established';
export type MlStage = (typeof ML_STAGES)[number];
export type Scenario =
  | { kind: 'ehcp'; variant: EhcpVariant; jurisdiction: Jurisdiction; forced: boolean }
  | { kind: 'insured'; insurer: number; line: 'paediatric' | 'adult_neuro' | 'mental_health'; variant: 'nearly_used' | 'expiring' | 'normal' | 'two_left' }
  | { kind: 'medico_legal'; stage: MlStage }
  | { kind: 'housing'; stage: 'assessment' | 'recommendation_sent' | 'application_submitted' | 'approved' | 'works_complete' }
  | { kind: 'workplace'; stage: 'referred' | 'assessed' | 'report_sent' | 'review' }
  | { kind: 'self_pay'; line: 'paediatric' | 'adult_neuro' | 'mental_health' }
  | { kind: 'case_managed' }
  | { kind: 'nhs_mental_health' }
  | { kind: 'other' };

/** The demo walks instructions through the stages in the order the domain lists them. */
export const ML_STAGE_ORDER: readonly MlStage[] = ML_STAGES;
export const atLeast = (stage: MlStage, than: MlStage) => ML_STAGE_ORDER.indexOf(stage) >= ML_STAGE_ORDER.indexOf(than);

/** The scenarios every demo has, whatever its size, so each screen has something to show. */
export function forcedScenarios(): Scenario[] {
  const s: Scenario[] = [
    { kind: 'ehcp', variant: 'advice_requested', jurisdiction: 'england', forced: true },
    { kind: 'ehcp', variant: 'advice_requested', jurisdiction: 'england', forced: true },
    { kind: 'ehcp', variant: 'review_soon', jurisdiction: 'england', forced: true },
    { kind: 'ehcp', variant: 'review_soon', jurisdiction: 'england', forced: true },
    { kind: 'ehcp', variant: 'phase_transfer_6', jurisdiction: 'england', forced: true },
    { kind: 'ehcp', variant: 'phase_transfer_11', jurisdiction: 'england', forced: true },
    { kind: 'ehcp', variant: 'established', jurisdiction: 'england', forced: true },
    { kind: 'ehcp', variant: 'established', jurisdiction: 'wales', forced: true },
    { kind: 'ehcp', variant: 'established', jurisdiction: 'scotland', forced: true },
  ];
  // 'two_left' makes sure every demo, whatever day it is made, has an insured case two sessions from the end of its authorisation.
  const variants = ['nearly_used', 'expiring', 'two_left', 'nearly_used', 'expiring'] as const;
  const lines = ['paediatric', 'adult_neuro', 'mental_health', 'adult_neuro', 'paediatric'] as const;
  for (let i = 0; i < INSURER_DETAILS.length; i++) s.push({ kind: 'insured', insurer: i, line: lines[i]!, variant: variants[i]! });
  for (const stage of ['instructed', 'assessed', 'report_drafted', 'served', 'questions', 'joint_statement', 'settled'] as const)
    s.push({ kind: 'medico_legal', stage });
  s.push({ kind: 'housing', stage: 'recommendation_sent' }, { kind: 'housing', stage: 'application_submitted' });
  s.push({ kind: 'workplace', stage: 'referred' }, { kind: 'workplace', stage: 'report_sent' });
  s.push({ kind: 'case_managed' }, { kind: 'nhs_mental_health' }, { kind: 'self_pay', line: 'paediatric' }, { kind: 'other' });
  return s;
}

export function randomScenario(rng: Rng): Scenario {
  const kind = rng.weighted([
    ['ehcp', 26],
    ['insured', 20],
    ['medico_legal', 13],
    ['housing', 9],
    ['workplace', 8],
    ['self_pay', 11],
    ['case_managed', 5],
    ['nhs_mental_health', 4],
    ['other', 4],
  ] as const);
  switch (kind) {
    case 'ehcp':
      return {
        kind,
        variant: rng.weighted([
          ['advice_requested', 2],
          ['review_soon', 3],
          ['phase_transfer_6', 1],
          ['phase_transfer_11', 1],
          ['established', 6],
        ] as const),
        jurisdiction: rng.weighted([
          ['england', 30],
          ['wales', 1],
          ['scotland', 1],
        ] as const),
        forced: false,
      };
    case 'insured':
      return {
        kind,
        insurer: rng.int(0, INSURER_DETAILS.length - 1),
        line: rng.weighted([
          ['paediatric', 3],
          ['adult_neuro', 4],
          ['mental_health', 3],
        ] as const),
        variant: rng.weighted([
          ['nearly_used', 2],
          ['expiring', 2],
          ['normal', 6],
        ] as const),
      };
    case 'medico_legal':
      return { kind, stage: rng.weighted(ML_STAGE_ORDER.map((st) => [st, st === 'instructed' || st === 'assessed' ? 3 : 1] as const)) };
    case 'housing':
      return { kind, stage: rng.pick(['assessment', 'recommendation_sent', 'application_submitted', 'approved', 'works_complete'] as const) };
    case 'workplace':
      return { kind, stage: rng.pick(['referred', 'assessed', 'report_sent', 'review'] as const) };
    case 'self_pay':
      return {
        kind,
        line: rng.weighted([
          ['paediatric', 5],
          ['adult_neuro', 3],
          ['mental_health', 2],
        ] as const),
      };
    default:
      return { kind };
  }
}
