import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/adapters/system-clock.js';
import { openCase } from '../../src/services/cases/open-case.js';
import { updateAuthorisation } from '../../src/services/cases/update-case-details.js';
import { addClient } from '../../src/services/clients/add-client.js';
import type { ServiceContext } from '../../src/services/context.js';
import { agedDebt } from '../../src/services/billing/aged-debt.js';
import { createInvoice } from '../../src/services/billing/create-invoice.js';
import { getInvoice } from '../../src/services/billing/get-invoice.js';
import { issueCreditNote } from '../../src/services/billing/issue-credit-note.js';
import { listInvoices } from '../../src/services/billing/list-invoices.js';
import { voidInvoice } from '../../src/services/billing/void-invoice.js';
import { writeOffInvoice } from '../../src/services/billing/write-off-invoice.js';
import { updateMoneySettings } from '../../src/services/billing/money-settings.js';
import { syncChaseTasks } from '../../src/services/billing/money-tasks.js';
import { applyCredit } from '../../src/services/billing/apply-credit.js';
import { recordPayment } from '../../src/services/billing/record-payment.js';
import { exportXero } from '../../src/services/billing/xero-export.js';
import { listMedicoLegal } from '../../src/services/medico-legal/list-medico-legal.js';
import { moveMedicoLegalStage } from '../../src/services/medico-legal/move-medico-legal-stage.js';
import { addOrganisation } from '../../src/services/organisations/add-organisation.js';
import { updatePractice } from '../../src/services/practice/update-practice.js';
import { listAuthorisations } from '../../src/services/sessions/authorisations.js';
import { addSession } from '../../src/services/sessions/add-session.js';
import { listSessions } from '../../src/services/sessions/list-sessions.js';
import { DIALECTS } from '../support/stores.js';
import { as, openTestDb, refusedWithoutWriting, seedPractice, type Seeded, type TestDb } from '../services/support.js';

