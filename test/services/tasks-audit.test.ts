import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { appendAudit, auditHash, GENESIS_HASH } from '../../src/services/audit/append-audit.js';
import { listAudit } from '../../src/services/audit/list-audit.js';
import { verifyAuditChain } from '../../src/services/audit/verify-audit-chain.js';
import { openCase } from '../../src/services/cases/open-case.js';
import { addClient } from '../../src/services/clients/add-client.js';
import { getClient } from '../../src/services/clients/get-client.js';
import { addTask } from '../../src/services/tasks/add-task.js';
import { completeTask } from '../../src/services/tasks/complete-task.js';
import { getTask } from '../../src/services/tasks/task-record.js';
import { listTasks } from '../../src/services/tasks/list-tasks.js';
import { reopenTask } from '../../src/services/tasks/reopen-task.js';
import { snoozeTask } from '../../src/services/tasks/snooze-task.js';
import { listTaskHistory } from '../../src/services/tasks/list-task-history.js';
import { listRecentTaskEvents } from '../../src/services/tasks/list-recent-task-events.js';
import { fixedClock } from '../../src/adapters/system-clock.js';
import { DIALECTS } from '../support/stores.js';
import { as, openTestDb, refusedWithoutWriting, rowCounts, seedPractice, type Seeded, type TestDb } from './support.js';

