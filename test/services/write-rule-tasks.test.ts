/**
 * The one writer of rule-made tasks, case by case on both databases: what is stored, what is
 * planned, and what the tasks table says afterwards. Every case is then written a second time
 * with the same plan, which must change nothing.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  closeTasks,
  ensureRuleTask,
  STORED_TASK_COLUMNS,
  writeRuleTasks,
  type RuleTask,
  type RuleTaskWrite,
  type TaskIdentity,
} from '../../src/services/tasks/write-rule-tasks.js';
import { parseLocalDate } from '../../src/domain/calendar/local-date.js';
import { DIALECTS } from '../support/stores.js';
import { openTestDb, TODAY, type TestDb } from './support.js';

const CLOSED = 'Closed by Steve: the trigger has gone.';

/** A planned task; `rule_key: null` with a trigger is the money tasks' shape. */
function planned(over: Partial<RuleTask> & Pick<RuleTask, 'rule_key'>): RuleTask {
  return {
    rule_id: 'TEST-01',
    title: 'Send the report',
    due_on: '2026-12-10',
    hardness: 'hard',
    kind: 'statutory',
    trigger_kind: 'report_requested',
    trigger_on: '2026-11-20',
    trigger_ref: 'subject-1',
    reason: 'Twenty days from the request [TEST-01]',
    case_id: null,
    client_id: null,
    assignee_id: null,
    ...over,
  };
}

interface Stored {
  id: string;
  status: 'open' | 'done' | 'waived';
  task: RuleTask;
  notes?: string;
}

interface Row {
  id?: string;
  rule_key: string | null;
  status: string;
  due_on: string;
  trigger_on: string | null;
  title?: string;
  notes?: string;
  completed_on?: string | null;
}

interface Case {
  identity: TaskIdentity;
  stored: Stored[];
  planned: RuleTask[];
  reopenOwnClosures?: boolean;
  result: { created: number; moved: number; closed: number };
  /** The tasks afterwards, ordered by due date then id; new tasks have no predictable id. */
  after: Row[];
}

const A = planned({ rule_key: 'TEST-01|subject-1|cycle:2026' });
const moneyTask = planned({ rule_key: null, rule_id: null, trigger_kind: 'chase_reminder', trigger_ref: 'invoice-1', notes: 'Dear payer' });

