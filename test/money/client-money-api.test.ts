/**
 * GET /api/clients/:id/money — the client's money tab: invoices across all their cases, what
 * the client owes personally (member's share and self-pay) apart from what payers owe, the
 * credit they hold, authorisations per case and sessions not yet billed; who may see it.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openCase } from '../../src/services/cases/open-case.js';
import { addClient } from '../../src/services/clients/add-client.js';
import { addOrganisation } from '../../src/services/organisations/add-organisation.js';
import { testApp, type TestApp } from '../server/support.js';
import { DIALECTS } from '../support/stores.js';

describe.each(DIALECTS)('a client’s money on %s', (dialect) => {
  let t: TestApp;
  let clientId: string;
  let insuredCase: string;
  let privateCase: string;

  beforeEach(async () => {
    t = await testApp(dialect);
    const bupa = (await addOrganisation(t.system, { name: 'Bupa', kind: 'insurer' })).id;
    clientId = (await addClient(t.system, { name: 'Ada Example', dob: '1980-02-03', lead_clinician_id: t.ids.clinician })).id;
    insuredCase = (
      await openCase(t.system, {
        client_id: clientId,
        service_line: 'adult_neuro',
        funder_org_id: bupa,
        clinician_id: t.ids.clinician,
        opened_on: '2026-09-01',
        authorisation: {
          insurer_org_id: bupa,
          authorisation_code: 'AUTH-7',
          membership_number: 'M7',
          sessions_authorised: 3,
          valid_from: '2026-09-01',
          valid_until: '2026-12-31',
          excess_pence: 2500,
        },
      })
    ).id;
    privateCase = (await openCase(t.system, { client_id: clientId, service_line: 'paediatric', clinician_id: t.ids.clinician, opened_on: '2026-09-15' })).id;
  });
  afterEach(async () => t?.close());

  async function seed() {
    const cara = await t.signIn('clinician');
    const admin = await t.signIn('admin');
    for (const on of ['2026-10-01', '2026-10-08'])
      expect(
        (await t.call(cara, 'POST', '/api/sessions', { case_id: insuredCase, on_date: on, duration_minutes: 60, kind: 'therapy', fee_pence: 9000 })).statusCode,
      ).toBe(201);
    const insured = await t.call(admin, 'POST', '/api/invoices', { case_id: insuredCase, issued_on: '2026-10-09' });
    expect(insured.statusCode).toBe(201);
    // The third and last authorised session, after the invoice: not billed yet.
    expect(
      (await t.call(cara, 'POST', '/api/sessions', { case_id: insuredCase, on_date: '2026-11-20', duration_minutes: 60, kind: 'therapy', fee_pence: 9000 }))
        .statusCode,
    ).toBe(201);
    expect(
      (await t.call(cara, 'POST', '/api/sessions', { case_id: privateCase, on_date: '2026-11-02', duration_minutes: 60, kind: 'assessment', fee_pence: 12000 }))
        .statusCode,
    ).toBe(201);
    // Self-pay terms are 14 days: due 04/12/2026, not yet overdue.
    const own = await t.call(admin, 'POST', '/api/invoices', { case_id: privateCase, issued_on: '2026-11-20' });
    expect(own.statusCode).toBe(201);
    // £100 from the client: £50 towards their own invoice, £50 kept as their credit.
    const pay = await t.call(admin, 'POST', '/api/payments', {
      amount_pence: 10000,
      client_id: clientId,
      allocations: [{ invoice: own.json().invoice.number, amount_pence: 5000 }],
      keep_credit: true,
      received_on: '2026-11-21',
    });
    expect(pay.statusCode).toBe(201);
    return { insured: insured.json(), own: own.json().invoice, admin, cara };
  }

  it('splits what the client owes (excess and self-pay) from what the insurer owes, with credit, authorisation use and unbilled sessions per case', async () => {
    const { insured, own, admin } = await seed();
    const r = await t.call(admin, 'GET', `/api/clients/${clientId}/money`);
    expect(r.statusCode).toBe(200);
    const m = r.json();
    const share = insured.client_share;
    expect(share).not.toBeNull();
    expect(share.total_pence).toBeGreaterThanOrEqual(2500);
    expect(m.invoices.map((i: { number: string }) => i.number).sort()).toEqual([insured.invoice.number, share.number, own.number].sort());
    const byNumber = Object.fromEntries(m.invoices.map((i: { number: string; share: string }) => [i.number, i.share]));
    expect(byNumber).toEqual({ [insured.invoice.number]: 'payer', [share.number]: 'member_share', [own.number]: 'self_pay' });

    expect(m.owed_by_client).toEqual({
      total: share.total_pence + own.total_pence - 5000,
      overdue: share.total_pence,
      invoices: 2,
      member_share: share.total_pence,
      self_pay: own.total_pence - 5000,
    });
    // Issued 09/10/2026 on 30 days' terms: due 08/11/2026, so overdue on 27/11/2026.
    expect(m.owed_by_payers).toMatchObject({ total: insured.invoice.total_pence, overdue: insured.invoice.total_pence, deferred: 0, invoices: 1 });
    expect(m.owed_by_payers.payers).toEqual([
      expect.objectContaining({ payer_name: 'Bupa', payer_kind: 'insurer', total: insured.invoice.total_pence, invoices: 1 }),
    ]);
    expect(m.credits).toMatchObject({ total: 5000, payments: [{ amount_pence: 10000, unallocated_pence: 5000, received_on: '2026-11-21' }] });

    const insuredRow = m.cases.find((c: { case_id: string }) => c.case_id === insuredCase);
    const privateRow = m.cases.find((c: { case_id: string }) => c.case_id === privateCase);
    expect(insuredRow).toMatchObject({
      unbilled_sessions: 1,
      first_unbilled_on: '2026-11-20',
      funder_name: 'Bupa',
      outstanding_pence: insured.invoice.total_pence + share.total_pence,
    });
    expect(insuredRow.authorisations).toEqual([
      expect.objectContaining({ authorisation_code: 'AUTH-7', sessions_authorised: 3, sessions_used: 3, sessions_left: 0 }),
    ]);
    expect(insuredRow.authorisations[0].warnings.length).toBeGreaterThan(0);
    expect(privateRow).toMatchObject({ unbilled_sessions: 0, first_unbilled_on: null, authorisations: [], outstanding_pence: own.total_pence - 5000 });
  });

  it('an invoice settled by payment and credit note adds nothing to what the client owes', async () => {
    const { own, admin } = await seed();
    expect(
      (await t.call(admin, 'POST', `/api/invoices/${own.number}/credit-notes`, { amount_pence: own.total_pence - 5000, reason: 'Goodwill' })).statusCode,
    ).toBe(201);
    const m = (await t.call(admin, 'GET', `/api/clients/${clientId}/money`)).json();
    expect(m.owed_by_client.self_pay).toBe(0);
    expect(m.invoices.find((i: { number: string }) => i.number === own.number)).toMatchObject({ outstanding_pence: 0, state: 'paid' });
    expect(m.invoices.some((i: { kind: string }) => i.kind === 'credit_note')).toBe(true);
  });

  it('owner, admin and the client’s clinician see it (credits only for owner and admin); another clinician and an unknown client get 404; no session 401', async () => {
    await seed();
    const url = `/api/clients/${clientId}/money`;
    expect((await t.call(await t.signIn('owner'), 'GET', url)).json().credits.total).toBe(5000);
    const asCara = await t.call(await t.signIn('clinician'), 'GET', url);
    expect(asCara.statusCode).toBe(200);
    expect(asCara.json().credits).toBeNull();
    expect(asCara.json().invoices).toHaveLength(3);
    const asColin = await t.call(await t.signIn('other'), 'GET', url);
    expect(asColin.statusCode).toBe(404);
    expect(asColin.json().error.message).toBe(`No client with id ${clientId}.`);
    expect((await t.call(await t.signIn('admin'), 'GET', '/api/clients/0190a0a0-0000-7000-8000-000000000000/money')).statusCode).toBe(404);
    expect((await t.call(null, 'GET', url)).statusCode).toBe(401);
  });
});
