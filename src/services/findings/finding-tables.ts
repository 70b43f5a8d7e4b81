/** Each kind of finding has its own table and input schema; the use cases pick them by kind. */
import {
  assessmentInput,
  goalInput,
  itemInput,
  provisionInput,
  type AssessmentInput,
  type FindingKind,
  type GoalInput,
  type ItemInput,
  type ProvisionInput,
} from '../../contract/findings.js';
import { notFound } from '../../domain/errors.js';
import type { Db, ServiceContext } from '../context.js';
import { clinicalCase } from './clinical-access.js';

export const TABLE = { item: 'finding_items', assessment: 'assessments', goal: 'goals', provision: 'provision_lines' } as const;

export type FindingTable = (typeof TABLE)[FindingKind];

export const SCHEMA = { item: itemInput, assessment: assessmentInput, goal: goalInput, provision: provisionInput } as const;

export type FindingInputOf<K extends FindingKind> = K extends 'item'
  ? ItemInput
  : K extends 'assessment'
    ? AssessmentInput
    : K extends 'goal'
      ? GoalInput
      : ProvisionInput;

export async function findingRow(trx: Db, ctx: ServiceContext, kind: FindingKind, id: string) {
  const table = TABLE[kind];
  const row = await trx.selectFrom(table).select(['id', 'case_id']).where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound(kind, id);
  const c = await clinicalCase(trx, ctx, row.case_id).catch((e: unknown) => {
    if ((e as { code?: string }).code === 'NOT_FOUND') throw notFound(kind, id);
    throw e;
  });
  return { table, client_id: c.client_id };
}
