import { disabledLanguageModel } from '../../src/adapters/disabled-language-model.js';
import { disabledMail } from '../../src/adapters/disabled-mail.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/adapters/system-clock.js';
import type { Store } from '../../src/db/connect.js';
import { changeCaseStatus } from '../../src/services/cases/change-case-status.js';
import { openCase } from '../../src/services/cases/open-case.js';
import { updateAuthorisation } from '../../src/services/cases/update-case-details.js';
import { addClient } from '../../src/services/clients/add-client.js';
import { addComplianceItem } from '../../src/services/compliance/add-compliance-item.js';
import { addSubjectAccessRequest } from '../../src/services/compliance/add-subject-access-request.js';
import { renewComplianceItem } from '../../src/services/compliance/renew-compliance-item.js';
import { listSubjectAccessRequests } from '../../src/services/compliance/list-subject-access-requests.js';
import { updateSubjectAccessRequest } from '../../src/services/compliance/update-subject-access-request.js';
import { cliActor, type ServiceContext } from '../../src/services/context.js';
import { briefingMarkdown, buildBriefing, LATER_CAP } from '../../src/services/deadlines/build-briefing.js';
import { buildCalendar } from '../../src/services/deadlines/build-calendar.js';
import { syncCaseDeadlines } from '../../src/services/deadlines/sync-deadlines.js';
import { getEhcpTimeline, listEhcpRegister } from '../../src/services/ehcp/ehcp-register.js';
import { recordEhcpEvent } from '../../src/services/ehcp/record-ehcp-event.js';
import { addOrganisation } from '../../src/services/organisations/add-organisation.js';
import { initPractice } from '../../src/services/practice/init-practice.js';
import { completeTask } from '../../src/services/tasks/complete-task.js';
import { DIALECTS, freshStore } from '../support/stores.js';

