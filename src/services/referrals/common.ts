/** Shared pieces of the referral services: the practice's working calendar and task helpers. */
import { workingCalendar, type WorkingCalendar } from '../../domain/calendar/bank-holidays.js';
import { DIVISION_OF } from '../../domain/deadlines/rules.js';
import { JURISDICTIONS, type Jurisdiction } from '../../domain/vocabulary.js';
import type { PlannedTask } from '../../domain/deadlines/plan.js';
import { newId } from '../../db/ids.js';
import { nowIso, type Db, type ServiceContext } from '../context.js';

/** Referral dates count working days in the practice's own nation (its default jurisdiction). */
export async function practiceCalendar(db: Db): Promise<WorkingCalendar> {
  const p = await db.selectFrom('practice').select('default_jurisdiction').executeTakeFirst();
  const j = (JURISDICTIONS as readonly string[]).includes(p?.default_jurisdiction ?? '') ? (p!.default_jurisdiction as Jurisdiction) : 'england';
  return workingCalendar(DIVISION_OF[j]);
}

/** Inserts a rule-made task unless one with its rule_key already exists, so a repeat never duplicates it. */
export async function ensureRuleTask(db: Db, ctx: Pick<ServiceContext, 'clock'>, t: PlannedTask): Promise<string> {
  const existing = await db.selectFrom('tasks').select('id').where('rule_key', '=', t.rule_key).executeTakeFirst();
  if (existing) return existing.id;
  const id = newId();
  await db
    .insertInto('tasks')
    .values({ id, ...t, status: 'open', snoozed_until: null, notes: '', completed_on: null, created_at: nowIso(ctx) })
    .execute();
  return id;
}

export const CHUNK = 500;
export function chunks<T>(xs: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < xs.length; i += CHUNK) out.push(xs.slice(i, i + CHUNK));
  return out;
}
