/**
 * Structured findings of a case: narrative notes by key, needs,
 * observations, recommendations, standardised assessments, goals and provision lines.
 * Clinical content: owners and the case's clinicians only; an admin is refused outright,
 * and a clinician outside the caseload gets "not found".
 */
import {
  assessmentInput,
  goalInput,
  itemInput,
  noteInput,
  provisionInput,
  type AssessmentInput,
  type FindingKind,
  type GoalInput,
  type ItemInput,
  type NoteInput,
  type ProvisionInput,
} from '../../contract/findings.js';
import { parseInput } from '../../contract/common.js';
import { newId } from '../../db/ids.js';
import { notFound } from '../../domain/errors.js';
import { summariseCopm } from '../../domain/outcomes/copm.js';
import { gasTScore, isGasLevel } from '../../domain/outcomes/gas.js';
import { assertClientVisible, canReadClinical, forbidden } from '../access.js';
import { appendAudit } from '../audit/append-audit.js';
import { actorUserId, nowIso, type Db, type ServiceContext } from '../context.js';

const TABLE = { item: 'finding_items', assessment: 'assessments', goal: 'goals', provision: 'provision_lines' } as const;
type FindingTable = (typeof TABLE)[FindingKind];
const SCHEMA = { item: itemInput, assessment: assessmentInput, goal: goalInput, provision: provisionInput } as const;
export type FindingInputOf<K extends FindingKind> = K extends 'item'
  ? ItemInput
  : K extends 'assessment'
    ? AssessmentInput
    : K extends 'goal'
      ? GoalInput
      : ProvisionInput;

export function assertClinicalReader(ctx: ServiceContext): void {
  if (!canReadClinical(ctx.actor)) throw forbidden('Clinical findings and document drafts are for clinicians only.');
}

/** The case's client id, after checking the actor may see it. */
export async function clinicalCase(db: Db, ctx: ServiceContext, caseId: string): Promise<{ id: string; client_id: string }> {
  assertClinicalReader(ctx);
  const c = await db.selectFrom('cases').select(['id', 'client_id']).where('id', '=', caseId).executeTakeFirst();
  if (!c) throw notFound('case', caseId);
  await assertClientVisible(db, ctx.actor, c.client_id).catch(() => {
    throw notFound('case', caseId);
  });
  return c;
}

/** Everything recorded for a case, with COPM and GAS summaries worked out. */
export async function loadFindings(db: Db, caseId: string) {
  const [notes, items, assessments, goals, provision] = await Promise.all([
    db.selectFrom('finding_notes').select(['key', 'text', 'updated_at']).where('case_id', '=', caseId).orderBy('key').execute(),
    db.selectFrom('finding_items').selectAll().where('case_id', '=', caseId).orderBy('kind').orderBy('position').execute(),
    db.selectFrom('assessments').selectAll().where('case_id', '=', caseId).orderBy('position').execute(),
    db.selectFrom('goals').selectAll().where('case_id', '=', caseId).orderBy('position').execute(),
    db.selectFrom('provision_lines').selectAll().where('case_id', '=', caseId).orderBy('position').execute(),
  ]);
  return { notes, items, assessments, goals, provision };
}

export async function getFindings(ctx: ServiceContext, caseId: string) {
  return ctx.db.transaction().execute(async (trx) => {
    const c = await clinicalCase(trx, ctx, caseId);
    const f = await loadFindings(trx, caseId);
    await appendAudit(trx, ctx, { action: 'read', entity: 'findings', entity_id: caseId, client_id: c.client_id });
    const copm = f.goals.filter((g) => g.kind === 'copm');
    const gas = f.goals.filter((g) => g.kind === 'gas');
    return {
      case_id: caseId,
      notes: Object.fromEntries(f.notes.map((n) => [n.key, n.text])) as Record<string, string>,
      needs: f.items.filter((i) => i.kind === 'need'),
      observations: f.items.filter((i) => i.kind === 'observation'),
      recommendations: f.items.filter((i) => i.kind === 'recommendation'),
      assessments: f.assessments,
      goals: f.goals,
      provision: f.provision,
      copm: copm.length ? summariseCopm(copm.map((g) => ({ problem: g.text, ...g }))) : null,
      gas: gas.length
        ? {
            baseline_t: gasTScore(gas.filter((g) => isGasLevel(g.gas_baseline)).map((g) => ({ level: g.gas_baseline!, weight: g.gas_weight }))),
            outcome_t: gasTScore(gas.filter((g) => isGasLevel(g.gas_outcome)).map((g) => ({ level: g.gas_outcome!, weight: g.gas_weight }))),
          }
        : null,
    };
  });
}

/** Sets one narrative note; empty text removes it (it then drafts as a placeholder again). */
export async function setNote(ctx: ServiceContext, caseId: string, input: NoteInput) {
  const data = parseInput(noteInput, input);
  return ctx.db.transaction().execute(async (trx) => {
    const c = await clinicalCase(trx, ctx, caseId);
    const text = data.text.trim();
    await trx.deleteFrom('finding_notes').where('case_id', '=', caseId).where('key', '=', data.key).execute();
    if (text)
      await trx
        .insertInto('finding_notes')
        .values({ id: newId(), case_id: caseId, key: data.key, text, updated_by: actorUserId(ctx.actor), updated_at: nowIso(ctx) })
        .execute();
    await appendAudit(trx, ctx, {
      action: text ? 'update' : 'delete',
      entity: 'finding_note',
      entity_id: caseId,
      client_id: c.client_id,
      detail: `key=${data.key}`,
    });
    return { case_id: caseId, key: data.key, text: text || null };
  });
}

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

async function findingRow(trx: Db, ctx: ServiceContext, kind: FindingKind, id: string) {
  const table = TABLE[kind];
  const row = await trx.selectFrom(table).select(['id', 'case_id']).where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound(kind, id);
  const c = await clinicalCase(trx, ctx, row.case_id).catch((e: unknown) => {
    if ((e as { code?: string }).code === 'NOT_FOUND') throw notFound(kind, id);
    throw e;
  });
  return { table, client_id: c.client_id };
}

/** Replaces the fields given; the rest stay as they were. */
export async function updateFinding<K extends FindingKind>(ctx: ServiceContext, kind: K, id: string, input: Partial<FindingInputOf<K>>) {
  const schema = (SCHEMA[kind] as unknown as { partial(): never }).partial();
  const data = parseInput(schema, input) as Record<string, unknown>;
  return ctx.db.transaction().execute(async (trx) => {
    const { table, client_id } = await findingRow(trx, ctx, kind, id);
    const set = Object.fromEntries(Object.entries(data).filter(([k]) => k in (input as object)));
    if (Object.keys(set).length)
      await trx
        .updateTable(table)
        .set(set as never)
        .where('id', '=', id)
        .execute();
    await appendAudit(trx, ctx, { action: 'update', entity: kind, entity_id: id, client_id, detail: Object.keys(set).sort().join(',') });
    return trx.selectFrom(table).selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  });
}

export async function deleteFinding(ctx: ServiceContext, kind: FindingKind, id: string) {
  return ctx.db.transaction().execute(async (trx) => {
    const { table, client_id } = await findingRow(trx, ctx, kind, id);
    await trx.deleteFrom(table).where('id', '=', id).execute();
    await appendAudit(trx, ctx, { action: 'delete', entity: kind, entity_id: id, client_id });
    return { id, deleted: true };
  });
}
