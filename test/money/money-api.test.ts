import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openCase } from '../../src/services/cases/open-case.js';
import { addClient } from '../../src/services/clients/add-client.js';
import { addOrganisation } from '../../src/services/organisations/add-organisation.js';
import { testApp, type TestApp } from '../server/support.js';
import { DIALECTS } from '../support/stores.js';

describe.each(DIALECTS)('money API on %s', (dialect) => {
  let t: TestApp;
  let caseId: string;
  let bupa: string;

  beforeEach(async () => {
    t = await testApp(dialect);
    bupa = (await addOrganisation(t.system, { name: 'Bupa', kind: 'insurer' })).id;
    const client = await addClient(t.system, { name: 'Ada Example', dob: '1980-02-03', lead_clinician_id: t.ids.clinician });
    caseId = (
      await openCase(t.system, {
        client_id: client.id,
        service_line: 'adult_neuro',
        funder_org_id: bupa,
        clinician_id: t.ids.clinician,
        opened_on: '2026-09-01',
        authorisation: {
          insurer_org_id: bupa,
          authorisation_code: 'AUTH-1',
          membership_number: 'M1',
          sessions_authorised: 2,
          valid_from: '2026-09-01',
          valid_until: '2026-12-31',
        },
      })
    ).id;
  });
  afterEach(async () => t?.close());

  it('main flow: a clinician records sessions, the admin invoices the insurer, records a remittance, and aged debt changes', async () => {
    const cara = await t.signIn('clinician');
    const admin = await t.signIn('admin');
    for (const on of ['2026-10-01', '2026-10-08']) {
      const r = await t.call(cara, 'POST', '/api/sessions', { case_id: caseId, on_date: on, duration_minutes: 60, kind: 'therapy' });
      expect(r.statusCode).toBe(201);
    }
    const third = await t.call(cara, 'POST', '/api/sessions', { case_id: caseId, on_date: '2026-10-15', duration_minutes: 60, kind: 'therapy' });
    expect(third.statusCode).toBe(400);
    expect(third.json().error.message).toMatch(/All 2 sessions of authorisation AUTH-1 have been used/);

    const auths = (await t.call(cara, 'GET', `/api/authorisations?case_id=${caseId}`)).json().authorisations;
    expect(auths[0]).toMatchObject({ sessions_authorised: 2, sessions_used: 2, sessions_left: 0, valid_until: '2026-12-31' });

    expect((await t.call(cara, 'POST', '/api/invoices', { case_id: caseId })).statusCode).toBe(403);
    const inv = await t.call(admin, 'POST', '/api/invoices', { case_id: caseId, issued_on: '2026-10-09' });
    expect(inv.statusCode).toBe(201);
    const number = inv.json().invoice.number;
    expect(inv.json().invoice).toMatchObject({
      payer_name: 'Bupa',
      total_pence: 18000,
      authorisation_code: 'AUTH-1',
      membership_number: 'M1',
      client_dob: '1980-02-03',
      due_on: '2026-11-08',
    });

    let debt = (await t.call(admin, 'GET', '/api/debt')).json();
    expect(debt.payers[0]).toMatchObject({ payer_name: 'Bupa', days_1_30: 18000, total: 18000 });
    expect((await t.call(cara, 'GET', '/api/debt')).statusCode).toBe(403);

    const pay = await t.call(admin, 'POST', '/api/payments', {
      amount_pence: 18000,
      received_on: '2026-11-20',
      reference: 'BUPA 1',
      allocations: [{ invoice: number, amount_pence: 18000 }],
    });
    expect(pay.statusCode).toBe(201);
    debt = (await t.call(admin, 'GET', '/api/debt')).json();
    expect(debt).toMatchObject({ total: 0, payers: [] });
    expect((await t.call(cara, 'GET', `/api/invoices/${number}`)).json().state).toBe('paid');
    expect((await t.call(await t.signIn('other'), 'GET', `/api/invoices/${number}`)).statusCode).toBe(404);
  });

  it('bad input gets one clear message: negative amount, unknown invoice, non-numeric amount', async () => {
    const admin = await t.signIn('admin');
    const neg = await t.call(admin, 'POST', '/api/payments', { amount_pence: -1, payer_org_id: bupa });
    expect(neg.statusCode).toBe(400);
    const unknown = await t.call(admin, 'POST', '/api/payments', { amount_pence: 100, allocations: [{ invoice: 'INV-424242', amount_pence: 100 }] });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.message).toBe('No invoice INV-424242.');
    const text = await t.call(admin, 'POST', '/api/payments', { amount_pence: 'lots', payer_org_id: bupa });
    expect(text.statusCode).toBe(400);
    expect((await t.call(admin, 'GET', '/api/invoices/INV-999')).statusCode).toBe(404);
  });

  it('exports Xero CSV to the admin', async () => {
    const admin = await t.signIn('admin');
    const r = await t.call(admin, 'GET', '/api/invoices/export?format=xero');
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toMatch(/text\/csv/);
    expect(r.body.split('\r\n')[0]).toMatch(/^ContactName,EmailAddress/);
  });
});
