/** What each route answers, and how it refuses bad input, in-process on both dialects. */
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { addClient } from '../../src/services/clients/add-client.js';
import { addTask } from '../../src/services/tasks/add-task.js';
import { DIALECTS } from '../support/stores.js';
import { testApp, type Agent, type TestApp } from './support.js';

describe.each(DIALECTS)('API routes (%s)', (dialect) => {
  let t: TestApp;
  let owner: Agent;
  let cara: Agent;
  let admin: Agent;
  beforeEach(async () => {
    t = await testApp(dialect);
    owner = await t.signIn('owner');
    cara = await t.signIn('clinician');
    admin = await t.signIn('admin');
  });
  afterEach(() => t.close());

  it('stores a <script> name as typed and returns it as JSON data, with nosniff and a strict CSP', async () => {
    const name = '<script>alert("x")</script> Fictional';
    const made = await t.call(cara, 'POST', '/api/clients', { name, dob: '2016-07-08' });
    expect(made.statusCode).toBe(201);
    const got = await t.call(cara, 'GET', `/api/clients/${made.json().id}`);
    expect(got.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(got.headers['x-content-type-options']).toBe('nosniff');
    expect(got.headers['referrer-policy']).toBe('no-referrer');
    expect(got.headers['content-security-policy']).toContain("default-src 'self'");
    expect(got.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(got.json().name).toBe(name);
    expect((await t.call(cara, 'GET', '/api/clients?q=script')).json().clients[0].name).toBe(name);
  });

  it('a clinician opening another clinician’s client by URL gets 404, exactly like an id that does not exist', async () => {
    const theirs = await addClient(t.system, { name: 'Fictional Colinsclient', dob: '2012-01-01', lead_clinician_id: t.ids.other });
    const res = await t.call(cara, 'GET', `/api/clients/${theirs.id}`);
    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual({ error: { code: 'NOT_FOUND', message: `No client with id ${theirs.id}.` } });
    expect((await t.call(cara, 'GET', '/api/clients?q=colinsclient')).json().clients).toEqual([]);
    expect((await t.call(cara, 'GET', '/api/search?q=colinsclient')).json().clients).toEqual([]);
    expect((await t.call(owner, 'GET', `/api/clients/${theirs.id}`)).statusCode).toBe(200);
  });

  it('refuses an oversized body with 413 and a clear message, and saves nothing', async () => {
    const res = await t.call(owner, 'POST', '/api/clients', { name: 'Fictional Big', dob: '2010-01-01', notes: 'x'.repeat(1024 * 1024) });
    expect(res.statusCode).toBe(413);
    expect(res.json()).toEqual({ error: { code: 'TOO_LARGE', message: 'The request is too large: the limit is 1024 KB. Nothing was saved.' } });
    expect(await t.store.db.selectFrom('clients').selectAll().execute()).toEqual([]);
  });

  it('answers bad input with 400, the contract’s message and the field; broken JSON without echoing it', async () => {
    const bad = await t.call(owner, 'POST', '/api/clients', { name: 'Fictional Bad', dob: '2019-02-29' });
    expect(bad.json()).toEqual({ error: { code: 'VALIDATION', message: 'Date of birth is not a real calendar date.', field: 'dob' } });
    const nhs = await t.call(owner, 'POST', '/api/clients', { name: 'Fictional Nhs', dob: '2010-01-01', nhs_number: '943 476 5871' });
    expect(nhs.json().error.field).toBe('nhs_number');
    const unknownField = await t.call(owner, 'PATCH', '/api/practice', { colour: 'red' });
    expect(unknownField.statusCode).toBe(400);
    const broken = await t.app.inject({
      method: 'POST',
      url: '/api/clients',
      headers: { cookie: owner.cookie, 'x-csrf-token': owner.csrf, 'content-type': 'application/json' },
      payload: '{"name": "secret-fragment',
    });
    expect(broken.statusCode).toBe(400);
    expect(broken.json()).toEqual({ error: { code: 'VALIDATION', message: 'The request body is not valid JSON.' } });
    const query = await t.call(owner, 'GET', '/api/clients?limit=lots');
    expect(query.statusCode).toBe(400);
    expect(query.json().error.field).toBe('limit');
    const unknownRoute = await t.call(owner, 'GET', '/api/nothing-here');
    expect(unknownRoute.statusCode).toBe(404);
  });

  it('clients: add, list, search by name/NHS number, detail, change, carers and contacts', async () => {
    const made = (
      await t.call(cara, 'POST', '/api/clients', { name: 'Fictional Amelia Brook', dob: '2015-04-03', nhs_number: '943 476 5919', postcode: 'ZZ1 1ZZ' })
    ).json();
    expect(made).toMatchObject({ name: 'Fictional Amelia Brook', nhs_number: '9434765919', lead_clinician_id: t.ids.clinician });
    const list = (await t.call(cara, 'GET', '/api/clients?q=amelia')).json();
    expect(list.clients).toEqual([
      {
        id: made.id,
        name: 'Fictional Amelia Brook',
        dob: '2015-04-03',
        nhs_number: '9434765919',
        postcode: 'ZZ1 1ZZ',
        lead_clinician_id: t.ids.clinician,
        lead_clinician_name: 'Cara Clinician',
      },
    ]);
    expect((await t.call(admin, 'GET', '/api/clients?q=9434765')).json().clients).toHaveLength(1);
    const changed = await t.call(cara, 'PATCH', `/api/clients/${made.id}`, { phone: '01632 960100', consent: { school: true } });
    expect(changed.json()).toMatchObject({ phone: '01632 960100', consent: { school: true, gp: false } });
    const carer = await t.call(cara, 'POST', `/api/clients/${made.id}/contacts`, { name: 'Fictional Parent', relationship: 'mother', is_carer: true });
    expect(carer.statusCode).toBe(201);
    const edited = await t.call(admin, 'PATCH', `/api/client-contacts/${carer.json().id}`, { phone: '07700 900123' });
    expect(edited.json()).toMatchObject({ name: 'Fictional Parent', phone: '07700 900123' });
    const detail = (await t.call(cara, 'GET', `/api/clients/${made.id}`)).json();
    expect(detail.contacts).toEqual([expect.objectContaining({ name: 'Fictional Parent', is_carer: true, phone: '07700 900123' })]);
    expect(detail).toMatchObject({ cases: [], tasks: [], correspondence: [], sessions: [] });
    expect((await t.call(admin, 'GET', `/api/clients/${made.id}`)).json().sessions).toBeNull();
  });

  it('organisations and contacts: add, list by kind and name, detail, change', async () => {
    const org = (await t.call(admin, 'POST', '/api/organisations', { name: 'Fictional County Council', kind: 'local_authority' })).json();
    await t.call(admin, 'POST', '/api/organisations', { name: 'Fictional Insurance Ltd', kind: 'insurer' });
    const las = (await t.call(cara, 'GET', '/api/organisations?kind=local_authority')).json().organisations;
    expect(las).toEqual([expect.objectContaining({ id: org.id, name: 'Fictional County Council', contacts: 0 })]);
    expect((await t.call(cara, 'GET', '/api/organisations?q=insurance')).json().organisations).toHaveLength(1);
    const person = await t.call(cara, 'POST', `/api/organisations/${org.id}/contacts`, { name: 'Fictional Caseworker', role: 'EHCP coordinator' });
    expect(person.statusCode).toBe(201);
    expect((await t.call(cara, 'PATCH', `/api/contacts/${person.json().id}`, { email: 'caseworker@council.test' })).json().email).toBe(
      'caseworker@council.test',
    );
    expect((await t.call(cara, 'PATCH', `/api/organisations/${org.id}`, { phone: '01632 960200' })).json().phone).toBe('01632 960200');
    const detail = (await t.call(cara, 'GET', `/api/organisations/${org.id}`)).json();
    expect(detail.contacts).toEqual([expect.objectContaining({ name: 'Fictional Caseworker', email: 'caseworker@council.test' })]);
    expect((await t.call(cara, 'GET', '/api/organisations/nope')).statusCode).toBe(404);
  });

  it('cases: open with detail, list by client, detail, move status; an impossible move is 409', async () => {
    const client = (await t.call(cara, 'POST', '/api/clients', { name: 'Fictional Case Child', dob: '2014-09-09' })).json();
    const opened = await t.call(cara, 'POST', '/api/cases', {
      client_id: client.id,
      service_line: 'paediatric',
      ehcp: { la_reference: 'FICT-123', advice_requested_on: '2026-11-20' },
    });
    expect(opened.statusCode).toBe(201);
    expect(opened.json()).toMatchObject({
      client_id: client.id,
      status: 'open',
      details: ['ehcp'],
      ehcp: { la_reference: 'FICT-123' },
      clinician_id: t.ids.clinician,
    });
    const list = (await t.call(admin, 'GET', `/api/cases?client_id=${client.id}`)).json();
    expect(list.cases.map((c: { id: string }) => c.id)).toEqual([opened.json().id]);
    expect((await t.call(cara, 'GET', `/api/cases/${opened.json().id}`)).json().ehcp.la_reference).toBe('FICT-123');
    const moved = await t.call(cara, 'POST', `/api/cases/${opened.json().id}/status`, { status: 'closed', on: '2026-11-27' });
    expect(moved.json()).toMatchObject({ status: 'closed', closed_on: '2026-11-27' });
    const again = await t.call(cara, 'POST', `/api/cases/${opened.json().id}/status`, { status: 'open' });
    expect(again.statusCode).toBe(409);
  });

  it('tasks: add, list, snooze, complete; completing twice is 409', async () => {
    const task = (await t.call(admin, 'POST', '/api/tasks', { title: 'Chase invoice', due_on: '2026-12-01' })).json();
    expect(task).toMatchObject({ title: 'Chase invoice', status: 'open', assignee_id: t.ids.admin, assignee_name: 'Ada Admin' });
    expect((await t.call(admin, 'GET', '/api/tasks?due_before=2026-12-02')).json().tasks.map((x: { id: string }) => x.id)).toEqual([task.id]);
    expect((await t.call(admin, 'POST', `/api/tasks/${task.id}/snooze`, { until: '2026-11-27', reason: 'Waiting' })).statusCode).toBe(400);
    expect((await t.call(admin, 'POST', `/api/tasks/${task.id}/snooze`, { until: '2026-11-30', reason: 'Waiting for the school' })).json().snoozed_until).toBe(
      '2026-11-30',
    );
    const done = await t.call(admin, 'POST', `/api/tasks/${task.id}/complete`);
    expect(done.json()).toMatchObject({ status: 'done', completed_on: '2026-11-27' });
    expect((await t.call(admin, 'POST', `/api/tasks/${task.id}/complete`, { outcome: 'waived' })).statusCode).toBe(409);
    expect((await t.call(admin, 'GET', '/api/tasks?status=done')).json().tasks).toHaveLength(1);
  });

  it('briefing: overdue, today, this week (to Sunday), the next four weeks and a count of later; hard first; snoozed and done tasks stay out; a clinician sees their own work', async () => {
    const mine = await addClient(t.system, { name: 'Fictional Mine', dob: '2015-01-01', lead_clinician_id: t.ids.clinician });
    const theirs = await addClient(t.system, { name: 'Fictional Theirs', dob: '2015-01-01', lead_clinician_id: t.ids.other });
    const task = (title: string, due_on: string, client_id = mine.id, assignee_id = t.ids.clinician, hardness: 'hard' | 'soft' = 'soft') =>
      addTask(t.system, { title, due_on, client_id, assignee_id, hardness });
    await task('overdue', '2026-11-26');
    await task('today', '2026-11-27');
    await task('sunday', '2026-11-29'); // Friday 27/11/2026: the week runs to Sunday 29/11
    await task('monday soft', '2026-11-30');
    await task('tuesday hard', '2026-12-01', mine.id, t.ids.clinician, 'hard');
    await task('last of four weeks', '2026-12-25');
    await task('later', '2026-12-26');
    await task('theirs today', '2026-11-27', theirs.id, t.ids.other);
    const snoozed = await task('snoozed', '2026-11-20');
    await t.call(owner, 'POST', `/api/tasks/${snoozed.id}/snooze`, { until: '2026-11-28', reason: 'Parent away' });
    const done = await task('done', '2026-11-25');
    await t.call(owner, 'POST', `/api/tasks/${done.id}/complete`);

    const res = await t.call(cara, 'GET', '/api/briefing');
    expect(res.statusCode, res.body).toBe(200);
    const b = res.json();
    const titles = (section: string, br = b) => br.items.filter((i: { section: string }) => i.section === section).map((i: { title: string }) => i.title);
    expect(b.date).toBe('2026-11-27');
    expect(titles('overdue')).toEqual(['overdue']);
    expect(titles('today')).toEqual(['today']);
    expect(titles('this_week')).toEqual(['sunday']);
    expect(titles('next_4_weeks')).toEqual(['tuesday hard', 'monday soft', 'last of four weeks']);
    expect(b.counts).toEqual({ overdue: 1, today: 1, this_week: 1, next_4_weeks: 3 });
    expect(b.later_count).toBe(1);
    expect(b.items[0]).toMatchObject({ client: 'Fictional Mine', client_id: mine.id, hard: false, due: '2026-11-26', assignee: 'Cara Clinician' });
    const ob = (await t.call(owner, 'GET', '/api/briefing')).json();
    expect(titles('today', ob).sort()).toEqual(['theirs today', 'today']);
    // The owner can look at one clinician's work; a bad date is refused.
    expect(titles('today', (await t.call(owner, 'GET', `/api/briefing?clinician_id=${t.ids.other}`)).json())).toEqual(['theirs today']);
    expect((await t.call(owner, 'GET', '/api/briefing?date=2026-02-30')).statusCode).toBe(400);
    // The snooze ends: the task is back the next day.
    t.clock.advance(24 * 3600_000);
    const nextDay = await t.signIn('owner');
    expect(titles('overdue', (await t.call(nextDay, 'GET', '/api/briefing')).json())).toContain('snoozed');
  });

  it('practice and users: read for all; owner changes settings and users; no secrets in answers', async () => {
    expect((await t.call(admin, 'GET', '/api/practice')).json().name).toBe('Meadowbank Fictional OT');
    expect((await t.call(owner, 'PATCH', '/api/practice', { letterhead: 'Meadowbank Fictional OT\n1 Test Street' })).json().letterhead).toContain(
      'Test Street',
    );
    const users = (await t.call(cara, 'GET', '/api/users')).json().users;
    expect(users).toHaveLength(4);
    expect(JSON.stringify(users)).not.toMatch(/password_hash|totp_secret|argon2/);
    const made = await t.call(owner, 'POST', '/api/users', {
      name: 'Fictional Newstarter',
      email: 'new@practice.test',
      role: 'clinician',
      hcpc_number: 'OT11111',
      password: 'new-starter-pw',
    });
    expect(made.json()).toEqual({
      id: expect.any(String),
      name: 'Fictional Newstarter',
      email: 'new@practice.test',
      role: 'clinician',
      hcpc_number: 'OT11111',
      qualifications: null,
      professional_bodies: null,
      active: true,
      created_at: expect.any(String),
      totp_enabled: false,
    });
    const deactivated = await t.call(owner, 'PATCH', `/api/users/${t.ids.admin}`, { active: false });
    expect(deactivated.json().active).toBe(false);
    // Deactivating ends their sessions at once.
    expect((await t.call(admin, 'GET', '/api/briefing')).statusCode).toBe(401);
    expect((await t.call(owner, 'PATCH', `/api/users/${t.ids.owner}`, { role: 'clinician' })).statusCode).toBe(409);
  });

  it('every client read and write is in the owner’s audit log, with who did it; others get 403; the chain verifies', async () => {
    const client = (await t.call(cara, 'POST', '/api/clients', { name: 'Fictional Audited', dob: '2013-03-03' })).json();
    await t.call(cara, 'GET', `/api/clients/${client.id}`);
    await t.call(cara, 'PATCH', `/api/clients/${client.id}`, { postcode: 'ZZ9 9ZZ' });
    const carer = (await t.call(admin, 'POST', `/api/clients/${client.id}/contacts`, { name: 'Fictional Carer' })).json();
    await t.call(admin, 'PATCH', `/api/client-contacts/${carer.id}`, { phone: '07700 900999' });
    await t.call(owner, 'GET', `/api/clients/${client.id}`);
    const kase = (await t.call(cara, 'POST', '/api/cases', { client_id: client.id, service_line: 'paediatric' })).json();
    await t.call(admin, 'GET', `/api/cases/${kase.id}`);

    const log = await t.call(owner, 'GET', `/api/audit?client_id=${client.id}`);
    expect(log.statusCode).toBe(200);
    const events = log
      .json()
      .events.map((e: { action: string; entity: string; user_name: string; detail: string }) => `${e.user_name} ${e.action} ${e.entity} ${e.detail}`.trim());
    expect(events).toEqual([
      'Ada Admin read case',
      'Cara Clinician create case',
      'Olive Owner read client',
      'Ada Admin update client_contact phone',
      'Ada Admin create client_contact',
      'Cara Clinician update client postcode',
      'Cara Clinician read client',
      'Cara Clinician create client',
    ]);
    expect(JSON.stringify(log.json())).not.toContain('ZZ9 9ZZ');
    const page = (await t.call(owner, 'GET', `/api/audit?limit=2&before_seq=${log.json().events[2].seq}`)).json().events;
    expect(page.map((e: { seq: number }) => e.seq)).toEqual([log.json().events[2].seq - 1, log.json().events[2].seq - 2]);
    for (const who of [cara, admin]) {
      expect((await t.call(who, 'GET', '/api/audit')).statusCode).toBe(403);
      expect((await t.call(who, 'GET', '/api/audit/verify')).statusCode).toBe(403);
    }
    const verify = (await t.call(owner, 'GET', '/api/audit/verify')).json();
    expect(verify).toMatchObject({ intact: true, broken_at: null });
    expect(verify.events).toBeGreaterThan(10);
    await t.store.db.updateTable('audit_events').set({ detail: 'tampered' }).where('seq', '=', 3).execute();
    expect((await t.call(owner, 'GET', '/api/audit/verify')).json()).toMatchObject({ intact: false, broken_at: 3 });
  });

  it('an unexpected failure is a plain 500 that leaks nothing', async () => {
    const client = (await t.call(owner, 'POST', '/api/clients', { name: 'Fictional Broken', dob: '2013-03-03' })).json();
    await t.store.db.schema.dropTable('client_contacts').execute();
    const res = await t.call(owner, 'GET', `/api/clients/${client.id}`);
    expect(res.statusCode).toBe(500);
    expect(res.json()).toEqual({ error: { code: 'INTERNAL', message: 'Something went wrong on the server. Nothing was changed; the error has been logged.' } });
  });
});

describe('static web app', () => {
  let dir: string;
  let t: TestApp;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'steve-web-'));
    mkdirSync(join(dir, 'assets'));
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Steve</title><div id="root"></div>');
    writeFileSync(join(dir, 'assets', 'app-abc123.js'), 'console.log("steve")');
    t = await testApp('sqlite', { webRoot: dir });
  });
  afterAll(async () => {
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('serves index.html for app routes, assets as files, and keeps JSON 404s under /api', async () => {
    for (const url of ['/', '/clients/0192-abc', '/settings/audit?x=1']) {
      const res = await t.call(null, 'GET', url);
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['content-type']).toMatch(/^text\/html/);
      expect(res.body).toContain('<div id="root">');
      expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    }
    const asset = await t.call(null, 'GET', '/assets/app-abc123.js');
    expect(asset.statusCode).toBe(200);
    expect(asset.headers['content-type']).toMatch(/javascript/);
    expect(asset.headers['cache-control']).toContain('immutable');
    const api = await t.call(null, 'GET', '/api/not-a-route');
    expect(api.statusCode).toBe(404);
    expect(api.headers['content-type']).toMatch(/^application\/json/);
  });

  it('serves the OpenAPI document generated from the contract schemas', async () => {
    const doc = (await t.call(null, 'GET', '/api/docs/json')).json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(doc.paths['/api/clients'].post.requestBody.content['application/json'].schema.properties.dob).toBeDefined();
    expect((await t.call(null, 'GET', '/api/docs/')).statusCode).toBe(200);
  });
});
