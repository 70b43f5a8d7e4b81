/**
 * The one writer of tasks Steve makes from rules and facts: the deadline engine, the money
 * tasks and the referral report-backs all hand it what they planned and what is stored, and it
 * moves open tasks with their trigger, adds the new ones, closes those whose trigger has gone,
 * never touches a task someone completed and never makes a second of the same task.
 *
 * Closing is the same everywhere (`closeTasks`): the status, the day, and a note saying why
 * appended to the task's notes. Steve's own closures write no audit event: the change that moved
 * the trigger is audited by the service that made it, in the same transaction, and a rebuild of
 * every case would otherwise write thousands of events that say nothing more.
 */
import { sql } from 'kysely';
import type { LocalDate } from '../../domain/calendar/local-date.js';
import type { PlannedTask } from '../../domain/deadlines/plan.js';
import { inBatches } from '../../db/batches.js';
import { newId } from '../../db/ids.js';
import { nowIso, type Db, type ServiceContext } from '../context.js';

/** A task as planned. Money tasks carry no rule_key (they are found by trigger) and may carry notes (a drafted letter). */
export interface RuleTask extends Omit<PlannedTask, 'rule_key' | 'due_on' | 'trigger_on'> {
  rule_key: string | null;
  due_on: LocalDate | string;
  trigger_on: LocalDate | string;
  notes?: string;
}

/** The columns the writer compares and keys on; select them with `STORED_TASK_COLUMNS`. */
export interface StoredTask {
  id: string;
  case_id: string | null;
  rule_key: string | null;
  trigger_kind: string | null;
  trigger_ref: string | null;
  status: string;
  due_on: string;
  title: string;
  trigger_on: string | null;
  reason: string | null;
  hardness: string;
  notes: string;
}

export const STORED_TASK_COLUMNS = [
  'id',
  'case_id',
  'rule_key',
  'trigger_kind',
  'trigger_ref',
  'status',
  'due_on',
  'title',
  'trigger_on',
  'reason',
  'hardness',
  'notes',
] as const;

export interface TaskWriteResult {
  created: number;
  moved: number;
  closed: number;
}

/**
 * How a planned task finds its stored one.
 * - `rule_key`: the key names the rule, the subject and the cycle, so a completed task is done
 *   for good and a new cycle is a new key.
 * - `trigger`: trigger_kind and trigger_ref name the subject; a completed task stands for its
 *   trigger date only, and a later trigger date makes a new task.
 */
export type TaskIdentity = 'rule_key' | 'trigger';

export interface RuleTaskWrite {
  planned: readonly RuleTask[];
  /** Every stored task in the planner's scope, open or not. */
  stored: readonly StoredTask[];
  identity: TaskIdentity;
  /** Why an open task whose trigger has gone is closed; shown in its notes after "Closed by Steve: ". */
  closedBecause: string;
  /** A more particular reason for some tasks (the case was closed, the instruction moved on); `closedBecause` otherwise. */
  closedWhy?: (task: StoredTask) => string | null;
  /** A task this writer closed for this reason comes back when it is planned again (the user closed nothing). */
  reopenOwnClosures?: boolean;
  /** Id maker for new tasks; the demo passes its seeded one so a rebuilt demo is identical. */
  newId?: () => string;
}

interface Writes {
  insert: RuleTask[];
  update: { id: string; task: RuleTask }[];
  reopen: StoredTask[];
  close: StoredTask[];
}

function keyOf(t: { rule_key: string | null; trigger_kind: string | null; trigger_ref: string | null }, identity: TaskIdentity): string {
  return identity === 'rule_key' ? `${t.rule_key}` : `${t.trigger_kind}|${t.trigger_ref}`;
}

const changed = (s: StoredTask, p: RuleTask): boolean =>
  s.due_on !== p.due_on || s.title !== p.title || s.trigger_on !== p.trigger_on || s.reason !== p.reason || s.hardness !== p.hardness;