const CASES: Record<string, Case> = {
  'adds a new task': {
    identity: 'rule_key',
    stored: [],
    planned: [A],
    result: { created: 1, moved: 0, closed: 0 },
    after: [{ rule_key: A.rule_key, status: 'open', due_on: '2026-12-10', trigger_on: '2026-11-20', notes: '' }],
  },
  'moves an open task with its trigger': {
    identity: 'rule_key',
    stored: [{ id: 't1', status: 'open', task: A }],
    planned: [{ ...A, trigger_on: '2026-11-25', due_on: '2026-12-15', title: 'Send the report (moved)' }],
    result: { created: 0, moved: 1, closed: 0 },
    after: [{ id: 't1', rule_key: A.rule_key, status: 'open', due_on: '2026-12-15', trigger_on: '2026-11-25', title: 'Send the report (moved)' }],
  },
  'leaves an unchanged open task alone': {
    identity: 'rule_key',
    stored: [{ id: 't1', status: 'open', task: A }],
    planned: [A],
    result: { created: 0, moved: 0, closed: 0 },
    after: [{ id: 't1', rule_key: A.rule_key, status: 'open', due_on: '2026-12-10', trigger_on: '2026-11-20' }],
  },
  'closes an open task whose trigger has gone, one way: waived today with the note': {
    identity: 'rule_key',
    stored: [{ id: 't1', status: 'open', task: A, notes: 'Rang the school' }],
    planned: [],
    result: { created: 0, moved: 0, closed: 1 },
    after: [
      {
        id: 't1',
        rule_key: A.rule_key,
        status: 'waived',
        due_on: '2026-12-10',
        trigger_on: '2026-11-20',
        completed_on: TODAY,
        notes: `Rang the school\n${CLOSED}`,
      },
    ],
  },
  'never touches a completed task, even when its trigger moves or goes': {
    identity: 'rule_key',
    stored: [{ id: 't1', status: 'done', task: A }],
    planned: [{ ...A, trigger_on: '2026-11-25', due_on: '2026-12-15' }],
    result: { created: 0, moved: 0, closed: 0 },
    after: [{ id: 't1', rule_key: A.rule_key, status: 'done', due_on: '2026-12-10', trigger_on: '2026-11-20' }],
  },
  'never duplicates: a plan naming one task twice makes one': {
    identity: 'rule_key',
    stored: [],
    planned: [A, { ...A, title: 'Send the report again' }],
    result: { created: 1, moved: 0, closed: 0 },
    after: [{ rule_key: A.rule_key, status: 'open', due_on: '2026-12-10', trigger_on: '2026-11-20', title: 'Send the report' }],
  },
  'a new cycle is a new task; the old cycle’s open one is closed': {
    identity: 'rule_key',
    stored: [{ id: 't1', status: 'open', task: A }],
    planned: [{ ...A, rule_key: 'TEST-01|subject-1|cycle:2027', trigger_on: '2027-11-20', due_on: '2027-12-10' }],
    result: { created: 1, moved: 0, closed: 1 },
    after: [
      { id: 't1', rule_key: A.rule_key, status: 'waived', due_on: '2026-12-10', trigger_on: '2026-11-20', completed_on: TODAY },
      { rule_key: 'TEST-01|subject-1|cycle:2027', status: 'open', due_on: '2027-12-10', trigger_on: '2027-11-20' },
    ],
  },
  'a task Steve closed comes back when planned again, if the planner asks': {
    identity: 'rule_key',
    reopenOwnClosures: true,
    stored: [{ id: 't1', status: 'waived', task: A, notes: CLOSED }],
    planned: [A],
    result: { created: 0, moved: 1, closed: 0 },
    after: [{ id: 't1', rule_key: A.rule_key, status: 'open', due_on: '2026-12-10', trigger_on: '2026-11-20', completed_on: null, notes: '' }],
  },
  'a task the user waived stays waived even when Steve may reopen its own': {
    identity: 'rule_key',
    reopenOwnClosures: true,
    stored: [{ id: 't1', status: 'waived', task: A, notes: 'Not needed: family moved away' }],
    planned: [A],
    result: { created: 0, moved: 0, closed: 0 },
    after: [{ id: 't1', rule_key: A.rule_key, status: 'waived', due_on: '2026-12-10', trigger_on: '2026-11-20', notes: 'Not needed: family moved away' }],
  },
  'by trigger: adds, carrying the planned notes': {
    identity: 'trigger',
    stored: [],
    planned: [moneyTask],
    result: { created: 1, moved: 0, closed: 0 },
    after: [{ rule_key: null, status: 'open', due_on: '2026-12-10', trigger_on: '2026-11-20', notes: 'Dear payer' }],
  },
  'by trigger: moves the open task and rewrites its notes': {
    identity: 'trigger',
    stored: [{ id: 't1', status: 'open', task: moneyTask, notes: 'Dear payer' }],
    planned: [{ ...moneyTask, title: 'Chase £45.00', notes: 'Dear payer, £45.00' }],
    result: { created: 0, moved: 1, closed: 0 },
    after: [{ id: 't1', rule_key: null, status: 'open', due_on: '2026-12-10', trigger_on: '2026-11-20', title: 'Chase £45.00', notes: 'Dear payer, £45.00' }],
  },
  'by trigger: a completed task stands for its trigger date only': {
    identity: 'trigger',
    stored: [
      { id: 't1', status: 'done', task: moneyTask, notes: 'Dear payer' },
      { id: 't2', status: 'done', task: { ...moneyTask, trigger_ref: 'invoice-2' } },
    ],
    planned: [
      { ...moneyTask, trigger_on: '2026-11-26', due_on: '2026-12-16' },
      { ...moneyTask, trigger_ref: 'invoice-2' },
    ],
    result: { created: 1, moved: 0, closed: 0 },
    after: [
      { id: 't1', rule_key: null, status: 'done', due_on: '2026-12-10', trigger_on: '2026-11-20' },
      { id: 't2', rule_key: null, status: 'done', due_on: '2026-12-10', trigger_on: '2026-11-20' },
      { rule_key: null, status: 'open', due_on: '2026-12-16', trigger_on: '2026-11-26' },
    ],
  },
  'by trigger: closes the open task whose reason has gone, keeping its letter above the note': {
    identity: 'trigger',
    stored: [{ id: 't1', status: 'open', task: moneyTask, notes: 'Dear payer' }],
    planned: [],
    result: { created: 0, moved: 0, closed: 1 },
    after: [
      { id: 't1', rule_key: null, status: 'waived', due_on: '2026-12-10', trigger_on: '2026-11-20', completed_on: TODAY, notes: `Dear payer\n${CLOSED}` },
    ],
  },
};