describe.each(DIALECTS)('deadline engine on %s', (dialect) => {
  let store: Store;
  let ctx: ServiceContext;
  let laId: string;
  let clientId: string;

  beforeEach(async () => {
    store = await freshStore(dialect);
    ctx = { db: store.db, dialect: store.dialect, clock: fixedClock('2026-11-27'), mail: disabledMail, languageModel: disabledLanguageModel, actor: cliActor };
    await initPractice(ctx, { practice: 'Test Practice OT', owner_name: 'Olive Owner', owner_email: 'owner@practice.test', owner_password: 'long-enough-pw' });
    laId = (await addOrganisation(ctx, { name: 'Northshire County Council', kind: 'local_authority' })).id;
    clientId = (await addClient(ctx, { name: 'Ada Testchild', dob: '2016-04-02' })).id;
  });
  afterEach(async () => store?.close());

  const ruleTasks = (ruleId: string) => store.db.selectFrom('tasks').selectAll().where('rule_id', '=', ruleId).orderBy('due_on').execute();

  async function ehcpCase(jurisdiction: 'england' | 'wales' = 'england') {
    return openCase(ctx, {
      client_id: clientId,
      service_line: 'paediatric',
      jurisdiction,
      ehcp: { la_org_id: laId, la_reference: 'NS/EHCP/0042', plan_issued_on: '2026-03-10', year_group: 'Year 5' },
    });
  }

  it('opening an EHCP case sets the annual review reminder from the plan date (EHCP-AR-01: 12 months starting with 10/03/2026 end 09/03/2027)', async () => {
    await ehcpCase();
    const [t] = await ruleTasks('EHCP-AR-01');
    expect(t).toMatchObject({ due_on: '2027-03-09', status: 'open', trigger_on: '2026-03-10', hardness: 'soft' });
    expect(t!.reason).toContain('EHCP-AR-01');
  });

  it('moving the review meeting moves the contribution deadline (EHCP-AR-04) and never duplicates it', async () => {
    const c = await ehcpCase();
    await recordEhcpEvent(ctx, c.id, { kind: 'review_meeting_set', on: '2026-11-20', meeting_on: '2027-01-20' });
    const [first] = await ruleTasks('EHCP-AR-04');
    expect(first).toMatchObject({ due_on: '2027-01-06', status: 'open' });
    await recordEhcpEvent(ctx, c.id, { kind: 'review_meeting_moved', on: '2026-11-25', meeting_on: '2027-02-03' });
    const after = await ruleTasks('EHCP-AR-04');
    expect(after).toHaveLength(1);
    expect(after[0]).toMatchObject({ id: first!.id, due_on: '2027-01-20', trigger_on: '2027-02-03' });
    expect(after[0]!.title).toContain('03/02/2027');
  });

  it('a contribution the user has sent stays done when the meeting moves again', async () => {
    const c = await ehcpCase();
    await recordEhcpEvent(ctx, c.id, { kind: 'review_meeting_set', on: '2026-11-20', meeting_on: '2027-01-20' });
    const [t] = await ruleTasks('EHCP-AR-04');
    await completeTask(ctx, t!.id, { confirmation: 'Contribution sent to the LA' });
    await recordEhcpEvent(ctx, c.id, { kind: 'review_meeting_moved', on: '2026-11-26', meeting_on: '2027-01-27' });
    const after = await ruleTasks('EHCP-AR-04');
    expect(after).toHaveLength(1);
    expect(after[0]).toMatchObject({ status: 'done', due_on: '2027-01-06' });
  });

  it('holding the review starts a new cycle: the old reminder closes and the next one is set from the meeting', async () => {
    const c = await ehcpCase();
    await recordEhcpEvent(ctx, c.id, { kind: 'review_meeting_set', on: '2026-11-01', meeting_on: '2026-11-20' });
    await recordEhcpEvent(ctx, c.id, { kind: 'review_meeting_held', on: '2026-11-20' });
    const reviews = await ruleTasks('EHCP-AR-01');
    expect(reviews.map((t) => [t.due_on, t.status])).toEqual([
      ['2027-03-09', 'waived'],
      ['2027-11-19', 'open'],
    ]);
    // The contribution for a meeting that has happened is no longer owed.
    expect((await ruleTasks('EHCP-AR-04')).every((t) => t.status !== 'open')).toBe(true);
  });

  it('an LA request for advice sets the 6-week advice deadline (EHCP-ADV-01: received 20/11/2026 → 01/01/2027, a bank holiday, not moved)', async () => {
    const c = await ehcpCase();
    await recordEhcpEvent(ctx, c.id, { kind: 'advice_request_received', on: '2026-11-20' });
    const [t] = await ruleTasks('EHCP-ADV-01');
    expect(t).toMatchObject({ due_on: '2027-01-01', hardness: 'hard', kind: 'statutory' });
  });

  it('a meeting dated before the invitation that set it up is refused and nothing is written', async () => {
    const c = await ehcpCase();
    const before = await store.db.selectFrom('ehcp_events').select(store.db.fn.countAll().as('n')).executeTakeFirstOrThrow();
    await expect(recordEhcpEvent(ctx, c.id, { kind: 'review_meeting_set', on: '2026-11-20', meeting_on: '2026-11-10' })).rejects.toMatchObject({
      code: 'VALIDATION',
      field: 'meeting_on',
    });
    const afterCount = await store.db.selectFrom('ehcp_events').select(store.db.fn.countAll().as('n')).executeTakeFirstOrThrow();
    expect(Number(afterCount.n)).toBe(Number(before.n));
    expect(await ruleTasks('EHCP-AR-04')).toHaveLength(0);
  });

  it('a Welsh child gets no English EHCP timers and is shown as not modelled (JUR-UI-01)', async () => {
    const c = await ehcpCase('wales');
    await recordEhcpEvent(ctx, c.id, { kind: 'review_meeting_set', on: '2026-11-20', meeting_on: '2027-01-20' });
    expect(await store.db.selectFrom('tasks').selectAll().where('case_id', '=', c.id).execute()).toHaveLength(0);
    const timeline = await getEhcpTimeline(ctx, c.id);
    expect(timeline.modelled).toBe(false);
    expect(timeline.not_modelled_reason).toMatch(/not modelled/);
    const [row] = await listEhcpRegister(ctx);
    expect(row).toMatchObject({ modelled: false, next_deadline: null });
  });

  it('closing a case closes its open rule-made tasks; re-syncing changes nothing', async () => {
    const c = await ehcpCase();
    await changeCaseStatus(ctx, c.id, { status: 'closed' });
    const tasks = await store.db.selectFrom('tasks').selectAll().where('case_id', '=', c.id).execute();
    expect(tasks.length).toBeGreaterThan(0);
    expect(tasks.every((t) => t.status === 'waived')).toBe(true);
    expect(await syncCaseDeadlines(store.db, ctx)).toEqual({ created: 0, moved: 0, closed: 0, duplicates: 0, explained: 0 });
  });

  it('extending an authorisation closes the old expiry task and sets one for the new end date (INS-ENG-01: 30 days before)', async () => {
    const insurer = await addOrganisation(ctx, { name: 'Bupa', kind: 'insurer' });
    const c = await openCase(ctx, {
      client_id: clientId,
      service_line: 'adult_neuro',
      authorisation: {
        insurer_org_id: insurer.id,
        authorisation_code: 'BUPA-123',
        sessions_authorised: 6,
        valid_from: '2026-10-01',
        valid_until: '2027-01-31',
      },
    });
    expect((await ruleTasks('INS-ENG-01')).map((t) => [t.due_on, t.status])).toEqual([['2027-01-01', 'open']]);
    await updateAuthorisation(ctx, c.authorisations[0]!.id, { valid_until: '2027-04-30', sessions_authorised: 10 });
    expect((await ruleTasks('INS-ENG-01')).map((t) => [t.due_on, t.status])).toEqual([
      ['2027-01-01', 'waived'],
      ['2027-03-31', 'open'],
    ]);
  });

  it('the compliance register: HCPC renewed 15/10/2025 is next due 31/10/2027; renewing marks the task done and sets the next', async () => {
    const item = await addComplianceItem(ctx, { rule_id: 'COMP-ICO-01', last_done_on: '2026-01-15' });
    expect((await ruleTasks('COMP-ICO-01')).map((t) => [t.due_on, t.status])).toEqual([['2027-01-15', 'open']]);
    await addComplianceItem(ctx, { rule_id: 'COMP-HCPC-01', last_done_on: '2025-10-15' });
    expect((await ruleTasks('COMP-HCPC-01'))[0]!.due_on).toBe('2027-10-31');
    await renewComplianceItem(ctx, item.id, '2026-11-27');
    expect((await ruleTasks('COMP-ICO-01')).map((t) => [t.due_on, t.status])).toEqual([
      ['2027-01-15', 'done'],
      ['2027-11-27', 'open'],
    ]);
  });

  it('a subject access request is due a month from receipt, rolled to a working day (GDPR-02), and extension moves it', async () => {
    const sar = await addSubjectAccessRequest(ctx, { requester: 'Pat Testparent', received_on: '2026-11-02', client_id: clientId });
    expect((await ruleTasks('GDPR-02'))[0]).toMatchObject({ due_on: '2026-12-02', status: 'open' });
    await updateSubjectAccessRequest(ctx, sar.id, { extend: true });
    expect((await ruleTasks('GDPR-02')).map((t) => [t.due_on, t.status])).toEqual([['2027-02-02', 'open']]);
    await updateSubjectAccessRequest(ctx, sar.id, { responded_on: '2026-11-27' });
    expect((await ruleTasks('GDPR-02')).map((t) => t.status)).toEqual(['done']);
  });

  it('a subject access request answered after its due day is marked late; one answered on the due day is not (GDPR-02)', async () => {
    // Received Mon 26/10/2026: due Thu 26/11/2026. Today is 27/11/2026.
    const onTime = await addSubjectAccessRequest(ctx, { requester: 'On Time', received_on: '2026-10-26', client_id: clientId });
    const lateOne = await addSubjectAccessRequest(ctx, { requester: 'Late Answer', received_on: '2026-10-26' });
    await addSubjectAccessRequest(ctx, { requester: 'Still Open', received_on: '2026-10-26' });
    await addSubjectAccessRequest(ctx, { requester: 'Not Yet Due', received_on: '2026-11-20' });
    await updateSubjectAccessRequest(ctx, onTime.id, { responded_on: '2026-11-26' });
    await updateSubjectAccessRequest(ctx, lateOne.id, { responded_on: '2026-11-27' });
    const rows = await listSubjectAccessRequests(ctx);
    expect(Object.fromEntries(rows.map((r) => [r.requester, [r.due, r.late, r.client_name]]))).toEqual({
      'On Time': ['2026-11-26', false, 'Ada Testchild'],
      'Late Answer': ['2026-11-26', true, null],
      'Still Open': ['2026-11-26', true, null],
      'Not Yet Due': ['2026-12-21', false, null],
    });
  });

  it('the briefing puts overdue first and hard before soft within a section, and explains rule-made items', async () => {
    const c = await ehcpCase();
    await recordEhcpEvent(ctx, c.id, { kind: 'advice_request_received', on: '2026-10-10' }); // due 21/11/2026: overdue
    await recordEhcpEvent(ctx, c.id, { kind: 'review_meeting_set', on: '2026-11-20', meeting_on: '2026-12-14' }); // due 30/11/2026
    const b = await buildBriefing(ctx, {});
    expect(b.date).toBe('2026-11-27');
    expect(b.items[0]).toMatchObject({ section: 'overdue', rule: 'EHCP-ADV-01', hard: true, due: '2026-11-21', client: 'Ada Testchild' });
    expect(b.items.find((i) => i.rule === 'EHCP-AR-04')).toMatchObject({ section: 'next_4_weeks', due: '2026-11-30' });
    expect(b.items.every((i) => i.due <= '2026-12-25')).toBe(true);
    const md = briefingMarkdown(b, 'Test Practice OT');
    expect(md).toContain('## Overdue');
    expect(md).toContain('21/11/2026');
    // Each item says what kind of obligation it is and how far its rule is checked, in words.
    expect(b.items[0]).toMatchObject({ obligation: 'statutory', standing: 'Statutory; secondary source — check the current text' });
    expect(md).toContain('**21/11/2026** (hard, statutory):');
    expect(md).toContain('  - Statutory; secondary source — check the current text.');
    expect(md).not.toContain('statutory/court');
  });

  it('the briefing counts tasks beyond four weeks only up to 1,000 (LATER_CAP), so Today never walks the whole backlog', async () => {
    const rows = Array.from({ length: 1005 }, (_, i) => ({
      id: `later-${String(i).padStart(4, '0')}`,
      title: `Later ${i}`,
      kind: 'general',
      hardness: 'soft',
      due_on: '2027-06-01',
      status: 'open',
      created_at: '2026-11-27T09:00:00.000Z',
    }));
    for (let i = 0; i < rows.length; i += 200)
      await store.db
        .insertInto('tasks')
        .values(rows.slice(i, i + 200))
        .execute();
    const b = await buildBriefing(ctx, {});
    expect(b.later_count).toBe(LATER_CAP);
    expect(b.items.filter((i) => i.title.startsWith('Later'))).toEqual([]);
  });

  it('the calendar feed keeps one event per deadline with a stable UID when the meeting moves', async () => {
    const c = await ehcpCase();
    await recordEhcpEvent(ctx, c.id, { kind: 'review_meeting_set', on: '2026-11-20', meeting_on: '2027-01-20' });
    const uid = (ics: string) =>
      ics
        .split('\n')
        .filter((l) => l.startsWith('UID:'))
        .sort();
    const first = await buildCalendar(ctx);
    await recordEhcpEvent(ctx, c.id, { kind: 'review_meeting_moved', on: '2026-11-25', meeting_on: '2027-02-03' });
    const second = await buildCalendar(ctx);
    expect(uid(second)).toEqual(uid(first));
    expect(second).toContain('DTSTART;VALUE=DATE:20270120'); // contribution now due 20/01/2027
    expect(second).toContain('DTSTART;VALUE=DATE:20270203'); // the meeting itself
    expect(second).toContain('BEGIN:VCALENDAR');
  });
});
