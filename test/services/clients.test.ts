import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addClient } from '../../src/services/clients/add-client.js';
import { getClient } from '../../src/services/clients/get-client.js';
import { listClients } from '../../src/services/clients/list-clients.js';
import { addClientContact, updateClient, updateClientContact } from '../../src/services/clients/update-client.js';
import { openCase } from '../../src/services/cases/open-case.js';
import { DIALECTS } from '../support/stores.js';
import { as, openTestDb, refusedWithoutWriting, rowCounts, seedPractice, type Seeded, type TestDb } from './support.js';

describe.each(DIALECTS)('clients on %s', (dialect) => {
  let t: TestDb;
  let s: Seeded;
  beforeEach(async () => {
    t = await openTestDb(dialect);
    s = await seedPractice(t.ctx);
  });
  afterEach(async () => t.store.close());

  it('adds a client with NHS number stored as bare digits, consent flags as booleans, and one audit event', async () => {
    const before = (await rowCounts(t.ctx.db)).audit_events;
    const c = await addClient(t.ctx, {
      name: 'Amara Fictional',
      dob: '2016-05-12',
      nhs_number: '943 476 5919',
      postcode: 'EX1 2AB',
      consent: { school: true, gp: true },
    });
    expect(c).toMatchObject({
      name: 'Amara Fictional',
      dob: '2016-05-12',
      nhs_number: '9434765919',
      postcode: 'EX1 2AB',
      lead_clinician_id: null,
      created_at: '2026-11-27T09:00:00.000Z',
    });
    expect(c.consent).toEqual({ school: true, la: false, gp: true, insurer: false, solicitor: false });
    const ev = await t.ctx.db.selectFrom('audit_events').selectAll().orderBy('seq', 'desc').executeTakeFirstOrThrow();
    expect(ev).toMatchObject({ seq: before + 1, action: 'create', entity: 'client', entity_id: c.id, client_id: c.id });
  });

  it('date of birth today (2026-11-27) is accepted; tomorrow (2026-11-28) is refused as in the future', async () => {
    expect(await refusedWithoutWriting(t.ctx.db, () => addClient(t.ctx, { name: 'Future Child', dob: '2026-11-28' }))).toMatchObject({
      code: 'VALIDATION',
      field: 'dob',
      message: expect.stringContaining('in the future'),
    });
    await expect(addClient(t.ctx, { name: 'Newborn Fictional', dob: '2026-11-27' })).resolves.toMatchObject({ dob: '2026-11-27' });
  });

  it.each([
    ['2027-02-30 as date of birth', { dob: '2027-02-30' }, 'dob', /not a real calendar date/],
    ['27/11/2015 as date of birth', { dob: '27/11/2015' }, 'dob', /YYYY-MM-DD/],
    ['NHS number 943 476 5918 (bad check digit)', { nhs_number: '943 476 5918' }, 'nhs_number', /modulus 11/],
    ['NHS number of 9 digits', { nhs_number: '943476591' }, 'nhs_number', /10 digits/],
    ['an empty name', { name: '  ' }, 'name', /required/],
    ['an email without @', { email: 'amara.example.test' }, 'email', /not an email/],
    ['an unknown field', { shoe_size: 9 }, undefined, /unknown field shoe_size/],
  ])('refuses %s and writes nothing', async (_label, patch, field, message) => {
    const err = await refusedWithoutWriting(t.ctx.db, () => addClient(t.ctx, { name: 'Amara Fictional', dob: '2016-05-12', ...patch } as never));
    expect(err).toMatchObject({ code: 'VALIDATION', message: expect.stringMatching(message) });
    if (field) expect(err).toMatchObject({ field });
  });

  it('a second client with the same NHS number is refused (CONFLICT) and writes nothing', async () => {
    await addClient(t.ctx, { name: 'Amara Fictional', dob: '2016-05-12', nhs_number: '9434765919' });
    const err = await refusedWithoutWriting(t.ctx.db, () => addClient(t.ctx, { name: 'Other Person', dob: '2010-01-01', nhs_number: '943-476-5919' }));
    expect(err).toMatchObject({ code: 'CONFLICT', field: 'nhs_number' });
  });

  it('an admin cannot be lead clinician; an unknown user id is refused too', async () => {
    expect(await refusedWithoutWriting(t.ctx.db, () => addClient(t.ctx, { name: 'A Client', dob: '2016-05-12', lead_clinician_id: s.admin.id }))).toMatchObject(
      { field: 'lead_clinician_id', message: expect.stringContaining('admin') },
    );
    expect(await refusedWithoutWriting(t.ctx.db, () => addClient(t.ctx, { name: 'A Client', dob: '2016-05-12', lead_clinician_id: 'nobody' }))).toMatchObject({
      field: 'lead_clinician_id',
    });
  });

  it('a clinician who adds a client becomes lead clinician; an admin who adds one does not', async () => {
    const mine = await addClient(as(t.ctx, s.clinician), { name: 'Cara Client', dob: '2012-01-01' });
    expect(mine.lead_clinician_id).toBe(s.clinician.id);
    const byAdmin = await addClient(as(t.ctx, s.admin), { name: 'Admin Added', dob: '2012-01-01' });
    expect(byAdmin.lead_clinician_id).toBeNull();
  });

  describe('list and search', () => {
    beforeEach(async () => {
      await addClient(t.ctx, { name: 'Zara Testperson', dob: '2014-02-02', postcode: 'EX4 9ZZ', nhs_number: '4010232137' });
      await addClient(t.ctx, { name: 'Amelia Example', dob: '2015-03-03', postcode: 'TQ1 1AA', nhs_number: '9434765919' });
      await addClient(t.ctx, { name: 'Ben Sample', dob: '2016-04-04', postcode: 'EX1 2AB' });
    });

    it('lists by name then id, and limit 2 gives the first two', async () => {
      const all = await listClients(t.ctx);
      expect(all.map((c) => c.name)).toEqual(['Amelia Example', 'Ben Sample', 'Zara Testperson']);
      expect((await listClients(t.ctx, { limit: 2 })).map((c) => c.name)).toEqual(['Amelia Example', 'Ben Sample']);
      expect(all[0]).toEqual(
        expect.objectContaining({ id: expect.any(String), name: 'Amelia Example', dob: '2015-03-03', nhs_number: '9434765919', postcode: 'TQ1 1AA' }),
      );
    });

    it('search matches any part of the name whatever its case: "AMEL" finds Amelia Example only', async () => {
      expect((await listClients(t.ctx, { q: 'AMEL' })).map((c) => c.name)).toEqual(['Amelia Example']);
      expect((await listClients(t.ctx, { q: 'sample' })).map((c) => c.name)).toEqual(['Ben Sample']);
    });

    it('search matches the postcode whatever its case: "ex4" finds EX4 9ZZ only, "tq1" finds TQ1 1AA only', async () => {
      expect((await listClients(t.ctx, { q: 'ex4' })).map((c) => c.name)).toEqual(['Zara Testperson']);
      expect((await listClients(t.ctx, { q: 'EX1 2' })).map((c) => c.name)).toEqual(['Ben Sample']);
      expect((await listClients(t.ctx, { q: 'tq1' })).map((c) => c.name)).toEqual(['Amelia Example']);
      expect(await listClients(t.ctx, { q: 'PL9' })).toEqual([]);
    });

    it('search matches an NHS number prefix of 3 or more digits, with spaces: "943 476" finds one; "94" (2 digits) matches no NHS number', async () => {
      expect((await listClients(t.ctx, { q: '943 476' })).map((c) => c.name)).toEqual(['Amelia Example']);
      expect((await listClients(t.ctx, { q: '401' })).map((c) => c.name)).toEqual(['Zara Testperson']);
      expect(await listClients(t.ctx, { q: '94' })).toEqual([]);
      // A middle fragment is not a prefix.
      expect(await listClients(t.ctx, { q: '4765919' })).toEqual([]);
    });

    it('wildcards typed by the user are dropped, not obeyed: "%" lists everyone, "z_ra" matches no one', async () => {
      expect(await listClients(t.ctx, { q: '%' })).toHaveLength(3);
      expect(await listClients(t.ctx, { q: 'z_ra' })).toEqual([]);
    });
  });

  describe('caseload', () => {
    let lead: string;
    let viaCase: string;
    let viaShare: string;
    let notMine: string;
    beforeEach(async () => {
      lead = (await addClient(t.ctx, { name: 'Lead Client', dob: '2014-01-01', lead_clinician_id: s.clinician.id })).id;
      viaCase = (await addClient(t.ctx, { name: 'Case Client', dob: '2014-01-01', lead_clinician_id: s.otherClinician.id })).id;
      await openCase(t.ctx, { client_id: viaCase, service_line: 'paediatric', clinician_id: s.clinician.id });
      viaShare = (await addClient(t.ctx, { name: 'Shared Client', dob: '2014-01-01', lead_clinician_id: s.otherClinician.id })).id;
      const shared = await openCase(t.ctx, { client_id: viaShare, service_line: 'paediatric', clinician_id: s.otherClinician.id });
      await t.ctx.db.insertInto('case_shares').values({ case_id: shared.id, user_id: s.clinician.id }).execute();
      notMine = (await addClient(t.ctx, { name: 'Other Client', dob: '2014-01-01', lead_clinician_id: s.otherClinician.id })).id;
      await t.ctx.db
        .insertInto('sessions')
        .values({
          id: 'session-1',
          case_id: shared.id,
          clinician_id: s.otherClinician.id,
          on_date: '2026-11-20',
          duration_minutes: 60,
          kind: 'therapy',
          attendance: 'attended',
          notes: 'Fine motor work',
        })
        .execute();
    });

    it('a clinician lists only their caseload: lead, case clinician, or a case shared with them', async () => {
      const ids = (await listClients(as(t.ctx, s.clinician))).map((c) => c.id).sort();
      expect(ids).toEqual([lead, viaCase, viaShare].sort());
      expect(ids).not.toContain(notMine);
    });

    it('owner and admin list every client', async () => {
      expect(await listClients(as(t.ctx, s.owner))).toHaveLength(4);
      expect(await listClients(as(t.ctx, s.admin))).toHaveLength(4);
    });

    it('a clinician asking for a client outside their caseload gets NOT_FOUND (not FORBIDDEN) and no read is audited', async () => {
      const err = await refusedWithoutWriting(t.ctx.db, () => getClient(as(t.ctx, s.clinician), notMine));
      expect(err).toMatchObject({ code: 'NOT_FOUND' });
    });

    it('the owner sees sessions on the client record; an admin gets sessions: null', async () => {
      const byOwner = await getClient(as(t.ctx, s.owner), viaShare);
      expect(byOwner.sessions).toEqual([expect.objectContaining({ id: 'session-1', billable: true, notes: 'Fine motor work' })]);
      const byAdmin = await getClient(as(t.ctx, s.admin), viaShare);
      expect(byAdmin.sessions).toBeNull();
      expect(byAdmin.cases).toHaveLength(1);
    });

    it('a clinician cannot update another clinician’s client (NOT_FOUND, nothing written)', async () => {
      expect(await refusedWithoutWriting(t.ctx.db, () => updateClient(as(t.ctx, s.clinician), notMine, { postcode: 'EX9 9XX' }))).toMatchObject({
        code: 'NOT_FOUND',
      });
    });
  });

  it('get returns the whole record and audits the read against the client', async () => {
    const c = await addClient(t.ctx, { name: 'Amara Fictional', dob: '2016-05-12', lead_clinician_id: s.clinician.id });
    const before = (await rowCounts(t.ctx.db)).audit_events;
    const full = await getClient(t.ctx, c.id);
    expect(full).toMatchObject({
      id: c.id,
      lead_clinician: { id: s.clinician.id, name: 'Cara Clinician' },
      contacts: [],
      cases: [],
      tasks: [],
      correspondence: [],
      sessions: [],
    });
    const ev = await t.ctx.db.selectFrom('audit_events').selectAll().orderBy('seq', 'desc').executeTakeFirstOrThrow();
    expect(ev).toMatchObject({ seq: before + 1, action: 'read', entity: 'client', client_id: c.id });
    await expect(getClient(t.ctx, 'no-such-client')).rejects.toMatchObject({ code: 'NOT_FOUND', message: 'No client with id no-such-client.' });
  });

  it('update changes the given fields, clears the NHS number with "", and refuses another client’s NHS number', async () => {
    const a = await addClient(t.ctx, { name: 'Amara Fictional', dob: '2016-05-12', nhs_number: '9434765919' });
    const b = await addClient(t.ctx, { name: 'Ben Sample', dob: '2016-04-04' });
    const u = await updateClient(t.ctx, a.id, { postcode: 'EX2 3CD', consent: { la: true } });
    expect(u).toMatchObject({ postcode: 'EX2 3CD', name: 'Amara Fictional', nhs_number: '9434765919' });
    expect(u.consent.la).toBe(true);
    expect(await refusedWithoutWriting(t.ctx.db, () => updateClient(t.ctx, b.id, { nhs_number: '9434765919' }))).toMatchObject({ code: 'CONFLICT' });
    // Giving a client their own number again is not a clash.
    await expect(updateClient(t.ctx, a.id, { nhs_number: '943 476 5919' })).resolves.toMatchObject({ nhs_number: '9434765919' });
    await expect(updateClient(t.ctx, a.id, { nhs_number: '' })).resolves.toMatchObject({ nhs_number: null });
    expect(await refusedWithoutWriting(t.ctx.db, () => updateClient(t.ctx, a.id, { dob: '2026-11-28' }))).toMatchObject({ field: 'dob' });
    expect(await refusedWithoutWriting(t.ctx.db, () => updateClient(t.ctx, 'no-such-client', { postcode: 'X' }))).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('contacts: adds a carer with parental responsibility, updates them, refuses a bad email, shows them on the record', async () => {
    const c = await addClient(t.ctx, { name: 'Amara Fictional', dob: '2016-05-12' });
    const k = await addClientContact(t.ctx, c.id, {
      name: 'Pat Parent',
      relationship: 'mother',
      is_carer: true,
      parental_responsibility: true,
      phone: '01632 960000',
    });
    expect(k).toMatchObject({ client_id: c.id, is_carer: 1, parental_responsibility: 1 });
    const k2 = await updateClientContact(t.ctx, k.id, { phone: '01632 960001', is_carer: false });
    expect(k2).toMatchObject({ phone: '01632 960001', is_carer: 0, parental_responsibility: 1, name: 'Pat Parent' });
    expect(await refusedWithoutWriting(t.ctx.db, () => addClientContact(t.ctx, c.id, { name: 'Bad Email', email: 'nope' }))).toMatchObject({ field: 'email' });
    expect(await refusedWithoutWriting(t.ctx.db, () => addClientContact(t.ctx, 'no-such-client', { name: 'Orphan' }))).toMatchObject({ code: 'NOT_FOUND' });
    expect(await refusedWithoutWriting(t.ctx.db, () => updateClientContact(t.ctx, 'no-such-contact', { name: 'X' }))).toMatchObject({ code: 'NOT_FOUND' });
    const full = await getClient(t.ctx, c.id);
    expect(full.contacts).toEqual([expect.objectContaining({ name: 'Pat Parent', is_carer: false, parental_responsibility: true })]);
  });
});