describe.each(DIALECTS)('the rule-made task writer on %s', (dialect) => {
  let t: TestDb;
  beforeEach(async () => {
    t = await openTestDb(dialect);
  });
  afterEach(async () => t.store.close());

  const rows = async (): Promise<Row[]> =>
    (
      await t.store.db
        .selectFrom('tasks')
        .select(['id', 'rule_key', 'status', 'due_on', 'trigger_on', 'title', 'notes', 'completed_on'])
        .orderBy('due_on')
        .orderBy('trigger_on')
        .orderBy('id')
        .execute()
    ).map((r) => ({ ...r }));

  it.each(Object.entries(CASES))('%s', async (_name, c) => {
    for (const s of c.stored) {
      const { notes, ...task } = s.task;
      await t.store.db
        .insertInto('tasks')
        .values({
          id: s.id,
          ...task,
          notes: s.notes ?? notes ?? '',
          status: s.status,
          snoozed_until: null,
          completed_on: s.status === 'open' ? null : '2026-11-21',
          created_at: '2026-11-21T09:00:00.000Z',
        })
        .execute();
    }
    const write = async (): Promise<RuleTaskWrite> => ({
      planned: c.planned,
      stored: await t.store.db
        .selectFrom('tasks')
        .select([...STORED_TASK_COLUMNS])
        .execute(),
      identity: c.identity,
      closedBecause: 'the trigger has gone.',
      ...(c.reopenOwnClosures ? { reopenOwnClosures: true } : {}),
    });
    expect(await writeRuleTasks(t.store.db, t.ctx, await write())).toEqual(c.result);
    const after = await rows();
    expect(after).toHaveLength(c.after.length);
    after.forEach((row, i) => expect(row).toMatchObject(c.after[i]!));

    // The same plan again changes nothing.
    expect(await writeRuleTasks(t.store.db, t.ctx, await write())).toEqual({ created: 0, moved: 0, closed: 0 });
    expect(await rows()).toEqual(after);
  });

  it('closeTasks closes only open tasks, and ensureRuleTask never adds a second task under one key', async () => {
    const id = await ensureRuleTask(t.store.db, t.ctx, {
      ...A,
      rule_key: A.rule_key!,
      due_on: parseLocalDate('2026-12-10'),
      trigger_on: parseLocalDate('2026-11-20'),
    });
    expect(
      await ensureRuleTask(t.store.db, t.ctx, { ...A, rule_key: A.rule_key!, due_on: parseLocalDate('2026-12-11'), trigger_on: parseLocalDate('2026-11-21') }),
    ).toBe(id);
    await closeTasks(t.store.db, [id], { status: 'done', on: '2026-11-26', note: 'Sent.' });
    await closeTasks(t.store.db, [id], { status: 'waived', on: '2026-11-27', note: 'Again.' });
    expect(await rows()).toMatchObject([{ id, status: 'done', completed_on: '2026-11-26', notes: 'Sent.', due_on: '2026-12-10' }]);
  });
});