describe.each(DIALECTS)('tasks on %s', (dialect) => {
  let t: TestDb;
  let s: Seeded;
  let mine: string;
  let theirs: string;
  beforeEach(async () => {
    t = await openTestDb(dialect);
    s = await seedPractice(t.ctx);
    mine = (await addClient(t.ctx, { name: 'Amara Fictional', dob: '2016-05-12', lead_clinician_id: s.clinician.id })).id;
    theirs = (await addClient(t.ctx, { name: 'Other Client', dob: '2000-01-01', lead_clinician_id: s.otherClinician.id })).id;
  });
  afterEach(async () => t.store.close());

  it('adds a task (soft, general, open by default) and lists open tasks soonest first', async () => {
    const later = await addTask(t.ctx, {
      title: 'Send annual review contribution',
      due_on: '2027-01-15',
      client_id: mine,
      hardness: 'hard',
      kind: 'statutory',
    });
    const sooner = await addTask(t.ctx, { title: 'Chase invoice', due_on: '2026-12-01' });
    expect(sooner).toMatchObject({
      status: 'open',
      hardness: 'soft',
      kind: 'general',
      client_id: null,
      assignee_id: null,
      created_at: '2026-11-27T09:00:00.000Z',
    });
    expect(later).toMatchObject({ hardness: 'hard', kind: 'statutory', client_name: 'Amara Fictional' });
    expect((await listTasks(t.ctx)).map((x) => x.id)).toEqual([sooner.id, later.id]);
    expect((await listTasks(t.ctx, { due_before: '2027-01-15' })).map((x) => x.id)).toEqual([sooner.id]);
    expect((await listTasks(t.ctx, { client_id: mine })).map((x) => x.id)).toEqual([later.id]);
  });

  it('a task on a case takes the case’s client; a case of another client, an unknown case, client or assignee are refused', async () => {
    const c = await openCase(t.ctx, { client_id: mine, service_line: 'paediatric' });
    expect(await addTask(t.ctx, { title: 'Write advice', due_on: '2027-01-08', case_id: c.id })).toMatchObject({ client_id: mine, case_id: c.id });
    expect(await refusedWithoutWriting(t.ctx.db, () => addTask(t.ctx, { title: 'X', due_on: '2027-01-08', case_id: c.id, client_id: theirs }))).toMatchObject({
      field: 'case_id',
    });
    expect(await refusedWithoutWriting(t.ctx.db, () => addTask(t.ctx, { title: 'X', due_on: '2027-01-08', case_id: 'no-case' }))).toMatchObject({
      field: 'case_id',
    });
    expect(await refusedWithoutWriting(t.ctx.db, () => addTask(t.ctx, { title: 'X', due_on: '2027-01-08', client_id: 'no-client' }))).toMatchObject({
      field: 'client_id',
    });
    expect(await refusedWithoutWriting(t.ctx.db, () => addTask(t.ctx, { title: 'X', due_on: '2027-01-08', assignee_id: 'no-user' }))).toMatchObject({
      field: 'assignee_id',
    });
  });

  it('refuses a due date of 2027-02-30, an empty title and an unknown kind, writing nothing', async () => {
    expect(await refusedWithoutWriting(t.ctx.db, () => addTask(t.ctx, { title: 'X', due_on: '2027-02-30' }))).toMatchObject({
      field: 'due_on',
      message: expect.stringContaining('Due date'),
    });
    expect(await refusedWithoutWriting(t.ctx.db, () => addTask(t.ctx, { title: ' ', due_on: '2027-02-28' }))).toMatchObject({ field: 'title' });
    expect(await refusedWithoutWriting(t.ctx.db, () => addTask(t.ctx, { title: 'X', due_on: '2027-02-28', kind: 'errand' as never }))).toMatchObject({
      field: 'kind',
    });
  });

  it('a clinician sees tasks on their caseload, assigned to them, or on no client; not another clinician’s client', async () => {
    const onMine = await addTask(t.ctx, { title: 'Mine', due_on: '2027-01-01', client_id: mine });
    const onNone = await addTask(t.ctx, { title: 'Practice', due_on: '2027-01-02' });
    const onTheirs = await addTask(t.ctx, { title: 'Theirs', due_on: '2027-01-03', client_id: theirs });
    const assigned = await addTask(t.ctx, { title: 'Assigned', due_on: '2027-01-04', client_id: theirs, assignee_id: s.clinician.id });
    expect((await listTasks(as(t.ctx, s.clinician))).map((x) => x.id)).toEqual([onMine.id, onNone.id, assigned.id]);
    expect((await listTasks(as(t.ctx, s.admin))).map((x) => x.id)).toEqual([onMine.id, onNone.id, onTheirs.id, assigned.id]);
    expect(await refusedWithoutWriting(t.ctx.db, () => completeTask(as(t.ctx, s.clinician), onTheirs.id))).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('completing a task sets done and today’s date and appends the note; completing it twice is refused and writes nothing', async () => {
    const task = await addTask(t.ctx, { title: 'Chase school', due_on: '2026-12-01', notes: 'Ring the SENCO' });
    const done = await completeTask(t.ctx, task.id, { note: 'Spoke to SENCO' });
    expect(done).toMatchObject({ status: 'done', completed_on: '2026-11-27', notes: 'Ring the SENCO\nSpoke to SENCO' });
    expect(await listTasks(t.ctx)).toEqual([]);
    expect((await listTasks(t.ctx, { status: 'done' })).map((x) => x.id)).toEqual([task.id]);
    const err = await refusedWithoutWriting(t.ctx.db, () => completeTask(t.ctx, task.id));
    expect(err).toMatchObject({ code: 'CONFLICT', message: 'Task "Chase school" is already done.' });
  });

  it('waiving records waived; reopening clears the completion date; an unknown task id is NOT_FOUND', async () => {
    const task = await addTask(t.ctx, { title: 'Renew DBS', due_on: '2026-12-01' });
    expect(await completeTask(t.ctx, task.id, { outcome: 'waived', on: '2026-11-26' })).toMatchObject({ status: 'waived', completed_on: '2026-11-26' });
    expect(await reopenTask(t.ctx, task.id)).toMatchObject({ status: 'open', completed_on: null });
    expect(await refusedWithoutWriting(t.ctx.db, () => completeTask(t.ctx, 'no-task'))).toMatchObject({
      code: 'NOT_FOUND',
      message: 'No task with id no-task.',
    });
    await expect(getTask(t.ctx.db, 'no-task')).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('snooze until tomorrow (2026-11-28) is accepted; until today (2026-11-27) is refused; a reason is required', async () => {
    const task = await addTask(t.ctx, { title: 'Chase school', due_on: '2026-12-01' });
    expect(await refusedWithoutWriting(t.ctx.db, () => snoozeTask(t.ctx, task.id, { until: '2026-11-27', reason: 'Waiting' }))).toMatchObject({
      field: 'until',
    });
    expect(await refusedWithoutWriting(t.ctx.db, () => snoozeTask(t.ctx, task.id, { until: '2026-11-28', reason: ' ' }))).toMatchObject({ field: 'reason' });
    expect(await snoozeTask(t.ctx, task.id, { until: '2026-11-28', reason: 'School closed until Monday' })).toMatchObject({
      snoozed_until: '2026-11-28',
      due_on: '2026-12-01',
    });
    expect(await refusedWithoutWriting(t.ctx.db, () => snoozeTask(t.ctx, 'no-task', { until: '2026-12-28', reason: 'Waiting' }))).toMatchObject({
      code: 'NOT_FOUND',
    });
  });

  it('a statutory or court deadline leaves the list only with a one-line confirmation; a practice target needs none', async () => {
    const hard = await addTask(t.ctx, { title: 'Send EHC advice', due_on: '2026-12-01', client_id: mine, hardness: 'hard', kind: 'statutory' });
    expect(await refusedWithoutWriting(t.ctx.db, () => completeTask(t.ctx, hard.id, { note: 'Sent' }))).toMatchObject({
      field: 'confirmation',
      message: expect.stringContaining('statutory or court deadline'),
    });
    expect(await refusedWithoutWriting(t.ctx.db, () => snoozeTask(t.ctx, hard.id, { until: '2026-12-03', reason: 'LA extension' }))).toMatchObject({
      field: 'confirmation',
    });
    expect(await refusedWithoutWriting(t.ctx.db, () => completeTask(t.ctx, hard.id, { confirmation: 'x'.repeat(201) }))).toMatchObject({
      field: 'confirmation',
    });
    const done = await completeTask(t.ctx, hard.id, { note: 'Advice and report', confirmation: 'Sent to the LA by secure email' });
    expect(done).toMatchObject({ status: 'done', notes: 'Advice and report' });
    const soft = await addTask(t.ctx, { title: 'Chase school', due_on: '2026-12-01' });
    expect(await completeTask(t.ctx, soft.id)).toMatchObject({ status: 'done' });
    const history = await listTaskHistory(t.ctx, hard.id);
    expect(history.events.map((e) => [e.action, e.note, e.confirmation, e.by])).toEqual([
      ['done', 'Advice and report', 'Sent to the LA by secure email', null],
    ]);
  });

  it('reopen undoes done and waived, wakes a snoozed task, refuses an open one, and the history keeps every step with who and why', async () => {
    const clinician = as(t.ctx, s.clinician);
    const task = await addTask(clinician, { title: 'Chase school', due_on: '2026-12-01', client_id: mine });
    await completeTask(clinician, task.id, { note: 'Emailed SENCO' });
    expect(await reopenTask(clinician, task.id, { note: 'Pressed by mistake' })).toMatchObject({ status: 'open', completed_on: null });
    expect(await refusedWithoutWriting(t.ctx.db, () => reopenTask(clinician, task.id))).toMatchObject({
      code: 'CONFLICT',
      message: 'Task "Chase school" is already open.',
    });
    await snoozeTask(clinician, task.id, { until: '2026-12-04', reason: 'SENCO away' });
    // A snoozed task can still be waived; a waived one cannot be snoozed.
    await completeTask(clinician, task.id, { outcome: 'waived' });
    expect(await refusedWithoutWriting(t.ctx.db, () => snoozeTask(clinician, task.id, { until: '2026-12-05', reason: 'x' }))).toMatchObject({
      code: 'CONFLICT',
    });
    expect(await reopenTask(clinician, task.id)).toMatchObject({ status: 'open', snoozed_until: null });
    const history = await listTaskHistory(clinician, task.id);
    expect(history.events.map((e) => [e.action, e.until, e.note, e.by])).toEqual([
      ['done', null, 'Emailed SENCO', s.clinician.name],
      ['reopened', null, 'Pressed by mistake', s.clinician.name],
      ['snoozed', '2026-12-04', 'SENCO away', s.clinician.name],
      ['waived', null, '', s.clinician.name],
      ['reopened', null, '', s.clinician.name],
    ]);
    // Another clinician cannot read the history of a task on someone else's caseload.
    await expect(listTaskHistory(as(t.ctx, s.otherClinician), task.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('recent actions list the person’s own Done and Snooze that still stand, newest first, and drop them once undone', async () => {
    const clinician = as(t.ctx, s.clinician);
    const a = await addTask(clinician, { title: 'Write report', due_on: '2026-12-01', client_id: mine });
    const b = await addTask(clinician, { title: 'Ring parent', due_on: '2026-12-01', client_id: mine });
    const c = await addTask(t.ctx, { title: 'Owner’s own', due_on: '2026-12-01' });
    await completeTask(clinician, a.id, { note: 'Sent' });
    await snoozeTask({ ...clinician, clock: fixedClock('2026-11-27T10:00:00.000Z') }, b.id, { until: '2026-12-10', reason: 'Parent on holiday' });
    await completeTask(as(t.ctx, s.owner), c.id);
    const recent = await listRecentTaskEvents(clinician);
    expect(recent.map((e) => [e.task_title, e.action, e.client_name])).toEqual([
      ['Ring parent', 'snoozed', 'Amara Fictional'],
      ['Write report', 'done', 'Amara Fictional'],
    ]);
    await reopenTask(clinician, b.id);
    expect((await listRecentTaskEvents(clinician)).map((e) => e.task_title)).toEqual(['Write report']);
  });
});

describe.each(DIALECTS)('audit trail on %s', (dialect) => {
  let t: TestDb;
  let s: Seeded;
  beforeEach(async () => {
    t = await openTestDb(dialect);
    s = await seedPractice(t.ctx);
  });
  afterEach(async () => t.store.close());

  it('a write and a read each append one event, chained by hash from the genesis hash, and the chain verifies', async () => {
    const c = await addClient(as(t.ctx, s.owner), { name: 'Amara Fictional', dob: '2016-05-12' });
    await getClient(as(t.ctx, s.owner), c.id);
    const rows = await t.ctx.db.selectFrom('audit_events').selectAll().orderBy('seq').execute();
    expect(rows.map((r) => [r.seq, r.action, r.entity])).toEqual([
      [1, 'create', 'practice'],
      [2, 'create', 'user'],
      [3, 'create', 'user'],
      [4, 'create', 'user'],
      [5, 'create', 'client'],
      [6, 'read', 'client'],
    ]);
    expect(rows[0]!.prev_hash).toBe(GENESIS_HASH);
    for (let i = 1; i < rows.length; i++) expect(rows[i]!.prev_hash).toBe(rows[i - 1]!.hash);
    expect(rows[5]).toMatchObject({ user_id: s.owner.id, client_id: c.id, at: '2026-11-27T09:00:00.000Z' });
    expect(rows[5]!.hash).toBe(auditHash(rows[4]!.hash, rows[5]!));
    expect(await verifyAuditChain(t.ctx.db)).toEqual({ events: 6, intact: true, broken_at: null });
  });

  it('verifyAuditChain finds an edited row: changing event 3’s action breaks the chain at 3', async () => {
    await sql`update audit_events set action = 'delete' where seq = 3`.execute(t.ctx.db);
    expect(await verifyAuditChain(t.ctx.db)).toMatchObject({ events: 4, intact: false, broken_at: 3 });
  });

  it('verifyAuditChain finds a deleted row: removing event 2 breaks the chain at 3', async () => {
    await t.ctx.db.deleteFrom('audit_events').where('seq', '=', 2).execute();
    expect(await verifyAuditChain(t.ctx.db)).toMatchObject({ intact: false, broken_at: 3 });
  });

  it('verifyAuditChain finds a rehashed row: a row whose own hash was recomputed still breaks the next link', async () => {
    const row = await t.ctx.db.selectFrom('audit_events').selectAll().where('seq', '=', 2).executeTakeFirstOrThrow();
    const forged = { ...row, detail: 'forged' };
    await t.ctx.db
      .updateTable('audit_events')
      .set({ detail: 'forged', hash: auditHash(row.prev_hash, forged) })
      .where('seq', '=', 2)
      .execute();
    expect(await verifyAuditChain(t.ctx.db)).toMatchObject({ intact: false, broken_at: 3 });
  });

  it('appendAudit inside a rolled-back transaction leaves no event', async () => {
    const before = (await rowCounts(t.ctx.db)).audit_events;
    await expect(
      t.ctx.db.transaction().execute(async (trx) => {
        await appendAudit(trx, t.ctx, { action: 'update', entity: 'client', entity_id: 'x' });
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    expect((await rowCounts(t.ctx.db)).audit_events).toBe(before);
  });

  it('the owner reads the audit log newest first with user names; a clinician and an admin are refused', async () => {
    await addClient(as(t.ctx, s.clinician), { name: 'Amara Fictional', dob: '2016-05-12' });
    const log = await listAudit(as(t.ctx, s.owner), { limit: 2 });
    expect(log.map((e) => e.seq)).toEqual([5, 4]);
    expect(log[0]).toMatchObject({ action: 'create', entity: 'client', user_name: 'Cara Clinician' });
    await expect(listAudit(as(t.ctx, s.clinician))).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(listAudit(as(t.ctx, s.admin))).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});