function planWrites(w: RuleTaskWrite, closedNote: string): Writes {
  const byKey = new Map<string, StoredTask[]>();
  for (const s of w.stored) {
    const k = keyOf(s, w.identity);
    byKey.set(k, [...(byKey.get(k) ?? []), s]);
  }
  const out: Writes = { insert: [], update: [], reopen: [], close: [] };
  const wanted = new Set<string>();
  for (const p of w.planned) {
    const k = keyOf(p, w.identity);
    if (wanted.has(k)) continue; // a plan naming one task twice still makes one
    wanted.add(k);
    const same = byKey.get(k) ?? [];
    const open = same.find((s) => s.status === 'open');
    const ownClosure = w.reopenOwnClosures ? same.find((s) => s.status === 'waived' && wasClosedWith(s.notes, closedNote)) : undefined;
    const current = open ?? ownClosure;
    if (current) {
      if (!open) out.reopen.push(current);
      if (!open || changed(current, p)) out.update.push({ id: current.id, task: p });
    } else if (!same.some((s) => w.identity === 'rule_key' || s.trigger_on === p.trigger_on)) {
      out.insert.push(p);
    }
  }
  for (const s of w.stored) if (s.status === 'open' && !wanted.has(keyOf(s, w.identity))) out.close.push(s);
  return out;
}

const CLOSED_BY_STEVE = 'Closed by Steve: ';

function wasClosedWith(notes: string, note: string): boolean {
  return notes === note || notes.endsWith(`\n${note}`);
}

function withoutClosing(notes: string, note: string): string {
  return notes === note ? '' : notes.slice(0, -(note.length + 1));
}

/** Applies a plan in the caller's transaction. */
export async function writeRuleTasks(db: Db, ctx: Pick<ServiceContext, 'clock'>, w: RuleTaskWrite): Promise<TaskWriteResult> {
  const closedNote = `${CLOSED_BY_STEVE}${w.closedBecause}`;
  const writes = planWrites(w, closedNote);
  const now = nowIso(ctx);
  const makeId = w.newId ?? newId;
  for (const batch of inBatches(writes.insert)) {
    await db
      .insertInto('tasks')
      .values(batch.map((p) => ({ id: makeId(), ...p, notes: p.notes ?? '', status: 'open', snoozed_until: null, completed_on: null, created_at: now })))
      .execute();
  }
  const reopened = new Map(writes.reopen.map((s) => [s.id, s]));
  for (const u of writes.update) {
    const p = u.task;
    const was = reopened.get(u.id);
    const notes = p.notes ?? (was ? withoutClosing(was.notes, closedNote) : undefined);
    await db
      .updateTable('tasks')
      .set({
        title: p.title,
        due_on: p.due_on,
        trigger_kind: p.trigger_kind,
        trigger_on: p.trigger_on,
        reason: p.reason,
        hardness: p.hardness,
        rule_id: p.rule_id,
        ...(notes === undefined ? {} : { notes }),
        ...(was ? { status: 'open', completed_on: null } : {}),
      })
      .where('id', '=', u.id)
      .execute();
  }
  const notes = new Map<string, string[]>();
  for (const c of writes.close) {
    const why = w.closedWhy?.(c);
    const note = why ? `${CLOSED_BY_STEVE}${why}` : closedNote;
    notes.set(note, [...(notes.get(note) ?? []), c.id]);
  }
  for (const [note, ids] of notes) await closeTasks(db, ids, { status: 'waived', on: ctx.clock.today(), note });
  return { created: writes.insert.length, moved: writes.update.length, closed: writes.close.length };
}

/**
 * Closes open tasks, the one way every closer does: the status, the day, and the note (if any)
 * appended to what the task already says. Tasks already closed are left as they are.
 */
export async function closeTasks(db: Db, ids: readonly string[], close: { status: 'done' | 'waived'; on: string; note?: string }): Promise<void> {
  for (const batch of inBatches(ids)) {
    await db
      .updateTable('tasks')
      .set({
        status: close.status,
        completed_on: close.on,
        ...(close.note ? { notes: sql<string>`case when notes = '' then ${close.note} else notes || ${`\n${close.note}`} end` } : {}),
      })
      .where('id', 'in', batch)
      .where('status', '=', 'open')
      .execute();
  }
}

/** Open tasks under these rule keys: what a service closes when the thing a task asked for has happened. */
export async function openTaskIds(db: Db, ruleKeys: readonly string[]): Promise<string[]> {
  if (ruleKeys.length === 0) return [];
  const rows = await db
    .selectFrom('tasks')
    .select('id')
    .where('rule_key', 'in', [...ruleKeys])
    .where('status', '=', 'open')
    .execute();
  return rows.map((r) => r.id);
}

/** Adds a rule-made task unless one with its rule_key already exists, so a repeat never duplicates it. */
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
