import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addClient } from '../../src/services/clients/add-client.js';
import { DIALECTS } from '../support/stores.js';
import { email } from '../triage/support.js';
import { testApp, type TestApp } from './support.js';

const letter = email(
  {
    From: 'Parent <parent@example.com>',
    To: 'office@practice.test',
    Subject: 'Session',
    Date: 'Mon, 02 Nov 2026 09:00:00 +0000',
    'Message-ID': '<api-1@example.com>',
  },
  "Hi,\n\nCould we move Ada's session to Friday 4 December 2026 please? She has a school trip.\n\nThanks",
);
const upload = (name: string, bytes: Uint8Array) => ({ files: [{ name, content_base64: Buffer.from(bytes).toString('base64') }] });

describe.each(DIALECTS)('inbox corrections over HTTP on %s', (dialect) => {
  let t: TestApp;
  let clientId: string;
  beforeEach(async () => {
    t = await testApp(dialect);
    clientId = (await addClient(t.system, { name: 'Ada Testchild', dob: '2016-04-02' })).id;
  });
  afterEach(async () => t?.close());

  it('the list carries confidences; POST /api/inbox/:id/correct links the client and changes the category; GET …/letter shows the text', async () => {
    const owner = await t.signIn('owner');
    const [imp] = (await t.call(owner, 'POST', '/api/inbox', upload('move.eml', letter))).json();
    const [item] = (await t.call(owner, 'GET', '/api/inbox')).json();
    expect(item.confidence.category).toMatchObject({ score: expect.any(Number), evidence: expect.any(String), check: expect.any(Boolean) });
    expect(item.proposals[0].confidence).toMatchObject({ evidence: 'date written in the letter', check: false });
    expect(item.case_has_plan).toBe(false);

    const res = await t.call(owner, 'POST', `/api/inbox/${imp.item_id}/correct`, { category: 'appointment_change', client_id: clientId });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ client_id: clientId, client_name: 'Ada Testchild', match: 'linked by a person' });

    const bad = await t.call(owner, 'POST', `/api/inbox/${imp.item_id}/correct`, { category: 'nonsense' });
    expect(bad.statusCode).toBe(400);
    expect((await t.call(owner, 'POST', '/api/inbox/nope/correct', { category: 'other' })).statusCode).toBe(404);

    const read = await t.call(owner, 'GET', `/api/inbox/${imp.item_id}/letter`);
    expect(read.statusCode).toBe(200);
    expect(read.json()).toMatchObject({ subject: 'Session', from: 'Parent <parent@example.com>', text: expect.stringContaining('school trip') });

    const rej = await t.call(owner, 'POST', `/api/inbox/proposals/${item.proposals[0].id}/reject`, { reason: 'not ours', not_ours: true });
    expect(rej.statusCode).toBe(200);
    expect((await t.store.db.selectFrom('triage_corrections').select('field').execute()).map((r) => r.field).sort()).toEqual(['client', 'date']);
    expect((await t.call(null, 'GET', `/api/inbox/${imp.item_id}/letter`)).statusCode).toBe(401);
  });

  it('a clinician cannot read or correct a letter about a client outside their caseload', async () => {
    const owner = await t.signIn('owner');
    const clinician = await t.signIn('clinician');
    const [imp] = (await t.call(owner, 'POST', '/api/inbox', upload('move.eml', letter))).json();
    await t.call(owner, 'POST', `/api/inbox/${imp.item_id}/correct`, { client_id: clientId });
    expect((await t.call(clinician, 'GET', `/api/inbox/${imp.item_id}/letter`)).statusCode).toBe(404);
    expect((await t.call(clinician, 'POST', `/api/inbox/${imp.item_id}/correct`, { category: 'other' })).statusCode).toBe(404);
  });
});
