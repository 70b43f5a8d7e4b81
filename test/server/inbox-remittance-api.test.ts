import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createInvoice } from '../../src/services/billing/create-invoice.js';
import { openCase } from '../../src/services/cases/open-case.js';
import { addClient } from '../../src/services/clients/add-client.js';
import { addOrganisation } from '../../src/services/organisations/add-organisation.js';
import { addSession } from '../../src/services/sessions/add-session.js';
import { DIALECTS } from '../support/stores.js';
import { remittanceLetter } from '../services/remittance-letter.js';
import { testApp, type TestApp } from './support.js';

const upload = (name: string, bytes: Uint8Array) => ({ files: [{ name, content_base64: Buffer.from(bytes).toString('base64') }] });

describe.each(DIALECTS)('inbox remittances and originals over HTTP on %s', (dialect) => {
  let t: TestApp;
  let invoice: { id: string; number: string; outstanding_pence: number };

  beforeEach(async () => {
    t = await testApp(dialect);
    const bupa = (await addOrganisation(t.system, { name: 'Bupa', kind: 'insurer' })).id;
    // Colin's client: Cara (another clinician) must not see her letters.
    const client = (await addClient(t.system, { name: 'Ada Example', dob: '1980-02-03', lead_clinician_id: t.ids.other })).id;
    const c = await openCase(t.system, {
      client_id: client,
      service_line: 'adult_neuro',
      funder_org_id: bupa,
      clinician_id: t.ids.other,
      opened_on: '2026-08-20',
      authorisation: {
        insurer_org_id: bupa,
        membership_number: 'MEM1234567',
        authorisation_code: 'AUTH-77',
        sessions_authorised: 6,
        valid_from: '2026-09-01',
        valid_until: '2026-12-20',
      },
    });
    await addSession(t.system, { case_id: c.id, on_date: '2026-09-10', duration_minutes: 60, kind: 'therapy' });
    invoice = (await createInvoice(t.system, { case_id: c.id, issued_on: '2026-09-11' })).invoice;
  });
  afterEach(async () => t?.close());

  it('a remittance is listed with what it pays against which invoice; accepting records the payment once', async () => {
    const admin = await t.signIn('admin');
    const imp = await t.call(
      admin,
      'POST',
      '/api/inbox',
      upload('remit.txt', remittanceLetter([{ member: 'Ada Example', invoice: invoice.number, paid: invoice.outstanding_pence }])),
    );
    expect(imp.statusCode).toBe(201);
    const proposal = (await t.call(admin, 'GET', '/api/inbox')).json()[0].proposals[0];
    expect(proposal).toMatchObject({
      kind: 'payment',
      payload: {
        payer_name: 'Bupa',
        credit_pence: 0,
        allocations: [{ number: invoice.number, amount_pence: invoice.outstanding_pence, client_name: 'Ada Example' }],
      },
    });
    const clinician = await t.signIn('other');
    expect((await t.call(clinician, 'POST', `/api/inbox/proposals/${proposal.id}/accept`, {})).statusCode).toBe(403);
    expect((await t.call(admin, 'POST', `/api/inbox/proposals/${proposal.id}/accept`, {})).statusCode).toBe(200);
    expect((await t.call(admin, 'POST', `/api/inbox/proposals/${proposal.id}/accept`, {})).statusCode).toBe(400);
    const inv = await t.store.db.selectFrom('invoices').selectAll().where('id', '=', invoice.id).executeTakeFirstOrThrow();
    expect(Number(inv.outstanding_pence)).toBe(0);
    expect(await t.store.db.selectFrom('payments').selectAll().execute()).toHaveLength(1);
  });

  it('GET /api/inbox/:id/original returns the stored bytes as an attachment with a safe name, audited, and hidden from a clinician outside the caseload', async () => {
    const owner = await t.signIn('owner');
    const letter = Buffer.from(
      'Date: 20 November 2026\n\nDear Therapist\n\nPatient: Ada Example DOB 03/02/1980\n\nPlease send a progress update by Friday 11 December 2026.\n\nYours sincerely\n\nDr A Hale\nHollow Lane Medical Practice\n',
    );
    const [imp] = (await t.call(owner, 'POST', '/api/inbox', upload('Ada "progress" é\r\nx.txt', letter))).json();
    expect(imp).toMatchObject({ status: 'imported', match: 'name and date of birth' });
    const res = await t.call(owner, 'GET', `/api/inbox/${imp.item_id}/original`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(res.headers['content-disposition']).toBe('attachment; filename="Ada _progress_ e_x.txt"');
    expect(res.rawPayload.equals(letter)).toBe(true);
    const audit = await t.store.db.selectFrom('audit_events').selectAll().where('entity', '=', 'inbox_item').where('action', '=', 'read').execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ entity_id: imp.item_id, user_id: t.ids.owner });
    expect((await t.call(await t.signIn('clinician'), 'GET', `/api/inbox/${imp.item_id}/original`)).statusCode).toBe(404);
    expect((await t.call(await t.signIn('other'), 'GET', `/api/inbox/${imp.item_id}/original`)).statusCode).toBe(200);
    expect((await t.call(null, 'GET', `/api/inbox/${imp.item_id}/original`)).statusCode).toBe(401);
  });

  it('a clinician sees neither a remittance (other clients’ invoices) nor another caseload’s post in the inbox, and cannot download them', async () => {
    const admin = await t.signIn('admin');
    const [remit] = (
      await t.call(admin, 'POST', '/api/inbox', upload('remit.txt', remittanceLetter([{ member: 'Ada Example', invoice: invoice.number, paid: 1000 }])))
    ).json();
    const letter = Buffer.from(
      'Date: 20 November 2026\n\nDear Therapist\n\nPatient: Ada Example DOB 03/02/1980\n\nPlease send a progress update by Friday 11 December 2026.\n\nYours sincerely\n\nDr A Hale\nHollow Lane Medical Practice\n',
    );
    const [theirs] = (await t.call(admin, 'POST', '/api/inbox', upload('gp.txt', letter))).json();
    expect((await t.call(admin, 'GET', '/api/inbox?status=all')).json()).toHaveLength(2);
    const cara = await t.signIn('clinician');
    expect((await t.call(cara, 'GET', '/api/inbox?status=all')).json()).toEqual([]);
    expect((await t.call(cara, 'GET', `/api/inbox/${remit.item_id}/original`)).statusCode).toBe(404);
    expect((await t.call(cara, 'GET', `/api/inbox/${theirs.item_id}/original`)).statusCode).toBe(404);
    // Ada's own clinician sees the post about her.
    const colin = await t.signIn('other');
    expect((await t.call(colin, 'GET', '/api/inbox?status=all')).json().map((i: { id: string }) => i.id)).toContain(theirs.item_id);
  });
});
