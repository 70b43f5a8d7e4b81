import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addOrganisation } from '../../src/services/organisations/add-organisation.js';
import { addReferralSource } from '../../src/services/referrals/add-referral-source.js';
import { testApp, type TestApp } from '../server/support.js';
import { DIALECTS } from '../support/stores.js';

describe.each(DIALECTS)('referral network over HTTP on %s', (dialect) => {
  let t: TestApp;
  let gpId: string;

  beforeEach(async () => {
    t = await testApp(dialect);
    const org = await addOrganisation(t.system, { name: 'Millbrook Surgery', kind: 'gp_practice' });
    gpId = (await addReferralSource(t.system, { name: 'Millbrook Surgery', kind: 'gp', organisation_id: org.id })).id;
  });
  afterEach(async () => t?.close());

  const referral = (over: Record<string, unknown> = {}) => ({
    source_id: gpId,
    received_on: '2026-11-26',
    client: { name: 'Ada Testchild', dob: '2016-04-02' },
    service_line: 'paediatric',
    urgency: 'routine',
    ...over,
  });

  it('the admin records a referral; the acknowledgement task is on Today; the owner accepts and the case opens', async () => {
    const ada = await t.signIn('admin');
    const made = await t.call(ada, 'POST', '/api/referrals', referral());
    expect(made.statusCode).toBe(201);
    const r = made.json();
    expect(r).toMatchObject({ status: 'pending', ack_due_on: '2026-11-30', source_name: 'Millbrook Surgery' });
    const tasks = (await t.call(ada, 'GET', '/api/tasks')).json().tasks;
    expect(tasks.find((x: { rule_id: string }) => x.rule_id === 'REF-ACK')).toMatchObject({ due_on: '2026-11-30', client_id: r.client_id });

    expect((await t.call(ada, 'POST', `/api/referrals/${r.id}/accept`, {})).statusCode).toBe(403);
    const owner = await t.signIn('owner');
    const accepted = await t.call(owner, 'POST', `/api/referrals/${r.id}/accept`, { clinician_id: t.ids.clinician });
    expect(accepted.statusCode).toBe(200);
    expect(accepted.json()).toMatchObject({ status: 'accepted', case: { status: 'open', service_line: 'paediatric' } });
    const cara = await t.signIn('clinician');
    const caseView = await t.call(cara, 'GET', `/api/cases/${accepted.json().case_id}`);
    expect(caseView.statusCode).toBe(200);
  });

  it('bad input: a future date and an unknown source are 400s naming the field; a repeat is a 409; nothing is written twice', async () => {
    const owner = await t.signIn('owner');
    const future = await t.call(owner, 'POST', '/api/referrals', referral({ received_on: '2026-11-28' }));
    expect(future.statusCode).toBe(400);
    expect(future.json().error.field).toBe('received_on');
    const unknown = await t.call(owner, 'POST', '/api/referrals', referral({ source_id: 'nope' }));
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.field).toBe('source_id');
    expect((await t.call(owner, 'POST', '/api/referrals', referral())).statusCode).toBe(201);
    const again = await t.call(owner, 'POST', '/api/referrals', referral());
    expect(again.statusCode).toBe(409);
    expect((await t.call(owner, 'GET', '/api/referrals')).json().referrals).toHaveLength(1);
    expect(await t.system.db.selectFrom('clients').select('id').execute()).toHaveLength(1);
  });

  it('declining without a reason is a 400; with one, the decline-letter task appears on the referral', async () => {
    const owner = await t.signIn('owner');
    const r = (await t.call(owner, 'POST', '/api/referrals', referral())).json();
    expect((await t.call(owner, 'POST', `/api/referrals/${r.id}/decline`, {})).statusCode).toBe(400);
    const d = await t.call(owner, 'POST', `/api/referrals/${r.id}/decline`, { reason: 'Outside our catchment' });
    expect(d.json().tasks.map((x: { rule_id: string; status: string }) => [x.rule_id, x.status])).toEqual([
      ['REF-ACK', 'waived'],
      ['REF-DECLINE', 'open'],
    ]);
  });

  it('referrer analytics are for owner and admin; every role may see the dormant list', async () => {
    const owner = await t.signIn('owner');
    await t.call(owner, 'POST', '/api/referrals', referral());
    const a = await t.call(owner, 'GET', '/api/referrers?date=2026-11-27');
    expect(a.statusCode).toBe(200);
    expect(a.json().referrers[0]).toMatchObject({ name: 'Millbrook Surgery', referrals: 1, conversion: 0, last_referral: '2026-11-26', dormant: false });
    const cara = await t.signIn('clinician');
    expect((await t.call(cara, 'GET', '/api/referrers')).statusCode).toBe(403);
    const dormant = await t.call(cara, 'GET', '/api/referrers/dormant');
    expect(dormant.statusCode).toBe(200);
    expect(dormant.json()).toEqual({ sources: [] });
    expect((await t.call(owner, 'GET', '/api/referrers?date=2026-02-30')).statusCode).toBe(400);
  });

  it('sources: add, list and a duplicate name is a 409', async () => {
    const ada = await t.signIn('admin');
    const added = await t.call(ada, 'POST', '/api/referral-sources', { name: 'Northgate Case Management', kind: 'case_manager', expects: 'monthly updates' });
    expect(added.statusCode).toBe(201);
    expect(added.json()).toMatchObject({ consent_party: null, ack_working_days: 2 });
    expect((await t.call(ada, 'POST', '/api/referral-sources', { name: 'NORTHGATE case management', kind: 'case_manager' })).statusCode).toBe(409);
    const patched = await t.call(ada, 'PATCH', `/api/referral-sources/${added.json().id}`, { ack_working_days: 1 });
    expect(patched.json().ack_working_days).toBe(1);
    expect((await t.call(ada, 'GET', '/api/referral-sources')).json().sources).toHaveLength(2);
  });
});