describe.each(DIALECTS)('money on %s', (dialect) => {
  let t: TestDb;
  let ctx: ServiceContext;
  let people: Seeded;
  let bupa: string;
  let axa: string;
  let solicitor: string;
  let ada: string;
  let ben: string;

  beforeEach(async () => {
    t = await openTestDb(dialect);
    ctx = t.ctx;
    people = await seedPractice(ctx);
    bupa = (await addOrganisation(ctx, { name: 'Bupa', kind: 'insurer' })).id;
    axa = (await addOrganisation(ctx, { name: 'AXA Health', kind: 'insurer' })).id;
    solicitor = (await addOrganisation(ctx, { name: 'Fictional & Co Solicitors', kind: 'solicitor' })).id;
    ada = (await addClient(ctx, { name: 'Ada Example', dob: '1980-02-03', lead_clinician_id: people.clinician.id })).id;
    ben = (await addClient(ctx, { name: 'Ben Example', dob: '1975-06-07' })).id;
  });
  afterEach(async () => t?.store.close());

  /** Bupa: 3 sessions from 01/09/2026 to 20/11/2026, £70 a session, £50 excess. */
  async function insuredCase(clientId = ada, insurer = bupa, extra: Record<string, unknown> = {}) {
    const c = await openCase(ctx, {
      client_id: clientId,
      service_line: 'adult_neuro',
      funder_org_id: insurer,
      clinician_id: people.clinician.id,
      opened_on: '2026-08-20',
      authorisation: {
        insurer_org_id: insurer,
        membership_number: 'MEM1234567',
        authorisation_code: 'AUTH-77',
        sessions_authorised: 3,
        valid_from: '2026-09-01',
        valid_until: '2026-11-20',
        per_session_limit_pence: 7000,
        excess_pence: 5000,
        ...extra,
      },
    });
    return { caseId: c.id, authId: c.authorisations[0]!.id };
  }
  const therapy = (caseId: string, on: string, more: Record<string, unknown> = {}) =>
    addSession(ctx, { case_id: caseId, on_date: on, duration_minutes: 60, kind: 'therapy', ...more });
  const selfPayCase = async (clientId = ben) =>
    (await openCase(ctx, { client_id: clientId, service_line: 'adult_neuro', funder_kind: 'self_pay', opened_on: '2026-08-01' })).id;

  describe('authorisations', () => {
    it('counts used and left, and the last authorised session falls on the expiry date', async () => {
      const { caseId } = await insuredCase(ada, bupa, { valid_until: '2026-11-27' });
      await therapy(caseId, '2026-09-10');
      await therapy(caseId, '2026-10-10');
      let [a] = (await listAuthorisations(ctx)).authorisations;
      expect(a).toMatchObject({ sessions_authorised: 3, sessions_used: 2, sessions_left: 1, valid_until: '2026-11-27' });
      expect(a!.warnings.join(' ')).toMatch(/One authorised session left/);
      await therapy(caseId, '2026-11-27');
      [a] = (await listAuthorisations(ctx)).authorisations;
      expect(a).toMatchObject({ sessions_used: 3, sessions_left: 0, status: 'used_up' });
      expect(a!.warnings).toEqual(['No authorised sessions left: ask the insurer for more before the next session.', 'Ends today.']);
    });

    it('refuses a session after the authorisation ends, writing nothing; with an override it is recorded and audited', async () => {
      const { caseId } = await insuredCase();
      const e = await refusedWithoutWriting(t.store.db, () => therapy(caseId, '2026-11-21'));
      expect(e).toMatchObject({ code: 'VALIDATION', message: expect.stringContaining('after authorisation AUTH-77 ended on 20/11/2026') });
      const s = await therapy(caseId, '2026-11-21', { override_reason: 'Bupa agreed an extension by phone; letter awaited' });
      expect(s.override_reason).toMatch(/extension by phone/);
      const audit = await t.store.db.selectFrom('audit_events').select('detail').where('entity', '=', 'session').execute();
      expect(audit.map((x) => x.detail)).toContain('authorisation override');
    });

    it('refuses the session after the last authorised one; DNAs use no authorised sessions', async () => {
      const { caseId } = await insuredCase();
      for (const on of ['2026-09-10', '2026-09-20', '2026-09-30']) await therapy(caseId, on);
      await therapy(caseId, '2026-10-05', { attendance: 'dna' });
      await expect(therapy(caseId, '2026-10-10')).rejects.toMatchObject({
        message: expect.stringContaining('All 3 sessions of authorisation AUTH-77 have been used'),
      });
      await updateAuthorisation(ctx, (await listAuthorisations(ctx)).authorisations[0]!.id, { sessions_authorised: 5 });
      await expect(therapy(caseId, '2026-10-10')).resolves.toMatchObject({ authorisation_code: 'AUTH-77' });
    });

    it('warns of expiry within the configured window', async () => {
      await insuredCase(ada, bupa, { valid_until: '2026-12-20' });
      expect((await listAuthorisations(ctx)).authorisations[0]!.warnings).toEqual(['Ends in 23 days (20/12/2026).']);
      await updateMoneySettings(ctx, { auth_warn_days: 22 });
      expect((await listAuthorisations(ctx)).authorisations[0]!.warnings).toEqual([]);
      await updateMoneySettings(ctx, { auth_warn_days: 23 });
      expect((await listAuthorisations(ctx)).authorisations[0]!.warnings).toEqual(['Ends in 23 days (20/12/2026).']);
    });
  });

  describe('invoices', () => {
    it('splits an insurer invoice from the member’s share: excess and above-limit amounts go to the client, in pence end to end', async () => {
      const { caseId, authId } = await insuredCase();
      await therapy(caseId, '2026-09-10');
      await therapy(caseId, '2026-09-17');
      await therapy(caseId, '2026-09-24', { attendance: 'dna' });
      const r = await createInvoice(ctx, { case_id: caseId, issued_on: '2026-10-01' });
      expect(r.invoice).toMatchObject({
        number: 'INV-000001',
        payer_kind: 'insurer',
        payer_name: 'Bupa',
        total_pence: 9000,
        outstanding_pence: 9000,
        due_on: '2026-10-31',
        membership_number: 'MEM1234567',
        authorisation_code: 'AUTH-77',
        client_dob: '1980-02-03',
        treatment_from: '2026-09-10',
        treatment_to: '2026-09-17',
        authorisation_id: authId,
      });
      expect(r.invoice.lines.map((l) => [l.kind, l.amount_pence])).toEqual([
        ['session', 2000],
        ['session', 7000],
      ]);
      expect(r.client_share).toMatchObject({
        number: 'INV-000002',
        payer_kind: 'self_pay',
        payer_name: 'Ada Example',
        total_pence: 9000,
        due_on: '2026-10-15',
      });
      expect(r.client_share!.lines.map((l) => [l.kind, l.amount_pence])).toEqual([
        ['shortfall', 2000],
        ['excess', 5000],
        ['shortfall', 2000],
      ]);
      // The DNA is not on the insurer's invoice (INS-GEN-03) but can be billed to the client.
      const dna = await createInvoice(ctx, { case_id: caseId, bill_to: 'client', issued_on: '2026-10-01' });
      expect(dna.invoice.lines).toHaveLength(1);
      expect(dna.invoice.lines[0]!.description).toMatch(/did not attend/);
      // Nothing is left to bill to the insurer.
      await expect(createInvoice(ctx, { case_id: caseId })).rejects.toMatchObject({ message: expect.stringContaining('Nothing to invoice') });
    });

    it('refuses to bill an insurer for a session asked for by name that was a DNA', async () => {
      const { caseId } = await insuredCase();
      const s = await therapy(caseId, '2026-09-24', { attendance: 'late_cancellation' });
      const e = await refusedWithoutWriting(t.store.db, () => createInvoice(ctx, { case_id: caseId, session_ids: [s.id] }));
      expect((e as Error).message).toMatch(/late cancellation: not billable to an insurer/);
    });

    it('numbers with the practice prefix and never reuses a number, even after a void; a duplicate number is refused', async () => {
      await updatePractice(ctx, { invoice_prefix: 'HL-' });
      const caseId = await selfPayCase();
      await therapy(caseId, '2026-10-01');
      const first = (await createInvoice(ctx, { case_id: caseId, issued_on: '2026-10-02' })).invoice;
      expect(first.number).toBe('HL-000001');
      await voidInvoice(ctx, first.number, { reason: 'Wrong client address' });
      const second = (await createInvoice(ctx, { case_id: caseId, issued_on: '2026-10-03' })).invoice;
      expect(second.number).toBe('HL-000002');
      expect(second.lines[0]!.session_id).toBe(first.lines[0]!.session_id);
      await therapy(caseId, '2026-10-08');
      const dup = await refusedWithoutWriting(t.store.db, () => createInvoice(ctx, { case_id: caseId, number: 'HL-000001' }));
      expect(dup).toMatchObject({ code: 'CONFLICT', message: 'Invoice number HL-000001 is already used (by a void invoice: numbers are never reused).' });
    });

    it('bills mileage rounded half up, fixed fees, and takes the due date from the payer’s terms', async () => {
      await updateMoneySettings(ctx, { terms_days: { self_pay: 7 } });
      const caseId = await selfPayCase();
      await addSession(ctx, { case_id: caseId, on_date: '2026-10-01', duration_minutes: 90, kind: 'assessment', miles_hundredths: 1230 });
      const inv = (
        await createInvoice(ctx, {
          case_id: caseId,
          issued_on: '2026-10-02',
          extra_lines: [{ kind: 'fixed_fee', description: 'Equipment report', amount_pence: 15000 }],
        })
      ).invoice;
      expect(inv.lines.map((l) => [l.kind, l.quantity_hundredths, l.unit_pence, l.amount_pence])).toEqual([
        ['session', 150, 9000, 13500],
        ['mileage', 1230, 45, 554],
        ['fixed_fee', 100, 15000, 15000],
      ]);
      expect(inv).toMatchObject({ total_pence: 29054, due_on: '2026-10-09' });
    });

    it('refuses an insurer invoice for a session outside the authorisation unless overridden, and records the override', async () => {
      const { caseId } = await insuredCase();
      await therapy(caseId, '2026-11-21', { override_reason: 'Extension agreed by phone' });
      // The session's own recorded override carries to the invoice.
      const inv = (await createInvoice(ctx, { case_id: caseId })).invoice;
      expect(inv.override_reason).toMatch(/Extension agreed by phone/);
    });

    it('clinicians cannot raise invoices, and see only their caseload’s', async () => {
      const caseId = await selfPayCase();
      await therapy(caseId, '2026-10-01');
      await expect(createInvoice(as(ctx, people.clinician), { case_id: caseId })).rejects.toMatchObject({ code: 'FORBIDDEN' });
      const inv = (await createInvoice(as(ctx, people.admin), { case_id: caseId })).invoice;
      await expect(getInvoice(as(ctx, people.clinician), inv.number)).rejects.toMatchObject({ code: 'NOT_FOUND' });
      expect((await listInvoices(as(ctx, people.clinician))).invoices).toEqual([]);
    });
  });

  describe('payments', () => {
    async function threeBupaInvoices() {
      const a = await insuredCase(ada, bupa, { excess_pence: 0, per_session_limit_pence: undefined });
      const b = await insuredCase(ben, bupa, { excess_pence: 0, per_session_limit_pence: undefined });
      await therapy(a.caseId, '2026-09-10');
      const i1 = (await createInvoice(ctx, { case_id: a.caseId, issued_on: '2026-09-11' })).invoice;
      await therapy(a.caseId, '2026-09-20');
      const i2 = (await createInvoice(ctx, { case_id: a.caseId, issued_on: '2026-09-21' })).invoice;
      await therapy(b.caseId, '2026-10-01');
      const i3 = (await createInvoice(ctx, { case_id: b.caseId, issued_on: '2026-10-02' })).invoice;
      return [i1, i2, i3];
    }

    it('one remittance pays several invoices for several clients, in part and in full', async () => {
      const [i1, i2, i3] = await threeBupaInvoices();
      const p = await recordPayment(as(ctx, people.admin), {
        amount_pence: 22000,
        received_on: '2026-11-20',
        reference: 'BUPA REMIT 991',
        allocations: [
          { invoice: i1!.number, amount_pence: 9000 },
          { invoice: i2!.number, amount_pence: 9000 },
          { invoice: i3!.number, amount_pence: 4000 },
        ],
      });
      expect(p).toMatchObject({ payer_name: 'Bupa', amount_pence: 22000, unallocated_pence: 0 });
      expect(p.allocations.map((a) => a.client_name).sort()).toEqual(['Ada Example', 'Ada Example', 'Ben Example']);
      expect((await getInvoice(ctx, i1!.number)).state).toBe('paid');
      expect(await getInvoice(ctx, i3!.number)).toMatchObject({ paid_pence: 4000, outstanding_pence: 5000, state: 'overdue', days_overdue: 26 });
    });

    it('a payment larger than what is owed is refused with the difference named, writing nothing; kept as credit it is never lost and can be used later', async () => {
      const [i1] = await threeBupaInvoices();
      const e = await refusedWithoutWriting(t.store.db, () =>
        recordPayment(ctx, { amount_pence: 10000, allocations: [{ invoice: i1!.number, amount_pence: 9000 }] }),
      );
      expect((e as Error).message).toMatch(/The payment of £100.00 is £10.00 more than the £90.00 it pays on INV-000001. Nothing was recorded/);
      const p = await recordPayment(ctx, { amount_pence: 10000, allocations: [{ invoice: i1!.number, amount_pence: 9000 }], keep_credit: true });
      expect(p.unallocated_pence).toBe(1000);
      expect((await agedDebt(ctx)).credits.total).toBe(1000);
      const used = await applyCredit(ctx, p.id, { invoice: 'INV-000002' });
      expect(used.unallocated_pence).toBe(0);
      expect(await getInvoice(ctx, 'INV-000002')).toMatchObject({ outstanding_pence: 8000 });
    });

    it('bad input: more than an invoice owes, unknown invoice, negative, non-numeric, another payer’s invoice: one clear message, nothing written', async () => {
      const [i1] = await threeBupaInvoices();
      const over = await refusedWithoutWriting(t.store.db, () =>
        recordPayment(ctx, { amount_pence: 9500, allocations: [{ invoice: i1!.number, amount_pence: 9500 }] }),
      );
      expect((over as Error).message).toMatch(/£95.00 is more than the £90.00 owed on INV-000001/);
      const unknown = await refusedWithoutWriting(t.store.db, () =>
        recordPayment(ctx, { amount_pence: 100, allocations: [{ invoice: 'INV-999999', amount_pence: 100 }] }),
      );
      expect(unknown).toMatchObject({ code: 'NOT_FOUND', message: 'No invoice INV-999999.' });
      const negative = await refusedWithoutWriting(t.store.db, () => recordPayment(ctx, { amount_pence: -500, payer_org_id: bupa }));
      expect((negative as Error).message).toBe('Amount pence must be more than £0.00.');
      const text = await refusedWithoutWriting(t.store.db, () => recordPayment(ctx, { amount_pence: 'ten' as unknown as number, payer_org_id: bupa }));
      expect((text as Error).message).toMatch(/Amount pence must be a whole number of pence/);
      const other = await refusedWithoutWriting(t.store.db, () =>
        recordPayment(ctx, { amount_pence: 100, payer_org_id: axa, allocations: [{ invoice: i1!.number, amount_pence: 100 }] }),
      );
      expect((other as Error).message).toBe('INV-000001 is billed to Bupa, not AXA Health.');
    });

    it('without allocations, pays the payer’s oldest invoices first', async () => {
      const [i1, i2] = await threeBupaInvoices();
      await recordPayment(ctx, { amount_pence: 13500, payer_org_id: bupa });
      expect((await getInvoice(ctx, i1!.number)).outstanding_pence).toBe(0);
      expect((await getInvoice(ctx, i2!.number)).outstanding_pence).toBe(4500);
    });
  });

  describe('aged debt and chasing', () => {
    it('buckets by days past due per payer, holds deferred fees apart, and changes as payments arrive', async () => {
      const a = await insuredCase(ada, bupa, { excess_pence: 0, per_session_limit_pence: undefined });
      await therapy(a.caseId, '2026-09-10');
      await createInvoice(ctx, { case_id: a.caseId, issued_on: '2026-09-11' }); // due 11/10: 47 days late
      await therapy(a.caseId, '2026-11-01');
      await createInvoice(ctx, { case_id: a.caseId, issued_on: '2026-11-02' }); // due 02/12: current
      const sp = await selfPayCase();
      await therapy(sp, '2026-08-10');
      await createInvoice(ctx, { case_id: sp, issued_on: '2026-08-11' }); // due 25/08: 94 days late
      const ml = await openCase(ctx, {
        client_id: ben,
        service_line: 'medico_legal',
        funder_kind: 'solicitor',
        funder_org_id: solicitor,
        opened_on: '2026-06-01',
        medico_legal: {
          solicitor_org_id: solicitor,
          instructed_by: 'claimant',
          report_type: 'care_and_needs',
          fee_basis: 'deferred',
          instructed_on: '2026-06-01',
        },
      });
      const held = (
        await createInvoice(ctx, {
          case_id: ml.id,
          include_sessions: false,
          issued_on: '2026-07-01',
          extra_lines: [{ kind: 'fixed_fee', description: 'Care and needs report', amount_pence: 250000 }],
        })
      ).invoice;
      expect(held).toMatchObject({ deferred: true, due_on: null, state: 'deferred' });

      let debt = await agedDebt(ctx);
      const b = debt.payers.find((p) => p.payer_name === 'Bupa')!;
      expect(b).toMatchObject({ current: 9000, days_1_30: 0, days_31_60: 9000, days_90_plus: 0, total: 18000, invoices: 2 });
      expect(debt.payers.find((p) => p.payer_kind === 'self_pay')).toMatchObject({ days_90_plus: 9000, total: 9000 });
      expect(debt).toMatchObject({ total: 27000, current: 9000, days_31_60: 9000, days_90_plus: 9000 });
      expect(debt.deferred).toMatchObject({ total: 250000, invoices: 1 });
      expect(debt.by_client.map((c) => [c.client_name, c.total])).toEqual([
        ['Ada Example', 18000],
        ['Ben Example', 9000],
      ]);

      await recordPayment(ctx, { amount_pence: 9000, payer_org_id: bupa });
      debt = await agedDebt(ctx);
      expect(debt.payers.find((p) => p.payer_name === 'Bupa')).toMatchObject({ days_31_60: 0, current: 9000, total: 9000 });

      // Settlement releases the deferred fee into ordinary debt, due on the solicitor's terms.
      await moveMedicoLegalStage(ctx, ml.id, { stage: 'settled', on: '2026-11-20' });
      debt = await agedDebt(ctx);
      expect(debt.deferred.total).toBe(0);
      expect(debt.payers.find((p) => p.payer_org_id === solicitor)).toMatchObject({ current: 250000 });
      expect(await getInvoice(ctx, held.number)).toMatchObject({ due_on: '2026-12-20', deferred: false });
    });

    it('the chase ladder makes one task per level reached with the letter drafted, and closes them when paid', async () => {
      const sp = await selfPayCase();
      await therapy(sp, '2026-09-01');
      const inv = (await createInvoice(ctx, { case_id: sp, issued_on: '2026-10-01' })).invoice; // due 15/10, 43 days late
      const r = await syncChaseTasks(ctx.db, ctx);
      expect(r.created).toBe(2);
      await syncChaseTasks(ctx.db, ctx);
      const tasks = await t.store.db.selectFrom('tasks').selectAll().where('kind', '=', 'chaser').orderBy('trigger_kind').execute();
      expect(tasks.map((x) => [x.trigger_kind, x.status])).toEqual([
        ['chase_firm', 'open'],
        ['chase_reminder', 'open'],
      ]);
      expect(tasks[0]!.notes).toMatch(/INV-000001.*£90.00 is now 43 days overdue/s);
      expect(tasks[0]!.notes).not.toMatch(/interest/);
      await recordPayment(ctx, { amount_pence: 9000, allocations: [{ invoice: inv.number, amount_pence: 9000 }] });
      const after = await t.store.db.selectFrom('tasks').select('status').where('kind', '=', 'chaser').execute();
      // Closed the way every rule-made task is closed: waived by Steve, not done by anyone.
      expect(after.map((x) => x.status)).toEqual(['waived', 'waived']);
    });

    it('Bupa’s six-month invoice deadline (INS-BUPA-01) follows the oldest unbilled session and closes once invoiced', async () => {
      const { caseId } = await insuredCase();
      await therapy(caseId, '2026-09-10');
      const [task] = await t.store.db.selectFrom('tasks').selectAll().where('rule_id', '=', 'INS-BUPA-01').execute();
      expect(task).toMatchObject({ due_on: '2027-03-10', status: 'open', hardness: 'hard', trigger_on: '2026-09-10' });
      await createInvoice(ctx, { case_id: caseId });
      const [closed] = await t.store.db.selectFrom('tasks').selectAll().where('rule_id', '=', 'INS-BUPA-01').execute();
      expect(closed).toMatchObject({ status: 'waived', notes: 'Closed by Steve: the treatment has been invoiced.' });
    });

    it('credit notes and write-offs reduce what is owed, and never below zero', async () => {
      const sp = await selfPayCase();
      await therapy(sp, '2026-09-01');
      const inv = (await createInvoice(ctx, { case_id: sp, issued_on: '2026-10-01' })).invoice;
      const cn = await issueCreditNote(ctx, inv.number, { amount_pence: 2000, reason: 'Goodwill: session ran short' });
      expect(cn).toMatchObject({ number: 'CN-000001', kind: 'credit_note', total_pence: 2000 });
      await expect(writeOffInvoice(ctx, inv.number, { amount_pence: 8000, reason: 'Uncollectable' })).rejects.toMatchObject({
        message: expect.stringContaining('more than the £70.00 owed'),
      });
      await writeOffInvoice(ctx, inv.number, { reason: 'Client moved abroad' });
      expect(await getInvoice(ctx, inv.number)).toMatchObject({
        outstanding_pence: 0,
        credited_pence: 2000,
        written_off_pence: 7000,
        state: 'settled_otherwise',
      });
      await expect(voidInvoice(ctx, inv.number, { reason: 'oops' })).rejects.toMatchObject({ code: 'CONFLICT' });
    });

    it('exports invoices in Xero’s CSV layout', async () => {
      const sp = await selfPayCase();
      await addSession(ctx, { case_id: sp, on_date: '2026-10-01', duration_minutes: 60, kind: 'therapy', miles_hundredths: 1230 });
      await createInvoice(ctx, { case_id: sp, issued_on: '2026-10-02' });
      const out = await exportXero(ctx);
      const rows = out.trim().split('\r\n');
      expect(rows[0]).toBe(
        'ContactName,EmailAddress,POAddressLine1,POPostalCode,InvoiceNumber,Reference,InvoiceDate,DueDate,InventoryItemCode,Description,Quantity,UnitAmount,Discount,AccountCode,TaxType,Currency',
      );
      expect(rows[1]).toContain('INV-000001,Ben Example,02/10/2026,16/10/2026,session');
      expect(rows[2]).toContain(',12.3,0.45,,200,Exempt Income,GBP');
    });
  });

  describe('medico-legal', () => {
    it('moves through stages with their dates into the deadline engine, forward only', async () => {
      const ml = await openCase(ctx, {
        client_id: ada,
        service_line: 'medico_legal',
        clinician_id: people.clinician.id,
        funder_kind: 'solicitor',
        funder_org_id: solicitor,
        opened_on: '2026-06-01',
        medico_legal: {
          solicitor_org_id: solicitor,
          instructed_by: 'single_joint',
          claim_reference: 'FC/123',
          report_type: 'condition_and_prognosis',
          fee_basis: 'fixed',
          instructed_on: '2026-06-01',
        },
      });
      await moveMedicoLegalStage(ctx, ml.id, { stage: 'assessed', on: '2026-07-01' });
      await moveMedicoLegalStage(ctx, ml.id, { stage: 'served', on: '2026-11-02' });
      const [q] = await t.store.db.selectFrom('tasks').selectAll().where('rule_id', '=', 'ML-Q-01').execute();
      expect(q).toMatchObject({ status: 'open', trigger_on: '2026-11-02' });
      await expect(moveMedicoLegalStage(ctx, ml.id, { stage: 'records_received', on: '2026-11-03' })).rejects.toMatchObject({
        message: expect.stringContaining('forward only'),
      });
      await moveMedicoLegalStage(ctx, ml.id, { stage: 'joint_statement', on: '2026-11-20', joint_statement_due_on: '2026-12-18' });
      const js = await t.store.db.selectFrom('tasks').selectAll().where('trigger_kind', '=', 'ml_joint_statement_due').execute();
      expect(js).toHaveLength(0); // the statement is recorded as done on 20/11, so nothing is owed
      const listed = (await listMedicoLegal(as(ctx, people.clinician))).instructions;
      expect(listed.map((m) => [m.client_name, m.stage, m.assessed_on, m.report_served_on])).toEqual([
        ['Ada Example', 'joint_statement', '2026-07-01', '2026-11-02'],
      ]);
      expect((await listMedicoLegal(as(ctx, people.otherClinician))).instructions).toEqual([]);
    });

    it('a trial window in the future sets a court task', async () => {
      const ml = await openCase(ctx, {
        client_id: ada,
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
        },
      });
      await moveMedicoLegalStage(ctx, ml.id, { stage: 'served', on: '2026-09-01' });
      await moveMedicoLegalStage(ctx, ml.id, { stage: 'trial_window', on: '2027-05-10', trial_window_to: '2027-05-28' });
      const [tw] = await t.store.db.selectFrom('tasks').selectAll().where('trigger_kind', '=', 'ml_trial_window').execute();
      expect(tw).toMatchObject({ due_on: '2027-05-10', kind: 'court', status: 'open' });
    });
  });

  it('lists sessions with their invoice, hiding notes from the admin', async () => {
    const sp = await selfPayCase();
    await therapy(sp, '2026-10-01', { notes: 'Worked on kitchen tasks' });
    await createInvoice(ctx, { case_id: sp });
    const mine = await listSessions(ctx, { case_id: sp });
    expect(mine.sessions[0]).toMatchObject({ invoice_number: 'INV-000001', notes: 'Worked on kitchen tasks' });
    expect((await listSessions(as(ctx, people.admin), { case_id: sp })).sessions[0]!.notes).toBeNull();
  });

  it('session dates in the future are refused', async () => {
    const sp = await selfPayCase();
    await expect(
      addSession({ ...ctx, clock: fixedClock('2026-11-27') }, { case_id: sp, on_date: '2026-11-28', duration_minutes: 60, kind: 'therapy' }),
    ).rejects.toMatchObject({ field: 'on_date' });
  });
});
