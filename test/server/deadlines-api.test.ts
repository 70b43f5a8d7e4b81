import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openCase } from '../../src/services/cases/open-case.js';
import { addClient } from '../../src/services/clients/add-client.js';
import { addOrganisation } from '../../src/services/organisations/add-organisation.js';
import { LOG_SERIALIZERS } from '../../src/server/app.js';
import { DIALECTS } from '../support/stores.js';
import { testApp, type TestApp } from './support.js';

describe.each(DIALECTS)('deadline engine over HTTP on %s', (dialect) => {
  let t: TestApp;
  let caseId: string;

  beforeEach(async () => {
    t = await testApp(dialect);
    const la = await addOrganisation(t.system, { name: 'Northshire County Council', kind: 'local_authority' });
    const client = await addClient(t.system, { name: 'Ada Testchild', dob: '2016-04-02', lead_clinician_id: t.ids.clinician });
    caseId = (
      await openCase(t.system, {
        client_id: client.id,
        service_line: 'paediatric',
        clinician_id: t.ids.clinician,
        ehcp: { la_org_id: la.id, plan_issued_on: '2026-03-10' },
      })
    ).id;
  });
  afterEach(async () => t?.close());

  it('a clinician moves a review meeting and the contribution deadline moves on the register and timeline', async () => {
    const cara = await t.signIn('clinician');
    const set = await t.call(cara, 'POST', `/api/ehcp/${caseId}/events`, { kind: 'review_meeting_set', on: '2026-11-20', meeting_on: '2027-01-20' });
    expect(set.statusCode).toBe(201);
    const moved = await t.call(cara, 'POST', `/api/ehcp/${caseId}/events`, { kind: 'review_meeting_moved', on: '2026-11-26', meeting_on: '2027-02-03' });
    expect(moved.json()).toMatchObject({ deadlines: { moved: 1, created: 0 } });
    const timeline = (await t.call(cara, 'GET', `/api/ehcp/${caseId}`)).json();
    const ar04 = timeline.deadlines.filter((d: { rule_id: string }) => d.rule_id === 'EHCP-AR-04');
    expect(ar04).toHaveLength(1);
    expect(ar04[0]).toMatchObject({ due_on: '2027-01-20', status: 'open' });
    expect(timeline.follow_on.map((f: { rule: string }) => f.rule)).toEqual(['EHCP-AR-05', 'EHCP-AR-06']);
    const register = (await t.call(cara, 'GET', '/api/ehcp')).json();
    expect(register.children[0]).toMatchObject({ client_name: 'Ada Testchild', next_review_meeting_on: '2027-02-03', modelled: true });
  });

  it('a meeting before its invitation is a 400 naming the field; another clinician gets 404; admin gets 403', async () => {
    const cara = await t.signIn('clinician');
    const bad = await t.call(cara, 'POST', `/api/ehcp/${caseId}/events`, { kind: 'review_meeting_set', on: '2026-11-20', meeting_on: '2026-11-01' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.field).toBe('meeting_on');
    const colin = await t.signIn('other');
    expect((await t.call(colin, 'GET', `/api/ehcp/${caseId}`)).statusCode).toBe(404);
    const ada = await t.signIn('admin');
    expect((await t.call(ada, 'GET', '/api/ehcp')).statusCode).toBe(403);
  });

  it('GET /api/rules/EHCP-ADV-01/due computes from the trigger, and an unknown rule is a 400', async () => {
    const owner = await t.signIn('owner');
    const r = await t.call(owner, 'GET', '/api/rules/EHCP-ADV-01/due?from=2027-01-11');
    expect(r.json()).toMatchObject({ rule: 'EHCP-ADV-01', due: '2027-02-22' });
    expect((await t.call(owner, 'GET', '/api/rules/NOPE-01/due?from=2027-01-11')).statusCode).toBe(400);
    expect((await t.call(owner, 'GET', '/api/rules/EHCP-ADV-01/due?from=2027-02-30')).statusCode).toBe(400);
  });

  it('the calendar feed lives at a secret address that works without a session and stops when revoked', async () => {
    const cara = await t.signIn('clinician');
    const issued = await t.call(cara, 'POST', '/api/auth/calendar');
    expect(issued.statusCode).toBe(201);
    const { path } = issued.json();
    const feed = await t.call(null, 'GET', path);
    expect(feed.statusCode).toBe(200);
    expect(feed.headers['content-type']).toContain('text/calendar');
    expect(feed.body).toContain('BEGIN:VCALENDAR');
    expect(feed.body).toContain('Ada Testchild');
    expect((await t.call(cara, 'DELETE', '/api/auth/calendar')).statusCode).toBe(204);
    expect((await t.call(null, 'GET', path)).statusCode).toBe(404);
  });

  it('the owner keeps the compliance register; a clinician may not', async () => {
    const owner = await t.signIn('owner');
    const added = await t.call(owner, 'POST', '/api/compliance', { rule_id: 'COMP-HCPC-01', last_done_on: '2025-10-15', user_id: t.ids.clinician });
    expect(added.statusCode).toBe(201);
    const list = (await t.call(owner, 'GET', '/api/compliance')).json();
    expect(list.items[0]).toMatchObject({ rule_id: 'COMP-HCPC-01', next_due: '2027-10-31', holder_name: 'Cara Clinician' });
    const cara = await t.signIn('clinician');
    expect((await t.call(cara, 'GET', '/api/compliance')).statusCode).toBe(403);
  });
});

describe('request logs', () => {
  it('never carry a calendar feed token (the path is the secret) or a query string', () => {
    expect(LOG_SERIALIZERS.req({ id: '1', method: 'GET', url: '/api/calendar/AbCdEf0123456789_secret-token.ics' }).path).toBe('/api/calendar/[token]');
    expect(LOG_SERIALIZERS.req({ id: '2', method: 'GET', url: '/api/clients?q=Ada%20Example' }).path).toBe('/api/clients');
  });
});
