/** Sign-in, sessions, CSRF, cross-site Origin, TOTP, rate limiting and first-run setup over HTTP. */
import { generate } from 'otplib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listAudit } from '../../src/services/audit/list-audit.js';
import { DIALECTS } from '../support/stores.js';
import { PEOPLE, sessionCookieOf, testApp, type TestApp } from './support.js';

const HOUR = 3600_000;

describe.each(DIALECTS)('sign-in (%s)', (dialect) => {
  let t: TestApp;
  beforeEach(async () => {
    t = await testApp(dialect);
  });
  afterEach(() => t.close());

  const login = (body: Record<string, unknown>, headers: Record<string, string> = {}) => t.call(null, 'POST', '/api/auth/login', body, headers);

  it('signs in with the right password: httpOnly, SameSite=Strict, Path=/ cookie with an expiry, the user and a CSRF token', async () => {
    const res = await login({ email: PEOPLE.clinician.email, password: PEOPLE.clinician.password });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.user).toEqual({
      id: t.ids.clinician,
      name: PEOPLE.clinician.name,
      email: PEOPLE.clinician.email,
      role: 'clinician',
      hcpc_number: 'OT12345',
      totp_enabled: false,
    });
    expect(body.csrf_token).toMatch(/^[\w-]{40,}$/);
    const cookie = String(res.headers['set-cookie']);
    expect(cookie).toMatch(/^steve_session=[\w-]{40,};/);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Strict');
    expect(cookie).toContain('Path=/');
    expect(cookie).toContain('Max-Age=43200');
    expect(cookie).toContain('Expires=Fri, 27 Nov 2026 21:00:00 GMT');
    expect(JSON.stringify(body)).not.toMatch(/password|argon2/);
  });

  it('stores only a SHA-256 of the session token, never the token itself', async () => {
    const res = await login({ email: PEOPLE.owner.email, password: PEOPLE.owner.password });
    const token = sessionCookieOf(res).split('=')[1]!;
    const rows = await t.store.db.selectFrom('auth_sessions').select('id').execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]!.id).toMatch(/^[0-9a-f]{64}$/);
    expect(rows[0]!.id).not.toBe(token);
  });

  it('refuses a wrong password and an unknown email with the same 401 message, and audits both without the password', async () => {
    const wrong = await login({ email: PEOPLE.owner.email, password: 'owner-password-2' });
    const unknown = await login({ email: 'nobody@practice.test', password: 'owner-password-2' });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json()).toEqual({ error: { code: 'UNAUTHENTICATED', message: 'Wrong email or password.' } });
    expect(unknown.json()).toEqual(wrong.json());
    expect(wrong.headers['set-cookie']).toBeUndefined();
    const events = await listAudit(t.system, {});
    const failed = events.filter((e) => e.action === 'sign_in_failed');
    expect(failed.map((e) => e.detail).sort()).toEqual(['unknown_email', 'wrong_password']);
    expect(JSON.stringify(events)).not.toContain('owner-password-2');
    expect(JSON.stringify(events)).not.toContain('nobody@practice.test');
  });

  it('refuses a deactivated user even with the right password', async () => {
    await t.store.db.updateTable('users').set({ active: 0 }).where('id', '=', t.ids.admin).execute();
    const res = await login({ email: PEOPLE.admin.email, password: PEOPLE.admin.password });
    expect(res.statusCode).toBe(401);
  });

  it('audits sign-in and sign-out under the user; sign-out deletes the session so the cookie stops working', async () => {
    const agent = await t.signIn('clinician');
    expect((await t.call(agent, 'GET', '/api/auth/me')).statusCode).toBe(200);
    const out = await t.call(agent, 'POST', '/api/auth/logout');
    expect(out.statusCode).toBe(204);
    expect(String(out.headers['set-cookie'])).toMatch(/steve_session=;.*Expires=Thu, 01 Jan 1970/);
    expect(await t.store.db.selectFrom('auth_sessions').selectAll().execute()).toEqual([]);
    const after = await t.call(agent, 'GET', '/api/auth/me');
    expect(after.statusCode).toBe(401);
    expect(after.json().error.message).toBe('Your session has ended. Sign in again.');
    const events = await listAudit(t.system, {});
    expect(events.filter((e) => e.user_id === t.ids.clinician).map((e) => e.action)).toEqual(['sign_out', 'sign_in']);
  });

  it('accepts a session one minute before it expires and refuses it at expiry (12 hours)', async () => {
    const agent = await t.signIn('owner');
    t.clock.advance(12 * HOUR - 60_000);
    expect((await t.call(agent, 'GET', '/api/briefing')).statusCode).toBe(200);
    t.clock.advance(60_000);
    const res = await t.call(agent, 'GET', '/api/briefing');
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('UNAUTHENTICATED');
  });

  it('answers 401 for a made-up session cookie', async () => {
    const res = await t.call({ cookie: 'steve_session=forged-token-value', csrf: 'x', userId: '' }, 'GET', '/api/clients');
    expect(res.statusCode).toBe(401);
  });

  it('refuses a state-changing request with a missing or forged CSRF token, and changes nothing', async () => {
    const agent = await t.signIn('owner');
    const body = { name: 'Fictional Csrf', dob: '2015-01-01' };
    const missing = await t.app.inject({
      method: 'POST',
      url: '/api/clients',
      headers: { cookie: agent.cookie, 'content-type': 'application/json' },
      payload: JSON.stringify(body),
    });
    const forged = await t.call({ ...agent, csrf: `${agent.csrf.slice(0, -2)}xx` }, 'POST', '/api/clients', body);
    const otherSessions = await t.signIn('clinician');
    const borrowed = await t.call({ ...agent, csrf: otherSessions.csrf }, 'POST', '/api/clients', body);
    for (const res of [missing, forged, borrowed]) {
      expect(res.statusCode).toBe(403);
      expect(res.json().error.code).toBe('CSRF');
    }
    expect(await t.store.db.selectFrom('clients').selectAll().execute()).toEqual([]);
    // A read needs no token.
    expect((await t.app.inject({ method: 'GET', url: '/api/clients', headers: { cookie: agent.cookie } })).statusCode).toBe(200);
    expect((await t.call(agent, 'POST', '/api/clients', body)).statusCode).toBe(201);
  });

  it('refuses sign-in and setup from a cross-site Origin (403) but accepts the same host or no Origin', async () => {
    const creds = { email: PEOPLE.owner.email, password: PEOPLE.owner.password };
    const cross = await login(creds, { origin: 'https://evil.example.test', host: 'localhost:4310' });
    expect(cross.statusCode).toBe(403);
    expect(cross.json().error.code).toBe('CSRF');
    expect(cross.headers['set-cookie']).toBeUndefined();
    const setup = await t.call(
      null,
      'POST',
      '/api/setup',
      { practice: 'X', owner_name: 'Y', owner_email: 'y@x.test', owner_password: 'long-enough' },
      { origin: 'http://evil.test' },
    );
    expect(setup.statusCode).toBe(403);
    expect((await login(creds, { origin: 'http://localhost:4310', host: 'localhost:4310' })).statusCode).toBe(200);
    expect((await login(creds)).statusCode).toBe(200);
  });

  it('gives an account 5 failures, then a back-off (429, even with the right password) that doubles, not a lock', async () => {
    for (let i = 0; i < 5; i++) expect((await login({ email: PEOPLE.admin.email, password: 'wrong-password' })).statusCode).toBe(401);
    const blocked = await login({ email: PEOPLE.admin.email, password: PEOPLE.admin.password });
    expect(blocked.statusCode).toBe(429);
    expect(blocked.json().error).toMatchObject({ code: 'RATE_LIMITED', message: expect.stringContaining('Too many failed sign-ins') });
    expect(blocked.headers['retry-after']).toBe('60');
    // Another user from the same address is not locked out by these five.
    expect((await login({ email: PEOPLE.clinician.email, password: PEOPLE.clinician.password })).statusCode).toBe(200);
    t.clock.advance(60_000);
    expect((await login({ email: PEOPLE.admin.email, password: 'wrong-password' })).statusCode).toBe(401);
    const longer = await login({ email: PEOPLE.admin.email, password: PEOPLE.admin.password });
    expect(longer.statusCode).toBe(429);
    expect(longer.headers['retry-after']).toBe('120');
    t.clock.advance(120_000);
    expect((await login({ email: PEOPLE.admin.email, password: PEOPLE.admin.password })).statusCode).toBe(200);
    // The right password cleared the count: five more failures before any wait.
    for (let i = 0; i < 5; i++) expect((await login({ email: PEOPLE.admin.email, password: 'wrong-password' })).statusCode).toBe(401);
    expect((await login({ email: PEOPLE.admin.email, password: 'wrong-password' })).statusCode).toBe(429);
  });

  it('limits one address to 20 failures across emails in 15 minutes', async () => {
    for (let i = 0; i < 20; i++) expect((await login({ email: `guess${i}@practice.test`, password: 'wrong-password' })).statusCode).toBe(401);
    const res = await login({ email: PEOPLE.owner.email, password: PEOPLE.owner.password });
    expect(res.statusCode).toBe(429);
    expect(res.headers['retry-after']).toBe('900');
  });

  it('counts failures in the database, so a second server sharing it sees them', async () => {
    for (let i = 0; i < 5; i++) await login({ email: PEOPLE.owner.email, password: 'wrong-password' });
    const { buildApp } = await import('../../src/server/app.js');
    const second = await buildApp(t.deps);
    const res = await second.inject({ method: 'POST', url: '/api/auth/login', payload: { email: PEOPLE.owner.email, password: PEOPLE.owner.password } });
    expect(res.statusCode).toBe(429);
    await second.close();
  });

  it('TOTP: set up, enable with a right code; then sign-in needs the code, refuses a wrong one and accepts the right one', async () => {
    const agent = await t.signIn('clinician');
    const setup = await t.call(agent, 'POST', '/api/auth/totp/setup');
    expect(setup.statusCode).toBe(200);
    const { secret, otpauth_uri } = setup.json();
    expect(secret.length).toBeGreaterThanOrEqual(32); // 20 bytes in base32
    expect(otpauth_uri).toMatch(/^otpauth:\/\/totp\/.*secret=/);
    const epoch = Math.floor(t.clock.now().getTime() / 1000);
    const wrongEnable = await t.call(agent, 'POST', '/api/auth/totp/enable', { token: '123456' === (await generate({ secret, epoch })) ? '654321' : '123456' });
    expect(wrongEnable.statusCode).toBe(400);
    const enabled = await t.call(agent, 'POST', '/api/auth/totp/enable', { token: await generate({ secret, epoch }) });
    expect(enabled.statusCode).toBe(200);
    expect(enabled.json().user.totp_enabled).toBe(true);

    const creds = { email: PEOPLE.clinician.email, password: PEOPLE.clinician.password };
    const needs = await login(creds);
    expect(needs.statusCode).toBe(401);
    expect(needs.json().error).toMatchObject({ code: 'UNAUTHENTICATED', totp_required: true });
    expect(needs.headers['set-cookie']).toBeUndefined();

    t.clock.advance(5 * 60_000);
    const now = Math.floor(t.clock.now().getTime() / 1000);
    const stale = await generate({ secret, epoch: now - 300 });
    const right = await generate({ secret, epoch: now });
    const wrong = await login({ ...creds, totp: stale === right ? '000000' : stale });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json().error.totp_required).toBe(true);
    const ok = await login({ ...creds, totp: right });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().user.totp_enabled).toBe(true);

    // Turning it off needs the password.
    const agent2 = { cookie: sessionCookieOf(ok), csrf: ok.json().csrf_token, userId: t.ids.clinician };
    expect((await t.call(agent2, 'POST', '/api/auth/totp/disable', { password: 'wrong' })).statusCode).toBe(400);
    const off = await t.call(agent2, 'POST', '/api/auth/totp/disable', { password: PEOPLE.clinician.password });
    expect(off.json().user.totp_enabled).toBe(false);
    expect((await login(creds)).statusCode).toBe(200);
  });

  it('GET /api/auth/me gives the user, the same CSRF token and the practice name', async () => {
    const agent = await t.signIn('admin');
    const me = await t.call(agent, 'GET', '/api/auth/me');
    expect(me.json()).toEqual({
      user: { id: t.ids.admin, name: PEOPLE.admin.name, email: PEOPLE.admin.email, role: 'admin', hcpc_number: null, totp_enabled: false },
      csrf_token: agent.csrf,
      practice: { name: 'Meadowbank Fictional OT' },
    });
  });

  it('answers 401 on every signed-in route without a session, and 200 on health and setup', async () => {
    const routes = t.app.printRoutes({ commonPrefix: false });
    expect(routes).toContain('/api/briefing');
    for (const [method, url] of [
      ['GET', '/api/briefing'],
      ['GET', '/api/clients/abc'],
      ['PATCH', '/api/practice'],
      ['GET', '/api/audit'],
      ['POST', '/api/auth/logout'],
      ['POST', '/api/tasks'],
    ] as const) {
      const res = await t.call(null, method, url, method === 'GET' ? undefined : {});
      expect(res.statusCode, `${method} ${url}`).toBe(401);
    }
    expect((await t.call(null, 'GET', '/api/health')).json()).toEqual({ ok: true, version: 'test', database: dialect });
    expect((await t.call(null, 'GET', '/api/setup')).json()).toEqual({ needed: false });
  });
});

