import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getPractice } from '../../src/services/practice/get-practice.js';
import { initPractice } from '../../src/services/practice/init-practice.js';
import { updatePractice } from '../../src/services/practice/update-practice.js';
import { verifyPassword } from '../../src/services/users/password.js';
import { createUser } from '../../src/services/users/create-user.js';
import { getUser } from '../../src/services/users/get-user.js';
import { listUsers } from '../../src/services/users/list-users.js';
import { updateUser } from '../../src/services/users/update-user.js';
import { DIALECTS } from '../support/stores.js';
import { as, openTestDb, refusedWithoutWriting, rowCounts, seedPractice, type TestDb } from './support.js';

describe.each(DIALECTS)('practice and users on %s', (dialect) => {
  let t: TestDb;
  beforeEach(async () => {
    t = await openTestDb(dialect);
  });
  afterEach(async () => t.store.close());

  it('getPractice on a new database says to run steve init', async () => {
    await expect(getPractice(t.ctx.db)).rejects.toMatchObject({ code: 'NOT_FOUND', message: expect.stringContaining('steve init') });
  });

  it('init creates the practice and its owner (password hashed, audited once); a second init is refused and writes nothing', async () => {
    const r = await initPractice(t.ctx, {
      practice: 'Harbour Lane OT',
      owner_name: 'Olive Owner',
      owner_email: 'Olive@Harbour-Lane.TEST',
      owner_password: 'owner-password-1',
    });
    expect(r).toMatchObject({ name: 'Harbour Lane OT', owner_email: 'olive@harbour-lane.test' });
    const p = await getPractice(t.ctx.db);
    expect(p).toMatchObject({ name: 'Harbour Lane OT', default_jurisdiction: 'england', invoice_prefix: 'INV-', created_at: '2026-11-27T09:00:00.000Z' });
    const owner = await t.ctx.db.selectFrom('users').selectAll().executeTakeFirstOrThrow();
    expect(owner.role).toBe('owner');
    expect(owner.password_hash).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword(owner.password_hash, 'owner-password-1')).toBe(true);
    expect(await verifyPassword(owner.password_hash, 'owner-password-2')).toBe(false);
    expect((await rowCounts(t.ctx.db)).audit_events).toBe(1);

    const err = await refusedWithoutWriting(t.ctx.db, () =>
      initPractice(t.ctx, { practice: 'Second Practice', owner_name: 'Sam Second', owner_email: 'sam@second.test', owner_password: 'another-password' }),
    );
    expect(err).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('Harbour Lane OT') });
  });

  it('init refuses an 11-character password or a common one but takes 12, and refuses a bad email, writing nothing', async () => {
    const base = { practice: 'Harbour Lane OT', owner_name: 'Olive Owner', owner_email: 'olive@harbour-lane.test' };
    expect(await refusedWithoutWriting(t.ctx.db, () => initPractice(t.ctx, { ...base, owner_password: 'kestrel-lan' }))).toMatchObject({
      code: 'VALIDATION',
      field: 'owner_password',
    });
    expect(await refusedWithoutWriting(t.ctx.db, () => initPractice(t.ctx, { ...base, owner_password: '123456789012' }))).toMatchObject({
      code: 'VALIDATION',
      field: 'owner_password',
    });
    expect(
      await refusedWithoutWriting(t.ctx.db, () => initPractice(t.ctx, { ...base, owner_email: 'not-an-email', owner_password: 'kestrel-lane-1' })),
    ).toMatchObject({ code: 'VALIDATION', field: 'owner_email' });
    await expect(initPractice(t.ctx, { ...base, owner_password: 'kestrel-lane' })).resolves.toMatchObject({ name: 'Harbour Lane OT' });
  });

  it('update changes only the fields given and is audited with their names; an unknown jurisdiction is refused', async () => {
    await seedPractice(t.ctx);
    const p = await updatePractice(t.ctx, { address: '1 Harbour Lane, Exampleton', default_jurisdiction: 'wales' });
    expect(p).toMatchObject({ name: 'Harbour Lane OT', address: '1 Harbour Lane, Exampleton', default_jurisdiction: 'wales' });
    const last = await t.ctx.db.selectFrom('audit_events').selectAll().orderBy('seq', 'desc').executeTakeFirstOrThrow();
    expect(last).toMatchObject({ action: 'update', entity: 'practice', detail: 'address,default_jurisdiction' });
    expect(await refusedWithoutWriting(t.ctx.db, () => updatePractice(t.ctx, { default_jurisdiction: 'france' as never }))).toMatchObject({
      code: 'VALIDATION',
    });
    expect(await refusedWithoutWriting(t.ctx.db, () => updatePractice(t.ctx, { colour: 'blue' } as never))).toMatchObject({
      message: expect.stringContaining('unknown field colour'),
    });
  });

  it('only the owner may change practice settings: a clinician and an admin are refused', async () => {
    const s = await seedPractice(t.ctx);
    for (const u of [s.clinician, s.admin]) {
      expect(await refusedWithoutWriting(t.ctx.db, () => updatePractice(as(t.ctx, u), { name: 'Renamed' }))).toMatchObject({ code: 'FORBIDDEN' });
    }
    await expect(updatePractice(as(t.ctx, s.owner), { name: 'Renamed OT' })).resolves.toMatchObject({ name: 'Renamed OT' });
  });

  it('users are listed by name without secrets, with two-factor as a flag', async () => {
    await seedPractice(t.ctx);
    const users = await listUsers(t.ctx.db);
    expect(users.map((u) => u.name)).toEqual(['Ada Admin', 'Cara Clinician', 'Dev Other', 'Olive Owner']);
    for (const u of users) {
      expect(u).not.toHaveProperty('password_hash');
      expect(u).not.toHaveProperty('totp_secret');
      expect(u).toMatchObject({ active: true, totp_enabled: false });
    }
  });

  it('a duplicate email is refused whatever its case, and writes nothing', async () => {
    await seedPractice(t.ctx);
    const err = await refusedWithoutWriting(t.ctx.db, () =>
      createUser(t.ctx, { name: 'Cara Again', email: 'CARA@harbour-lane.test', role: 'clinician', password: 'password-for-tests' }),
    );
    expect(err).toMatchObject({ code: 'CONFLICT', field: 'email' });
  });

  it('HCPC numbers must be OT and 4–6 digits: OT123 refused, ot12345 stored as OT12345', async () => {
    await seedPractice(t.ctx);
    expect(
      await refusedWithoutWriting(t.ctx.db, () =>
        createUser(t.ctx, { name: 'Hal', email: 'hal@harbour-lane.test', role: 'clinician', password: 'password-for-tests', hcpc_number: 'OT123' }),
      ),
    ).toMatchObject({ field: 'hcpc_number' });
    const u = await createUser(t.ctx, {
      name: 'Hal',
      email: 'hal@harbour-lane.test',
      role: 'clinician',
      password: 'password-for-tests',
      hcpc_number: 'ot12345',
    });
    expect(u.hcpc_number).toBe('OT12345');
  });

  it('only the owner manages users: a clinician cannot add or change one', async () => {
    const s = await seedPractice(t.ctx);
    expect(
      await refusedWithoutWriting(t.ctx.db, () =>
        createUser(as(t.ctx, s.clinician), { name: 'X', email: 'x@harbour-lane.test', role: 'owner', password: 'password-for-tests' }),
      ),
    ).toMatchObject({ code: 'FORBIDDEN' });
    expect(await refusedWithoutWriting(t.ctx.db, () => updateUser(as(t.ctx, s.clinician), s.clinician.id, { role: 'owner' }))).toMatchObject({
      code: 'FORBIDDEN',
    });
  });

  it('updates a user: rename, role change, deactivation (which ends their sign-in sessions)', async () => {
    const s = await seedPractice(t.ctx);
    await t.ctx.db
      .insertInto('auth_sessions')
      .values({ id: 'sess-1', user_id: s.admin.id, csrf_token: 'x', created_at: '2026-11-27T09:00:00Z', expires_at: '2026-11-27T21:00:00Z' })
      .execute();
    expect(await updateUser(t.ctx, s.clinician.id, { name: 'Cara Clinician-Smith', role: 'admin' })).toMatchObject({
      name: 'Cara Clinician-Smith',
      role: 'admin',
    });
    expect(await updateUser(t.ctx, s.admin.id, { active: false })).toMatchObject({ active: false });
    expect((await rowCounts(t.ctx.db)).auth_sessions).toBe(0);
    await expect(getUser(t.ctx.db, 'no-such-user')).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('the last active owner cannot be demoted or deactivated; with a second owner, the first can be', async () => {
    const s = await seedPractice(t.ctx);
    expect(await refusedWithoutWriting(t.ctx.db, () => updateUser(t.ctx, s.owner.id, { role: 'clinician' }))).toMatchObject({
      code: 'CONFLICT',
      message: expect.stringContaining('at least one active owner'),
    });
    expect(await refusedWithoutWriting(t.ctx.db, () => updateUser(t.ctx, s.owner.id, { active: false }))).toMatchObject({ code: 'CONFLICT' });
    await updateUser(t.ctx, s.otherClinician.id, { role: 'owner' });
    await expect(updateUser(t.ctx, s.owner.id, { role: 'clinician' })).resolves.toMatchObject({ role: 'clinician' });
  });
});
