import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openCase } from '../../src/services/cases/open-case.js';
import { addClient } from '../../src/services/clients/add-client.js';
import { addOrganisation } from '../../src/services/organisations/add-organisation.js';
import { DIALECTS } from '../support/stores.js';
import { email } from '../triage/support.js';
import { testApp, type TestApp } from './support.js';

const invitation = email(
  {
    From: 'SENCo <senco@brookside.sch.test>',
    To: 'office@practice.test',
    Subject: 'Annual review invitation - Ada Testchild',
    Date: 'Mon, 23 Nov 2026 09:00:00 +0000',
    'Message-ID': '<ar-api@brookside.sch.test>',
  },
  `Dear Therapist,\n\nPupil: Ada Testchild   DOB: 02/04/2016\n\nYou are invited to Ada's annual review meeting on Tuesday 19 January 2027 at 1.30pm.\nPlease send your written report at least two weeks before the meeting.\n\nKind regards\n\nJo Reed\nSENCo\nBrookside Primary School\n`,
);
const upload = (name: string, bytes: Uint8Array) => ({ files: [{ name, content_base64: Buffer.from(bytes).toString('base64') }] });

describe.each(DIALECTS)('inbox API on %s', (dialect) => {
  let t: TestApp;
  let caseId: string;
  beforeEach(async () => {
    t = await testApp(dialect);
    const laId = (await addOrganisation(t.system, { name: 'Northshire County Council', kind: 'local_authority' })).id;
    const clientId = (await addClient(t.system, { name: 'Ada Testchild', dob: '2016-04-02' })).id;
    caseId = (
      await openCase(t.system, {
        client_id: clientId,
        service_line: 'paediatric',
        jurisdiction: 'england',
        ehcp: { la_org_id: laId, la_reference: 'NS/EHCP/0042', plan_issued_on: '2026-03-10' },
      })
    ).id;
  });
  afterEach(async () => t?.close());

  it('POST /api/triage reads files without storing them, one error per bad file', async () => {
    const owner = await t.signIn('owner');
    const res = await t.call(owner, 'POST', '/api/triage', { files: [...upload('a.eml', invitation).files, { name: 'empty.eml', content_base64: '' }] });
    expect(res.statusCode).toBe(200);
    expect(res.json()[0]).toMatchObject({ file: 'a.eml', category: 'ehcp_annual_review' });
    expect(res.json()[1]).toMatchObject({ file: 'empty.eml', error: expect.stringMatching(/empty/) });
    expect((await t.store.db.selectFrom('inbox_items').selectAll().execute()).length).toBe(0);
  });

  it('import, list and accept: the meeting and the contribution deadline reach the EHCP timeline', async () => {
    const clinician = await t.signIn('owner');
    const imp = await t.call(clinician, 'POST', '/api/inbox', upload('invite.eml', invitation));
    expect(imp.statusCode).toBe(201);
    expect(imp.json()[0]).toMatchObject({ status: 'imported', match: 'name and date of birth' });
    const again = await t.call(clinician, 'POST', '/api/inbox', upload('invite.eml', invitation));
    expect(again.json()[0].status).toBe('duplicate');
    const list = await t.call(clinician, 'GET', '/api/inbox');
    const proposal = list.json()[0].proposals[0];
    const acc = await t.call(clinician, 'POST', `/api/inbox/proposals/${proposal.id}/accept`, {});
    expect(acc.statusCode).toBe(200);
    expect(acc.json().status).toBe('accepted');
    const timeline = await t.call(clinician, 'GET', `/api/ehcp/${caseId}`);
    expect(timeline.body).toContain('2027-01-19');
    expect(timeline.body).toContain('2027-01-05');
    expect((await t.call(clinician, 'GET', '/api/inbox')).json()).toEqual([]);
  });

  it('refuses a user without a session and rejects a proposal without changing anything else', async () => {
    expect((await t.call(null, 'GET', '/api/inbox')).statusCode).toBe(401);
    const admin = await t.signIn('admin');
    await t.call(admin, 'POST', '/api/inbox', upload('invite.eml', invitation));
    const proposal = (await t.call(admin, 'GET', '/api/inbox')).json()[0].proposals[0];
    const rej = await t.call(admin, 'POST', `/api/inbox/proposals/${proposal.id}/reject`, { reason: 'already diarised' });
    expect(rej.json().status).toBe('rejected');
    const plan = await t.store.db.selectFrom('ehcp_plans').selectAll().where('case_id', '=', caseId).executeTakeFirstOrThrow();
    expect(plan.next_review_meeting_on).toBeNull();
  });
});
