/** Structured findings of a case: the only facts a draft may use. */
import { z } from 'zod';
import { COP_AREAS, ADULT_AREAS, DELIVERY_MODES, GOAL_KINDS, PROVISION_SECTIONS } from '../domain/documents/kinds.js';
import { NOTE_KEYS, isNoteKey } from '../domain/documents/notes.js';
import { SCORE_METRICS } from '../domain/outcomes/scores.js';
import { isoDate, longText, shortText } from './common.js';

const area = z
  .enum([...COP_AREAS, ...ADULT_AREAS])
  .nullable()
  .optional();
const optText = shortText
  .nullable()
  .optional()
  .transform((s) => (s === '' ? null : (s ?? null)));
const optDate = isoDate.nullable().optional();
const num = z.number().finite().nullable().optional();
const rating = z.number().int().min(1, 'must be 1–10').max(10, 'must be 1–10').nullable().optional();
const gasLevel = z.number().int().min(-2, 'must be −2 to +2').max(2, 'must be −2 to +2').nullable().optional();

export const noteInput = z.object({
  key: z.string().refine(isNoteKey, 'is not a known findings field'),
  text: longText,
});
export type NoteInput = z.input<typeof noteInput>;

export const itemInput = z.strictObject({
  kind: z.enum(['need', 'observation', 'recommendation']),
  area,
  text: longText.pipe(z.string().trim().min(1, 'is required')),
  on_date: optDate,
  setting: optText,
});
export type ItemInput = z.input<typeof itemInput>;

export const assessmentInput = z.strictObject({
  test_name: shortText.pipe(z.string().min(1, 'is required')),
  edition: optText,
  test_date: optDate,
  examiner: optText,
  examiner_qualification: optText,
  subtest: optText,
  raw_score: num,
  derived_score: num,
  metric: z.enum(SCORE_METRICS),
  mean: num,
  sd: z.number().positive('must be positive').nullable().optional(),
  percentile: z.number().min(0, 'must be 0–100').max(100, 'must be 0–100').nullable().optional(),
  ci_low: num,
  ci_high: num,
  band: optText,
  area,
  interpretation: longText.nullable().optional(),
});
export type AssessmentInput = z.input<typeof assessmentInput>;

export const goalInput = z.strictObject({
  kind: z.enum(GOAL_KINDS),
  text: longText.pipe(z.string().trim().min(1, 'is required')),
  area,
  target_date: optDate,
  importance: rating,
  performance_baseline: rating,
  satisfaction_baseline: rating,
  performance_followup: rating,
  satisfaction_followup: rating,
  gas_weight: z.number().positive('must be positive').nullable().optional(),
  gas_baseline: gasLevel,
  gas_outcome: gasLevel,
  status: optText,
});
export type GoalInput = z.input<typeof goalInput>;

export const provisionInput = z.strictObject({
  section: z.enum(PROVISION_SECTIONS),
  need_ref: optText,
  what: shortText.pipe(z.string().min(1, 'is required')),
  who: optText,
  qualification: optText,
  frequency: optText,
  duration: optText,
  programme_length: optText,
  group_size: optText,
  delivery: z.enum(DELIVERY_MODES).nullable().optional(),
  location: optText,
  review: optText,
  cost_pence: z.number().int('must be whole pence').min(0).nullable().optional(),
  cost_basis: optText,
});
export type ProvisionInput = z.input<typeof provisionInput>;

export const FINDING_KINDS = ['item', 'assessment', 'goal', 'provision'] as const;
export type FindingKind = (typeof FINDING_KINDS)[number];

export const laProfileInput = z.strictObject({
  organisation_id: z.string().trim().min(1).nullable().optional(),
  name: shortText.pipe(z.string().min(1, 'is required')),
  section_order: z.array(z.string().max(40)).max(30).optional(),
  headings: z.record(z.string().max(40), shortText).optional(),
  front_sheet_fields: z.array(z.string().max(40)).max(30).optional(),
  reference_format: optText,
  provision_layout: z.enum(['split', 'single']).optional(),
  scores_in: z.enum(['body', 'appendix']).optional(),
  max_words: z.number().int().positive().nullable().optional(),
  max_pages: z.number().int().positive().nullable().optional(),
  freshness_months: z.number().int().positive().nullable().optional(),
  return_to: optText,
});
export type LaProfileInput = z.input<typeof laProfileInput>;