describe.each(DIALECTS)('first-run setup (%s)', (dialect) => {
  let t: TestApp;
  beforeEach(async () => {
    t = await testApp(dialect, { seed: false });
  });
  afterEach(() => t.close());

  it('creates the practice and owner once, signs the owner in, then answers 409', async () => {
    expect((await t.call(null, 'GET', '/api/setup')).json()).toEqual({ needed: true });
    const body = { practice: 'Fictional First Run OT', owner_name: 'Fay Founder', owner_email: 'Fay@FirstRun.test', owner_password: 'first-run-password' };
    const bad = await t.call(null, 'POST', '/api/setup', { ...body, owner_password: 'short' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error).toMatchObject({ code: 'VALIDATION', field: 'owner_password' });
    const made = await t.call(null, 'POST', '/api/setup', body);
    expect(made.statusCode).toBe(201);
    expect(made.json().user).toMatchObject({ name: 'Fay Founder', email: 'fay@firstrun.test', role: 'owner' });
    const agent = { cookie: sessionCookieOf(made), csrf: made.json().csrf_token, userId: made.json().user.id };
    expect((await t.call(agent, 'GET', '/api/auth/me')).json().practice).toEqual({ name: 'Fictional First Run OT' });
    expect((await t.call(null, 'GET', '/api/setup')).json()).toEqual({ needed: false });
    const again = await t.call(null, 'POST', '/api/setup', body);
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('CONFLICT');
  });
});
