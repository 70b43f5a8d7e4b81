import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Dialect } from '../../src/db/connect.js';
import { newId } from '../../src/db/ids.js';
import { changeCaseStatus } from '../../src/services/cases/change-case-status.js';
import { addClient } from '../../src/services/clients/add-client.js';
import { updateClient } from '../../src/services/clients/update-client.js';
import type { ServiceContext } from '../../src/services/context.js';
import { briefingMarkdown, buildBriefing } from '../../src/services/deadlines/build-briefing.js';
import { syncCaseDeadlines } from '../../src/services/deadlines/sync-deadlines.js';
import { addOrganisation } from '../../src/services/organisations/add-organisation.js';
import { addReferral } from '../../src/services/referrals/add-referral.js';
import { getReferral, listReferrals } from '../../src/services/referrals/list-referrals.js';
import { acceptReferral, acknowledgeReferral, declineReferral, waitlistReferral } from '../../src/services/referrals/record-outcome.js';
import { listDormantSources, referrerAnalytics } from '../../src/services/referrals/referrer-analytics.js';
import { addReferralSource } from '../../src/services/referrals/add-referral-source.js';
import { listReferralSources } from '../../src/services/referrals/list-referral-sources.js';
import { updateReferralSource } from '../../src/services/referrals/update-referral-source.js';
import { completeTask } from '../../src/services/tasks/complete-task.js';
import { DIALECTS } from '../support/stores.js';
import { as, openTestDb, refusedWithoutWriting, seedPractice, type Seeded, type TestDb } from '../services/support.js';

