/** Sign-in throttling under parallel requests, the password policy, changing and resetting passwords, and the owner's unlock. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listAudit } from '../../src/services/audit/list-audit.js';
import { isCommonPassword } from '../../src/services/users/password.js';
import { DIALECTS } from '../support/stores.js';
import { PEOPLE, testApp, type TestApp } from './support.js';

describe('the common-password list', () => {
  it('refuses listed passwords in any case, and listed ones padded with digits or symbols; accepts a long unusual one', () => {
    for (const p of ['password', 'QWERTY123456', '1qaz2wsx3edc', 'liverpool12345!', 'aaaaaaaaaaaaaa', 'sunshine2026!!']) expect(isCommonPassword(p)).toBe(true);
    for (const p of ['heron-kettle-57-marsh', 'owner-password-1', 'cara-password-1']) expect(isCommonPassword(p)).toBe(false);
  });
});

describe.each(DIALECTS)('passwords and throttling (%s)', (dialect) => {
  let t: TestApp;
  beforeEach(async () => {
    t = await testApp(dialect);
  });
  afterEach(() => t.close());

  const login = (body: Record<string, unknown>, ip?: string) =>
    t.app.inject({ method: 'POST', url: '/api/auth/login', payload: body, ...(ip ? { remoteAddress: ip } : {}) });

  it('lets at most 5 of 200 parallel wrong passwords against one account be checked; the rest are refused uncounted', async () => {
    const answers = await Promise.all(
      Array.from({ length: 200 }, (_, i) => login({ email: PEOPLE.owner.email, password: `guess-number-${i}` }, `10.0.${i % 8}.1`)),
    );
    const statuses = answers.map((r) => r.statusCode);
    expect(statuses.filter((s) => s === 401)).toHaveLength(5);
    expect(statuses.filter((s) => s === 429)).toHaveLength(195);
    expect(await t.store.db.selectFrom('login_attempts').select('id').where('key', '=', `email:${PEOPLE.owner.email}`).execute()).toHaveLength(5);
    const failed = (await listAudit(t.system, {})).filter((e) => e.action === 'sign_in_failed');
    expect(failed).toHaveLength(5);
  });

  it('lets at most 20 of 100 parallel wrong passwords from one address across accounts through; another address still signs in', async () => {
    const answers = await Promise.all(
      Array.from({ length: 100 }, (_, i) => login({ email: `guess${i}@practice.test`, password: 'wrong-password-x' }, '10.9.9.9')),
    );
    expect(answers.filter((r) => r.statusCode === 401)).toHaveLength(20);
    expect(answers.filter((r) => r.statusCode === 429)).toHaveLength(80);
    expect((await login({ email: PEOPLE.owner.email, password: PEOPLE.owner.password }, '10.9.9.9')).statusCode).toBe(429);
    expect((await login({ email: PEOPLE.owner.email, password: PEOPLE.owner.password }, '10.1.1.1')).statusCode).toBe(200);
  });

  it('the owner unlocks an account in back-off; others cannot', async () => {
    for (let i = 0; i < 6; i++) await login({ email: PEOPLE.admin.email, password: 'wrong-password-x' });
    expect((await login({ email: PEOPLE.admin.email, password: PEOPLE.admin.password })).statusCode).toBe(429);
    const clinician = await t.signIn('clinician');
    expect((await t.call(clinician, 'POST', `/api/users/${t.ids.admin}/unlock`)).statusCode).toBe(403);
    const owner = await t.signIn('owner');
    const res = await t.call(owner, 'POST', `/api/users/${t.ids.admin}/unlock`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ user_id: t.ids.admin, email: PEOPLE.admin.email, failures_cleared: 5 });
    expect((await login({ email: PEOPLE.admin.email, password: PEOPLE.admin.password })).statusCode).toBe(200);
  });

  it('refuses a new password under 12 characters or on the common list, when adding a user', async () => {
    const owner = await t.signIn('owner');
    const short = await t.call(owner, 'POST', '/api/users', { name: 'Fictional New', email: 'new@practice.test', role: 'admin', password: 'short-pw-11' });
    expect(short.statusCode).toBe(400);
    expect(short.json().error).toMatchObject({ field: 'password', message: 'Password must be at least 12 characters.' });
    const common = await t.call(owner, 'POST', '/api/users', { name: 'Fictional New', email: 'new@practice.test', role: 'admin', password: 'Password123456' });
    expect(common.statusCode).toBe(400);
    expect(common.json().error.message).toContain('commonly used');
    expect(await t.store.db.selectFrom('users').select('id').where('email', '=', 'new@practice.test').execute()).toEqual([]);
  });

  it('changes your own password with the current one; other sessions end, this one stays', async () => {
    const here = await t.signIn('clinician');
    const elsewhere = await t.signIn('clinician');
    const wrong = await t.call(here, 'POST', '/api/auth/password', { current_password: 'not-my-password', new_password: 'heron-kettle-57-marsh' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.field).toBe('current_password');
    const weak = await t.call(here, 'POST', '/api/auth/password', { current_password: PEOPLE.clinician.password, new_password: 'qwerty123456' });
    expect(weak.statusCode).toBe(400);
    const ok = await t.call(here, 'POST', '/api/auth/password', { current_password: PEOPLE.clinician.password, new_password: 'heron-kettle-57-marsh' });
    expect(ok.statusCode).toBe(204);
    expect((await t.call(here, 'GET', '/api/auth/me')).statusCode).toBe(200);
    expect((await t.call(elsewhere, 'GET', '/api/auth/me')).statusCode).toBe(401);
    expect((await login({ email: PEOPLE.clinician.email, password: PEOPLE.clinician.password })).statusCode).toBe(401);
    expect((await login({ email: PEOPLE.clinician.email, password: 'heron-kettle-57-marsh' })).statusCode).toBe(200);
    const actions = (await listAudit(t.system, {})).filter((e) => e.entity_id === t.ids.clinician).map((e) => e.action);
    expect(actions).toContain('password_changed');
    expect(actions).toContain('password_change_failed');
  });

  it('the owner makes a one-time reset code; it sets a new password once, ends sessions, and expires after 24 hours', async () => {
    const owner = await t.signIn('owner');
    const session = await t.signIn('admin');
    const made = await t.call(owner, 'POST', `/api/users/${t.ids.admin}/password-reset`);
    expect(made.statusCode).toBe(201);
    const { code, expires_at } = made.json();
    expect(code).toMatch(/^[A-Z2-9]{4}(-[A-Z2-9]{4}){3}$/);
    expect(expires_at).toBe('2026-11-28T09:00:00.000Z');
    expect(JSON.stringify(await t.store.db.selectFrom('password_resets').selectAll().execute())).not.toContain(code.replace(/-/g, ''));

    const redeem = (body: Record<string, unknown>) => t.app.inject({ method: 'POST', url: '/api/auth/password-reset', payload: body });
    const wrong = await redeem({ email: PEOPLE.admin.email, code: 'AAAA-BBBB-CCCC-DDDD', new_password: 'heron-kettle-57-marsh' });
    expect(wrong.statusCode).toBe(401);
    const used = await redeem({ email: PEOPLE.admin.email, code: code.toLowerCase(), new_password: 'heron-kettle-57-marsh' });
    expect(used.statusCode).toBe(204);
    expect((await t.call(session, 'GET', '/api/auth/me')).statusCode).toBe(401);
    expect((await login({ email: PEOPLE.admin.email, password: 'heron-kettle-57-marsh' })).statusCode).toBe(200);
    expect((await redeem({ email: PEOPLE.admin.email, code, new_password: 'another-heron-58-marsh' })).statusCode).toBe(401);

    const again = (await t.call(owner, 'POST', `/api/users/${t.ids.clinician}/password-reset`)).json();
    t.clock.advance(24 * 3600_000);
    expect((await redeem({ email: PEOPLE.clinician.email, code: again.code, new_password: 'heron-kettle-57-marsh' })).statusCode).toBe(401);
    expect((await t.call(await t.signIn('clinician'), 'POST', `/api/users/${t.ids.admin}/password-reset`)).statusCode).toBe(403);
  });
});