export const findingKind = z.enum(FINDING_KINDS);

// What the API answers: the route serialises through these, so a field not listed never leaves the server.
export const copmChange = z.object({
  problem: z.string(),
  performance_change: z.number().nullable(),
  satisfaction_change: z.number().nullable(),
  performance_important: z.boolean(),
  satisfaction_important: z.boolean(),
});
export const copmSummary = z.object({
  problems: z.array(copmChange),
  performance_baseline: z.number().nullable(),
  satisfaction_baseline: z.number().nullable(),
  performance_followup: z.number().nullable(),
  satisfaction_followup: z.number().nullable(),
  performance_change: z.number().nullable(),
  satisfaction_change: z.number().nullable(),
  performance_important: z.boolean(),
  satisfaction_important: z.boolean(),
  mixed: z.boolean(),
  compared: z.number(),
});
export const findingItem = z.object({
  id: z.string(),
  created_at: z.string(),
  case_id: z.string(),
  kind: z.string(),
  on_date: z.string().nullable(),
  text: z.string(),
  area: z.string().nullable(),
  setting: z.string().nullable(),
  position: z.number(),
});
export type FindingItem = z.infer<typeof findingItem>;
export const assessment = z.object({
  id: z.string(),
  created_at: z.string(),
  case_id: z.string(),
  area: z.string().nullable(),
  position: z.number(),
  test_name: z.string(),
  edition: z.string().nullable(),
  test_date: z.string().nullable(),
  examiner: z.string().nullable(),
  examiner_qualification: z.string().nullable(),
  subtest: z.string().nullable(),
  raw_score: z.number().nullable(),
  derived_score: z.number().nullable(),
  metric: z.string(),
  mean: z.number().nullable(),
  sd: z.number().nullable(),
  percentile: z.number().nullable(),
  ci_low: z.number().nullable(),
  ci_high: z.number().nullable(),
  band: z.string().nullable(),
  interpretation: z.string().nullable(),
});
export type Assessment = z.infer<typeof assessment>;
export const goal = z.object({
  id: z.string(),
  created_at: z.string(),
  case_id: z.string(),
  kind: z.string(),
  status: z.string().nullable(),
  text: z.string(),
  area: z.string().nullable(),
  position: z.number(),
  target_date: z.string().nullable(),
  importance: z.number().nullable(),
  performance_baseline: z.number().nullable(),
  satisfaction_baseline: z.number().nullable(),
  performance_followup: z.number().nullable(),
  satisfaction_followup: z.number().nullable(),
  gas_weight: z.number().nullable(),
  gas_baseline: z.number().nullable(),
  gas_outcome: z.number().nullable(),
});
export type Goal = z.infer<typeof goal>;
export const provisionLine = z.object({
  id: z.string(),
  created_at: z.string(),
  section: z.string(),
  case_id: z.string(),
  position: z.number(),
  need_ref: z.string().nullable(),
  what: z.string(),
  who: z.string().nullable(),
  qualification: z.string().nullable(),
  frequency: z.string().nullable(),
  duration: z.string().nullable(),
  programme_length: z.string().nullable(),
  group_size: z.string().nullable(),
  delivery: z.string().nullable(),
  location: z.string().nullable(),
  review: z.string().nullable(),
  cost_pence: z.number().nullable(),
  cost_basis: z.string().nullable(),
});
export type ProvisionLine = z.infer<typeof provisionLine>;
/** One finding of any kind, as adding or changing it answers. */
export const finding = z.union([findingItem, goal, assessment, provisionLine]);
export const getCaseFindingsResponse = z.object({
  case_id: z.string(),
  notes: z.record(z.string(), z.string()),
  needs: z.array(findingItem),
  observations: z.array(findingItem),
  recommendations: z.array(findingItem),
  assessments: z.array(assessment),
  goals: z.array(goal),
  provision: z.array(provisionLine),
  copm: copmSummary.nullable(),
  gas: z.object({ baseline_t: z.number().nullable(), outcome_t: z.number().nullable() }).nullable(),
});
export type GetCaseFindingsResponse = z.infer<typeof getCaseFindingsResponse>;
export const setFindingNoteResponse = z.object({ case_id: z.string(), key: z.enum(NOTE_KEYS), text: z.string().nullable() });
export const deleteFindingResponse = z.object({ id: z.string(), deleted: z.boolean() });