describe.each(DIALECTS)('referral network on %s', (dialect: Dialect) => {
  let t: TestDb;
  let ctx: ServiceContext;
  let users: Seeded;
  let gpId: string;

  beforeEach(async () => {
    t = await openTestDb(dialect);
    ctx = t.ctx;
    users = await seedPractice(ctx);
    const org = await addOrganisation(ctx, { name: 'Millbrook Surgery', kind: 'gp_practice' });
    gpId = (
      await addReferralSource(ctx, {
        name: 'Millbrook Surgery',
        kind: 'gp',
        organisation_id: org.id,
        expects: 'a letter after the assessment and at discharge',
      })
    ).id;
  });
  afterEach(async () => t.store.close());

  const tasksFor = (referralId: string) => t.store.db.selectFrom('tasks').selectAll().where('trigger_ref', '=', referralId).orderBy('due_on').execute();
  const newChild = { name: 'Ada Testchild', dob: '2016-04-02' };

  describe('sources', () => {
    it('defaults the consent party from the kind and the acknowledgement to 2 working days', async () => {
      const [s] = await listReferralSources(ctx);
      expect(s).toMatchObject({
        name: 'Millbrook Surgery',
        kind: 'gp',
        consent_party: 'gp',
        ack_working_days: 2,
        report_back_working_days: 10,
        organisation_name: 'Millbrook Surgery',
      });
      const cm = await addReferralSource(ctx, { name: 'Northgate Case Management', kind: 'case_manager' });
      expect(cm.consent_party).toBeNull();
    });

    it('refuses a second source with the same name, whatever its case', async () => {
      const e = await refusedWithoutWriting(t.store.db, () => addReferralSource(ctx, { name: 'millbrook surgery', kind: 'gp' }));
      expect(e).toMatchObject({ code: 'CONFLICT' });
    });
  });

  describe('intake', () => {
    it('records a referral for a new client and sets the acknowledgement task 2 working days after receipt', async () => {
      // Received Thursday 26/11/2026: due Monday 30/11/2026.
      const r = await addReferral(ctx, {
        source_id: gpId,
        received_on: '2026-11-26',
        client: newChild,
        service_line: 'paediatric',
        urgency: 'urgent',
        funding: 'self_pay',
      });
      expect(r).toMatchObject({
        status: 'pending',
        ack_due_on: '2026-11-30',
        source_name: 'Millbrook Surgery',
        client_name: 'Ada Testchild',
        acknowledged_on: null,
      });
      const tasks = await tasksFor(r.id);
      expect(tasks).toHaveLength(1);
      expect(tasks[0]).toMatchObject({
        rule_id: 'REF-ACK',
        rule_key: `REF-ACK|referral:${r.id}`,
        kind: 'acknowledgement',
        due_on: '2026-11-30',
        status: 'open',
        client_id: r.client_id,
        case_id: null,
      });
      expect(tasks[0]!.title).toBe('Acknowledge urgent referral from Millbrook Surgery');
    });

    it('matches an existing client by name and date of birth (ignoring case and spacing) instead of creating a second', async () => {
      const existing = await addClient(ctx, newChild);
      const r = await addReferral(ctx, {
        source_id: gpId,
        received_on: '2026-11-20',
        client: { name: '  ada  TESTCHILD ', dob: '2016-04-02' },
        service_line: 'paediatric',
      });
      expect(r.client_id).toBe(existing.id);
      const other = await addReferral(ctx, {
        source_id: gpId,
        received_on: '2026-11-20',
        client: { name: 'Ada Testchild', dob: '2016-04-03' },
        service_line: 'paediatric',
      });
      expect(other.client_id).not.toBe(existing.id);
    });

    it('uses the source’s own acknowledgement period, counted over bank holidays', async () => {
      const slow = await addReferralSource(ctx, { name: 'Harbour Solicitors LLP', kind: 'solicitor', ack_working_days: 5 });
      const r = await addReferral(ctx, { source_id: slow.id, received_on: '2026-11-26', client: newChild, service_line: 'medico_legal' });
      expect(r.ack_due_on).toBe('2026-12-03');
    });

    it('refuses a referral dated in the future, writing nothing', async () => {
      const e = await refusedWithoutWriting(t.store.db, () =>
        addReferral(ctx, { source_id: gpId, received_on: '2026-11-28', client: newChild, service_line: 'paediatric' }),
      );
      expect(e).toMatchObject({ code: 'VALIDATION', field: 'received_on' });
      expect((e as Error).message).toContain('28/11/2026 is in the future');
    });

    it('refuses an unknown source, writing nothing (not even the new client)', async () => {
      const e = await refusedWithoutWriting(t.store.db, () =>
        addReferral(ctx, { source_id: 'no-such-source', received_on: '2026-11-20', client: newChild, service_line: 'paediatric' }),
      );
      expect(e).toMatchObject({ code: 'VALIDATION', field: 'source_id' });
    });

    it('refuses the same referral twice: nothing is written the second time', async () => {
      const first = await addReferral(ctx, { source_id: gpId, received_on: '2026-11-20', client: newChild, service_line: 'paediatric' });
      const e = await refusedWithoutWriting(t.store.db, () =>
        addReferral(ctx, { source_id: gpId, received_on: '2026-11-20', client: newChild, service_line: 'paediatric' }),
      );
      expect(e).toMatchObject({ code: 'CONFLICT' });
      expect((e as Error).message).toContain(first.id);
      // A different service from the same source on the same day is a different referral.
      await addReferral(ctx, { source_id: gpId, received_on: '2026-11-20', client: newChild, service_line: 'housing' });
    });

    it('refuses both or neither of client id and new client details', async () => {
      const e = await refusedWithoutWriting(t.store.db, () => addReferral(ctx, { source_id: gpId, received_on: '2026-11-20', service_line: 'paediatric' }));
      expect(e).toMatchObject({ code: 'VALIDATION', field: 'client' });
    });
  });

  describe('outcomes', () => {
    it('acknowledging completes the acknowledgement task; a second acknowledgement is refused', async () => {
      const r = await addReferral(ctx, { source_id: gpId, received_on: '2026-11-24', client: newChild, service_line: 'paediatric' });
      const a = await acknowledgeReferral(ctx, r.id, { on: '2026-11-25' });
      expect(a.acknowledged_on).toBe('2026-11-25');
      expect((await tasksFor(r.id))[0]).toMatchObject({ status: 'done', completed_on: '2026-11-25' });
      await expect(acknowledgeReferral(ctx, r.id)).rejects.toMatchObject({ code: 'CONFLICT' });
    });

    it('completing the acknowledgement task from Today counts as acknowledging', async () => {
      const r = await addReferral(ctx, { source_id: gpId, received_on: '2026-11-24', client: newChild, service_line: 'paediatric' });
      const [task] = await tasksFor(r.id);
      await completeTask(ctx, task!.id, { on: '2026-11-26' });
      expect((await getReferral(ctx, r.id)).acknowledged_on).toBe('2026-11-26');
    });

    it('accepting opens the case with the source as referrer, in one step', async () => {
      const r = await addReferral(ctx, {
        source_id: gpId,
        received_on: '2026-11-24',
        client: newChild,
        service_line: 'paediatric',
        funding: 'self_pay',
        service_detail: 'Handwriting and fine motor',
      });
      const accepted = await acceptReferral(ctx, r.id, { on: '2026-11-27', clinician_id: users.clinician.id });
      expect(accepted).toMatchObject({ status: 'accepted', outcome_on: '2026-11-27' });
      expect(accepted.case).toMatchObject({
        client_id: r.client_id,
        service_line: 'paediatric',
        status: 'open',
        opened_on: '2026-11-27',
        title: 'Handwriting and fine motor',
      });
      const c = await t.store.db.selectFrom('cases').selectAll().where('id', '=', accepted.case_id!).executeTakeFirstOrThrow();
      const src = (await listReferralSources(ctx))[0]!;
      expect(c.referrer_org_id).toBe(src.organisation_id);
      expect(c.clinician_id).toBe(users.clinician.id);
      await expect(acceptReferral(ctx, r.id)).rejects.toMatchObject({ code: 'CONFLICT' });
    });

    it('an admin cannot accept (it opens a case), and the refusal writes nothing', async () => {
      const r = await addReferral(ctx, { source_id: gpId, received_on: '2026-11-24', client: newChild, service_line: 'paediatric' });
      const e = await refusedWithoutWriting(t.store.db, () => acceptReferral(as(ctx, users.admin), r.id));
      expect(e).toMatchObject({ code: 'FORBIDDEN' });
    });

    it('waitlisting then accepting works; a declined referral cannot be accepted', async () => {
      const r = await addReferral(ctx, { source_id: gpId, received_on: '2026-11-24', client: newChild, service_line: 'paediatric' });
      expect((await waitlistReferral(ctx, r.id, { on: '2026-11-25' })).status).toBe('waitlisted');
      expect((await acceptReferral(ctx, r.id)).status).toBe('accepted');
      const r2 = await addReferral(ctx, { source_id: gpId, received_on: '2026-11-24', client: newChild, service_line: 'housing' });
      await declineReferral(ctx, r2.id, { reason: 'Outside our area' });
      await expect(acceptReferral(ctx, r2.id)).rejects.toMatchObject({ code: 'CONFLICT' });
    });

    it('declining needs a reason, sets the decline-letter task and closes the open acknowledgement', async () => {
      const r = await addReferral(ctx, { source_id: gpId, received_on: '2026-11-24', client: newChild, service_line: 'paediatric' });
      await expect(declineReferral(ctx, r.id, { reason: '' })).rejects.toMatchObject({ code: 'VALIDATION', field: 'reason' });
      const d = await declineReferral(ctx, r.id, { on: '2026-11-27', reason: 'Outside our catchment' });
      expect(d).toMatchObject({ status: 'declined', decline_reason: 'Outside our catchment' });
      const tasks = await tasksFor(r.id);
      expect(tasks.map((x) => [x.rule_id, x.status, x.due_on])).toEqual([
        ['REF-ACK', 'waived', '2026-11-26'],
        ['REF-DECLINE', 'open', '2026-12-04'],
      ]);
    });

    it('refuses an outcome dated before the referral arrived or in the future', async () => {
      const r = await addReferral(ctx, { source_id: gpId, received_on: '2026-11-24', client: newChild, service_line: 'paediatric' });
      await expect(waitlistReferral(ctx, r.id, { on: '2026-11-23' })).rejects.toMatchObject({ code: 'VALIDATION', field: 'on' });
      await expect(acknowledgeReferral(ctx, r.id, { on: '2026-12-01' })).rejects.toMatchObject({ code: 'VALIDATION', field: 'on' });
    });

    it('a clinician does not see a referral for another clinician’s client', async () => {
      const r = await addReferral(as(ctx, users.otherClinician), { source_id: gpId, received_on: '2026-11-24', client: newChild, service_line: 'paediatric' });
      expect(await listReferrals(as(ctx, users.clinician))).toHaveLength(0);
      await expect(getReferral(as(ctx, users.clinician), r.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
      expect(await listReferrals(as(ctx, users.otherClinician))).toHaveLength(1);
    });
  });

  describe('report-backs', () => {
    async function acceptedCase(consentGp: boolean) {
      const client = await addClient(ctx, { ...newChild, consent: { gp: consentGp } });
      const r = await addReferral(ctx, { source_id: gpId, received_on: '2026-11-02', client_id: client.id, service_line: 'paediatric' });
      const a = await acceptReferral(ctx, r.id, { on: '2026-11-03', clinician_id: users.clinician.id });
      return { referralId: r.id, caseId: a.case_id!, clientId: client.id };
    }
    async function session(caseId: string, on: string, kind: 'assessment' | 'review', attendance = 'attended') {
      await t.store.db
        .insertInto('sessions')
        .values({
          id: newId(),
          case_id: caseId,
          clinician_id: null,
          on_date: on,
          start_time: null,
          duration_minutes: 60,
          kind,
          attendance,
          authorisation_id: null,
        } as never)
        .execute();
      await t.store.db.transaction().execute((trx) => syncCaseDeadlines(trx, ctx, [caseId]));
    }
    const reportBacks = (referralId: string) =>
      t.store.db.selectFrom('tasks').selectAll().where('rule_id', '=', 'REF-RB').where('trigger_ref', '=', referralId).orderBy('due_on').execute();

    it('with consent: a report-back after the assessment, each review and discharge, 10 working days on', async () => {
      const { referralId, caseId } = await acceptedCase(true);
      await session(caseId, '2026-11-10', 'assessment');
      await session(caseId, '2026-11-17', 'assessment'); // only the first assessment is a milestone
      await session(caseId, '2026-11-20', 'review', 'dna'); // a missed review is not one
      await session(caseId, '2026-11-24', 'review');
      await changeCaseStatus(as(ctx, users.clinician), caseId, { status: 'discharged', on: '2026-11-27' });
      const rb = await reportBacks(referralId);
      expect(rb.map((x) => [x.title, x.due_on, x.status, x.case_id])).toEqual([
        ['Report back to Millbrook Surgery after the assessment', '2026-11-24', 'open', caseId],
        ['Report back to Millbrook Surgery after the review', '2026-12-08', 'open', caseId],
        ['Report back to Millbrook Surgery after discharge', '2026-12-11', 'open', caseId],
      ]);
      // Recomputing changes nothing and duplicates nothing.
      await t.store.db.transaction().execute((trx) => syncCaseDeadlines(trx, ctx));
      expect(await reportBacks(referralId)).toHaveLength(3);
    });

    it('without consent to share with the GP, no report-back task is ever created', async () => {
      const { referralId, caseId } = await acceptedCase(false);
      await session(caseId, '2026-11-10', 'assessment');
      await changeCaseStatus(as(ctx, users.clinician), caseId, { status: 'discharged', on: '2026-11-27' });
      expect(await reportBacks(referralId)).toEqual([]);
      expect(await t.store.db.selectFrom('tasks').select('id').where('kind', '=', 'report_back').execute()).toEqual([]);
    });

    it('withdrawing consent closes open report-backs at once; a done one stays done; giving it again brings the open one back', async () => {
      const { referralId, caseId, clientId } = await acceptedCase(true);
      await session(caseId, '2026-11-10', 'assessment');
      await session(caseId, '2026-11-24', 'review');
      const [first] = await reportBacks(referralId);
      await completeTask(ctx, first!.id, { on: '2026-11-20' });
      await updateClient(ctx, clientId, { consent: { gp: false } });
      const after = await reportBacks(referralId);
      expect(after.map((x) => [x.trigger_on, x.status])).toEqual([
        ['2026-11-10', 'done'],
        ['2026-11-24', 'waived'],
      ]);
      expect(after.filter((x) => x.status === 'open')).toEqual([]);
      await updateClient(ctx, clientId, { consent: { gp: true } });
      expect((await reportBacks(referralId)).filter((x) => x.status === 'open')).toHaveLength(1);
    });

    it('clearing a source’s consent party (e.g. it turns out to be a case manager) closes its open report-backs', async () => {
      const { referralId, caseId } = await acceptedCase(true);
      await session(caseId, '2026-11-10', 'assessment');
      await updateReferralSource(ctx, gpId, { consent_party: null });
      expect((await reportBacks(referralId)).map((x) => x.status)).toEqual(['waived']);
    });

    it('the deadline engine’s own sync leaves report-backs alone', async () => {
      const { referralId, caseId } = await acceptedCase(true);
      await session(caseId, '2026-11-10', 'assessment');
      await t.store.db.transaction().execute((trx) => syncCaseDeadlines(trx, ctx, [caseId]));
      expect((await reportBacks(referralId)).map((x) => x.status)).toEqual(['open']);
    });
  });

  describe('referrer analytics', () => {
    it('reports per source: referrals, conversion, last referral, acknowledgement time and dormancy', async () => {
      const quiet = await addReferralSource(ctx, { name: 'Riverside Primary School', kind: 'school' });
      const add = (source: string, received_on: string, name: string) =>
        addReferral(ctx, { source_id: source, received_on, client: { name, dob: '2015-01-01' }, service_line: 'paediatric' });
      // The school referred monthly until 15/06/2026, then went silent for 165 days.
      for (const [i, day] of ['2026-02-16', '2026-03-16', '2026-04-15', '2026-05-15', '2026-06-15'].entries()) await add(quiet.id, day, `School Child ${i}`);
      const a = await add(gpId, '2026-10-01', 'Gp Child A');
      const b = await add(gpId, '2026-11-02', 'Gp Child B');
      await add(gpId, '2026-11-20', 'Gp Child C');
      await acknowledgeReferral(ctx, a.id, { on: '2026-10-02' });
      await acknowledgeReferral(ctx, b.id, { on: '2026-11-05' });
      await acceptReferral(ctx, a.id);
      await declineReferral(ctx, b.id, { reason: 'Not an OT need' });

      const result = await referrerAnalytics(ctx);
      expect(result.date).toBe('2026-11-27');
      const gp = result.referrers.find((r) => r.id === gpId)!;
      expect(gp).toMatchObject({
        name: 'Millbrook Surgery',
        referrals: 3,
        accepted: 1,
        last_referral: '2026-11-20',
        dormant: false,
        median_days_to_acknowledge: 2,
      });
      expect(gp.conversion).toBeCloseTo(1 / 3);
      expect(gp.per_quarter.at(-1)).toEqual({ quarter: '2026-Q4', referrals: 3 });
      const school = result.referrers.find((r) => r.id === quiet.id)!;
      expect(school).toMatchObject({ referrals: 5, conversion: 0, last_referral: '2026-06-15', silence_days: 165, dormant: true });
      // The revenue column follows the invoices table: 0 for sources without invoiced cases, or null before it exists.
      if (result.revenue_available) expect(gp.revenue_pence).toBe(0);
      else expect(gp.revenue_pence).toBeNull();

      expect((await listDormantSources(ctx)).map((s) => s.name)).toEqual(['Riverside Primary School']);
      // Asked about 01/07/2026, the school was still in its rhythm.
      expect(await listDormantSources(ctx, { date: '2026-07-01' })).toEqual([]);

      // The morning briefing names the source worth a call; overdue acknowledgements are already its tasks.
      const brief = await buildBriefing(ctx);
      expect(brief.dormant_sources?.map((s) => [s.name, s.last_referral, s.silence_days])).toEqual([['Riverside Primary School', '2026-06-15', 165]]);
      expect(brief.items.filter((i) => i.rule === 'REF-ACK' && i.section === 'overdue').length).toBeGreaterThan(0);
      expect(briefingMarkdown(brief, 'Harbour Lane OT')).toContain('## Referrers worth a call');
    });

    it('is for the owner and admin: a clinician is refused', async () => {
      await expect(referrerAnalytics(as(ctx, users.clinician))).rejects.toMatchObject({ code: 'FORBIDDEN' });
      expect((await referrerAnalytics(as(ctx, users.admin))).referrers).toHaveLength(1);
    });
  });
});
