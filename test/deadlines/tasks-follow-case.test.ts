/**
 * Tasks follow the case: a stage move or a closed case closes the tasks of the old stage with a
 * reason in their notes; one obligation never holds two open tasks; every rule-made task says why;
 * and `steve deadlines sync` leaves the demo practice with nothing stale or duplicated.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { disabledLanguageModel } from '../../src/adapters/disabled-language-model.js';
import { disabledMail } from '../../src/adapters/disabled-mail.js';
import { fixedClock } from '../../src/adapters/system-clock.js';
import type { Store } from '../../src/db/connect.js';
import { findDuplicates } from '../../src/domain/deadlines/obligations.js';
import { changeCaseStatus } from '../../src/services/cases/change-case-status.js';
import { openCase } from '../../src/services/cases/open-case.js';
import { addClient } from '../../src/services/clients/add-client.js';
import { cliActor, type ServiceContext } from '../../src/services/context.js';
import { buildDemoPractice } from '../../src/services/demo/build-demo-practice.js';
import { syncAllDeadlines } from '../../src/services/deadlines/sync-all-deadlines.js';
import { syncCaseDeadlines } from '../../src/services/deadlines/sync-deadlines.js';
import { moveMedicoLegalStage } from '../../src/services/medico-legal/move-medico-legal-stage.js';
import { addOrganisation } from '../../src/services/organisations/add-organisation.js';
import { initPractice } from '../../src/services/practice/init-practice.js';
import { DIALECTS, freshStore } from '../support/stores.js';

const TODAY = '2026-11-27';

describe.each(DIALECTS)('tasks that follow the case on %s', (dialect) => {
  let store: Store;
  let ctx: ServiceContext;

  beforeEach(async () => {
    store = await freshStore(dialect);
    ctx = { db: store.db, dialect: store.dialect, clock: fixedClock(TODAY), mail: disabledMail, languageModel: disabledLanguageModel, actor: cliActor };
  });
  afterEach(async () => store?.close());

  async function practice() {
    await initPractice(ctx, { practice: 'Test Practice OT', owner_name: 'Olive Owner', owner_email: 'owner@practice.test', owner_password: 'long-enough-pw' });
    const solicitor = (await addOrganisation(ctx, { name: 'Fictional & Co Solicitors', kind: 'solicitor' })).id;
    const client = (await addClient(ctx, { name: 'Ada Testclaimant', dob: '1980-04-02' })).id;
    return { solicitor, client };
  }

  const tasksOf = (caseId: string) =>
    store.db
      .selectFrom('tasks')
      .select(['rule_key', 'rule_id', 'status', 'kind', 'hardness', 'notes', 'reason'])
      .where('case_id', '=', caseId)
      .orderBy('created_at')
      .execute();
  const byKey = async (caseId: string, prefix: string) => (await tasksOf(caseId)).filter((t) => t.rule_key?.startsWith(prefix));

  it('each medico-legal stage closes the tasks of the one before, saying why', async () => {
    const { solicitor, client } = await practice();
    const c = await openCase(ctx, {
      client_id: client,
      service_line: 'medico_legal',
      funder_kind: 'solicitor',
      funder_org_id: solicitor,
      opened_on: '2026-06-01',
      medico_legal: {
        solicitor_org_id: solicitor,
        instructed_by: 'claimant',
        report_type: 'care_and_needs',
        fee_basis: 'hourly',
        instructed_on: '2026-06-01',
        report_due_on: '2026-12-18',
      },
    });
    const [report] = await byKey(c.id, 'ML-REPORT');
    // The report date comes from the letter of instruction: contractual, never "court".
    expect(report).toMatchObject({ status: 'open', kind: 'contractual', hardness: 'hard' });

    await moveMedicoLegalStage(ctx, c.id, { stage: 'served', on: '2026-11-02' });
    expect((await byKey(c.id, 'ML-REPORT'))[0]).toMatchObject({ status: 'waived', notes: 'Closed by Steve: the report was served on 02/11/2026.' });
    expect((await byKey(c.id, 'ML-Q-01'))[0]).toMatchObject({ status: 'open', kind: 'court', hardness: 'soft' });

    await moveMedicoLegalStage(ctx, c.id, { stage: 'questions', on: '2026-11-20' });
    expect((await byKey(c.id, 'ML-Q-01'))[0]!.notes).toBe(
      'Closed by Steve: the instruction moved on to "CPR 35.6 questions": the question window no longer needs watching.',
    );
    const [answers] = await byKey(c.id, 'ML-Q-02');
    // No rule fixes the time to answer: a soft practice default, not a court deadline.
    expect(answers).toMatchObject({ status: 'open', kind: 'practice', hardness: 'soft' });
    expect(answers!.reason).toContain('ML-Q-02');

    await moveMedicoLegalStage(ctx, c.id, { stage: 'joint_statement', on: '2026-11-26' });
    expect((await byKey(c.id, 'ML-Q-02'))[0]).toMatchObject({
      status: 'waived',
      notes: 'Closed by Steve: the questions were answered: the instruction moved on to "Joint statement".',
    });
    expect((await tasksOf(c.id)).filter((t) => t.status === 'open' && t.rule_key)).toEqual([]);
  });

  it('a closed case closes its rule-made tasks saying so', async () => {
    const { solicitor, client } = await practice();
    const c = await openCase(ctx, {
      client_id: client,
      service_line: 'medico_legal',
      funder_kind: 'solicitor',
      funder_org_id: solicitor,
      opened_on: '2026-06-01',
      medico_legal: {
        solicitor_org_id: solicitor,
        instructed_by: 'claimant',
        report_type: 'care_and_needs',
        fee_basis: 'hourly',
        instructed_on: '2026-06-01',
        report_due_on: '2026-12-18',
      },
    });
    await changeCaseStatus(ctx, c.id, { status: 'closed' });
    const [report] = await byKey(c.id, 'ML-REPORT');
    expect(report).toMatchObject({ status: 'waived', notes: 'Closed by Steve: the case was closed, so its deadlines no longer apply.' });
  });

  it('a second task for one obligation is closed, the engine’s own stays; a rule-made task without a reason is given one', async () => {
    const { solicitor, client } = await practice();
    const c = await openCase(ctx, {
      client_id: client,
      service_line: 'medico_legal',
      funder_kind: 'solicitor',
      funder_org_id: solicitor,
      opened_on: '2026-06-01',
      medico_legal: {
        solicitor_org_id: solicitor,
        instructed_by: 'claimant',
        report_type: 'care_and_needs',
        fee_basis: 'hourly',
        instructed_on: '2026-06-01',
        report_due_on: '2026-12-18',
      },
    });
    const stray = (id: string, over: Record<string, unknown>) =>
      store.db
        .insertInto('tasks')
        .values({
          id,
          title: 'Serve report to Fictional & Co Solicitors',
          kind: 'court',
          hardness: 'hard',
          due_on: '2026-12-18',
          status: 'open',
          rule_id: null,
          trigger_kind: 'instruction',
          trigger_on: null,
          trigger_ref: 'FC/1',
          snoozed_until: null,
          assignee_id: null,
          client_id: client,
          case_id: c.id,
          notes: '',
          completed_on: null,
          created_at: '2026-06-01T09:00:00.000Z',
          rule_key: null,
          reason: null,
          ...over,
        })
        .execute();
    await stray('019a0000-0000-7000-8000-000000000001', {});
    await stray('019a0000-0000-7000-8000-000000000002', {
      title: 'Monthly update to the case manager',
      kind: 'report_back',
      hardness: 'soft',
      rule_id: 'ML-CM-01',
      trigger_kind: 'monthly_report',
    });
    const r = await store.db.transaction().execute((trx) => syncCaseDeadlines(trx, ctx, [c.id]));
    expect(r).toMatchObject({ duplicates: 1, explained: 1 });
    const tasks = await store.db.selectFrom('tasks').selectAll().where('case_id', '=', c.id).execute();
    const copy = tasks.find((t) => t.id.endsWith('0001'))!;
    expect(copy.status).toBe('waived');
    expect(copy.notes).toContain('a second task for the same obligation as "Serve expert report for Ada Testclaimant on Fictional & Co Solicitors"');
    expect(tasks.find((t) => t.rule_key === `ML-REPORT|case:${c.id}`)!.status).toBe('open');
    const monthly = tasks.find((t) => t.id.endsWith('0002'))!;
    expect(monthly.status).toBe('open');
    expect(monthly.reason).toMatch(/^Case-manager update .*Practice default — check your instructions\. .*\[ML-CM-01; /);
    // Repeating changes nothing.
    expect(await store.db.transaction().execute((trx) => syncCaseDeadlines(trx, ctx, [c.id]))).toEqual({
      created: 0,
      moved: 0,
      closed: 0,
      duplicates: 0,
      explained: 0,
    });
  });

  it('`deadlines sync` on the demo practice leaves no stale or duplicate rule-made task, and a second run changes nothing', async () => {
    await buildDemoPractice(ctx, { seed: 3, today: TODAY });
    const first = await syncAllDeadlines(ctx);
    expect(first.created + first.moved + first.closed + first.duplicates + first.explained).toBeGreaterThanOrEqual(0);
    const open = await store.db
      .selectFrom('tasks')
      .leftJoin('cases', 'cases.id', 'tasks.case_id')
      .leftJoin('medico_legal_instructions as m', 'm.case_id', 'tasks.case_id')
      .select([
        'tasks.id',
        'tasks.case_id',
        'tasks.rule_id',
        'tasks.rule_key',
        'tasks.trigger_kind',
        'tasks.trigger_on',
        'tasks.title',
        'tasks.due_on',
        'tasks.reason',
        'tasks.created_at',
        'cases.status as case_status',
        'm.stage',
      ])
      .where('tasks.status', '=', 'open')
      .execute();
    expect(open.length).toBeGreaterThan(50);
    // No second open task for any obligation.
    expect(findDuplicates(open)).toEqual([]);
    // Every rule-made task says why.
    expect(open.filter((t) => t.rule_id && !t.reason?.trim()).map((t) => t.title)).toEqual([]);
    // Nothing left from a case that has ended, except the report-back its discharge owes the referrer.
    expect(
      open.filter((t) => t.rule_key && !t.rule_key.startsWith('REF-') && ['closed', 'discharged'].includes(t.case_status ?? '')).map((t) => t.title),
    ).toEqual([]);
    // No medico-legal task of a stage the instruction has left.
    const stale = open.filter(
      (t) =>
        (t.rule_key?.startsWith('ML-Q-01') && t.stage !== 'served') ||
        (t.rule_key?.startsWith('ML-Q-02') && t.stage !== 'questions') ||
        (t.rule_key?.startsWith('ML-REPORT') &&
          ['served', 'questions', 'addendum', 'joint_statement', 'trial_window', 'settled', 'closed'].includes(t.stage ?? '')),
    );
    expect(stale.map((t) => t.title)).toEqual([]);
    // Insurer invoicing tasks only where treatment is still uninvoiced (the money area's own check).
    expect(
      open.filter((t) => ['INS-BUPA-01', 'INS-AXA-01'].includes(t.rule_id ?? '') && t.trigger_kind !== 'uninvoiced_treatment').map((t) => t.title),
    ).toEqual([]);
    expect(await syncAllDeadlines(ctx)).toEqual({ created: 0, moved: 0, closed: 0, duplicates: 0, explained: 0 });
  });
});
