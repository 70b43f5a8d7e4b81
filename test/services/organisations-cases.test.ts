import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { changeCaseStatus } from '../../src/services/cases/change-case-status.js';
import { getCase } from '../../src/services/cases/get-case.js';
import { listCases } from '../../src/services/cases/list-cases.js';
import { openCase } from '../../src/services/cases/open-case.js';
import { addClient } from '../../src/services/clients/add-client.js';
import { addContact } from '../../src/services/organisations/add-contact.js';
import { addOrganisation } from '../../src/services/organisations/add-organisation.js';
import { getOrganisation } from '../../src/services/organisations/get-organisation.js';
import { listOrganisations } from '../../src/services/organisations/list-organisations.js';
import { updateContact } from '../../src/services/organisations/update-contact.js';
import { updateOrganisation } from '../../src/services/organisations/update-organisation.js';
import { DIALECTS } from '../support/stores.js';
import { as, openTestDb, refusedWithoutWriting, rowCounts, seedPractice, type Seeded, type TestDb } from './support.js';

describe.each(DIALECTS)('organisations and contacts on %s', (dialect) => {
  let t: TestDb;
  beforeEach(async () => {
    t = await openTestDb(dialect);
    await seedPractice(t.ctx);
  });
  afterEach(async () => t.store.close());

  it('adds organisations, lists them by name with a contact count, filters by kind and by name', async () => {
    const la = await addOrganisation(t.ctx, { name: 'Exampleshire County Council', kind: 'local_authority', email: 'send@exampleshire.test' });
    await addOrganisation(t.ctx, { name: 'Brook Primary School', kind: 'school' });
    await addContact(t.ctx, la.id, { name: 'Sam Caseworker', role: 'EHC coordinator' });
    await addContact(t.ctx, la.id, { name: 'Jo Panel', role: 'Panel officer' });
    const all = await listOrganisations(t.ctx.db);
    expect(all.map((o) => [o.name, o.contacts])).toEqual([
      ['Brook Primary School', 0],
      ['Exampleshire County Council', 2],
    ]);
    expect((await listOrganisations(t.ctx.db, { kind: 'school' })).map((o) => o.name)).toEqual(['Brook Primary School']);
    expect((await listOrganisations(t.ctx.db, { q: 'SHIRE' })).map((o) => o.name)).toEqual(['Exampleshire County Council']);
    expect((await getOrganisation(t.ctx.db, la.id)).contacts.map((c) => c.name)).toEqual(['Jo Panel', 'Sam Caseworker']);
  });

  it('refuses an unknown organisation kind, naming the allowed kinds, and writes nothing', async () => {
    const err = await refusedWithoutWriting(t.ctx.db, () => addOrganisation(t.ctx, { name: 'Somewhere', kind: 'pub' as never }));
    expect(err).toMatchObject({ code: 'VALIDATION', field: 'kind', message: expect.stringContaining('local_authority') });
  });

  it('updates an organisation and a contact (contact updated_at moves to now); unknown ids are NOT_FOUND', async () => {
    const org = await addOrganisation(t.ctx, { name: 'Harbour Solicitors LLP', kind: 'solicitor' });
    const c = await addContact(t.ctx, org.id, { name: 'Lee Lawyer' });
    expect(await updateOrganisation(t.ctx, org.id, { phone: '01632 960123' })).toMatchObject({ phone: '01632 960123', name: 'Harbour Solicitors LLP' });
    expect(await updateContact(t.ctx, c.id, { role: 'Partner' })).toMatchObject({ role: 'Partner', updated_at: '2026-11-27T09:00:00.000Z' });
    expect(await refusedWithoutWriting(t.ctx.db, () => updateOrganisation(t.ctx, 'no-org', { phone: '1' }))).toMatchObject({ code: 'NOT_FOUND' });
    expect(await refusedWithoutWriting(t.ctx.db, () => updateContact(t.ctx, 'no-contact', { role: 'x' }))).toMatchObject({ code: 'NOT_FOUND' });
    expect(await refusedWithoutWriting(t.ctx.db, () => addContact(t.ctx, 'no-org', { name: 'Nobody' }))).toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe.each(DIALECTS)('cases on %s', (dialect) => {
  let t: TestDb;
  let s: Seeded;
  let clientId: string;
  let org: Record<string, string>;
  beforeEach(async () => {
    t = await openTestDb(dialect);
    s = await seedPractice(t.ctx);
    clientId = (await addClient(t.ctx, { name: 'Amara Fictional', dob: '2016-05-12', lead_clinician_id: s.clinician.id })).id;
    org = {};
    for (const [kind, name] of [
      ['local_authority', 'Exampleshire County Council'],
      ['school', 'Brook Primary School'],
      ['insurer', 'Fictional Health Insurance'],
      ['solicitor', 'Harbour Solicitors LLP'],
      ['housing_authority', 'Exampleton Housing'],
      ['employer', 'Widgets Fictional Ltd'],
    ] as const) {
      org[kind] = (await addOrganisation(t.ctx, { name, kind })).id;
    }
  });
  afterEach(async () => t.store.close());

  it('opens a paediatric case with an EHCP plan: defaults jurisdiction from the practice, status open, opened today', async () => {
    const c = await openCase(t.ctx, {
      client_id: clientId,
      service_line: 'paediatric',
      ehcp: { la_org_id: org.local_authority, school_org_id: org.school, la_reference: 'EHC/0001', next_review_meeting_on: '2027-03-15', year_group: 'Year 5' },
    });
    expect(c).toMatchObject({
      client_id: clientId,
      client_name: 'Amara Fictional',
      jurisdiction: 'england',
      status: 'open',
      opened_on: '2026-11-27',
      funder_kind: 'self_pay',
      details: ['ehcp'],
    });
    expect(c.ehcp).toMatchObject({ la_reference: 'EHC/0001', next_review_meeting_on: '2027-03-15', year_group: 'Year 5' });
  });

  it('opens an insured case with an authorisation (funder becomes insurer), and refuses one that ends before it starts', async () => {
    const c = await openCase(t.ctx, {
      client_id: clientId,
      service_line: 'adult_neuro',
      authorisation: { insurer_org_id: org.insurer, sessions_authorised: 6, valid_from: '2026-12-01', valid_until: '2027-05-31', authorisation_code: 'AUTH-1' },
    });
    expect(c).toMatchObject({ funder_kind: 'insurer', details: ['authorisation'] });
    expect(c.authorisations).toEqual([expect.objectContaining({ sessions_authorised: 6, authorisation_code: 'AUTH-1', excess_pence: 0 })]);
    const err = await refusedWithoutWriting(t.ctx.db, () =>
      openCase(t.ctx, {
        client_id: clientId,
        service_line: 'adult_neuro',
        authorisation: { sessions_authorised: 6, valid_from: '2027-01-02', valid_until: '2027-01-01' },
      }),
    );
    expect(err).toMatchObject({ code: 'VALIDATION', field: 'authorisation.valid_until' });
  });

  it('opens a medico-legal case (stage defaults to instructed), a housing case and a workplace case', async () => {
    const ml = await openCase(t.ctx, {
      client_id: clientId,
      service_line: 'medico_legal',
      medico_legal: {
        solicitor_org_id: org.solicitor,
        instructed_by: 'claimant',
        report_type: 'care_and_needs',
        fee_basis: 'fixed',
        instructed_on: '2026-11-20',
        report_due_on: '2027-01-29',
      },
    });
    expect(ml.medico_legal).toMatchObject({ stage: 'instructed', instructed_by: 'claimant', report_due_on: '2027-01-29' });
    const h = await openCase(t.ctx, {
      client_id: clientId,
      service_line: 'housing',
      housing: { housing_org_id: org.housing_authority, adaptation: 'level-access shower' },
    });
    expect(h.housing).toMatchObject({ stage: 'assessment', adaptation: 'level-access shower' });
    const w = await openCase(t.ctx, {
      client_id: clientId,
      service_line: 'workplace',
      workplace: { employer_org_id: org.employer, job_title: 'Warehouse operative' },
    });
    expect(w.workplace).toMatchObject({ stage: 'referred', job_title: 'Warehouse operative' });
    expect([ml.details, h.details, w.details]).toEqual([['medico_legal'], ['housing'], ['workplace']]);
  });

  it.each([
    ['a school as the EHCP local authority', () => ({ service_line: 'paediatric', ehcp: { la_org_id: 'school' } }), 'ehcp.la_org_id'],
    ['an insurer as the EHCP school', () => ({ service_line: 'paediatric', ehcp: { school_org_id: 'insurer' } }), 'ehcp.school_org_id'],
    [
      'a school as the authorisation insurer',
      () => ({
        service_line: 'adult_neuro',
        authorisation: { insurer_org_id: 'school', sessions_authorised: 1, valid_from: '2026-12-01', valid_until: '2026-12-31' },
      }),
      'authorisation.insurer_org_id',
    ],
    [
      'an employer as the solicitor',
      () => ({
        service_line: 'medico_legal',
        medico_legal: {
          solicitor_org_id: 'employer',
          instructed_by: 'claimant',
          report_type: 'care_and_needs',
          fee_basis: 'fixed',
          instructed_on: '2026-11-20',
        },
      }),
      'medico_legal.solicitor_org_id',
    ],
    ['a solicitor as the employer', () => ({ service_line: 'workplace', workplace: { employer_org_id: 'solicitor' } }), 'workplace.employer_org_id'],
  ])('refuses %s, writing nothing (not even the case row)', async (_label, make, field) => {
    const input = make() as Record<string, Record<string, unknown> | string>;
    // Replace the org-kind placeholders with the seeded organisations' ids.
    for (const v of Object.values(input)) {
      if (typeof v === 'object') for (const [k, x] of Object.entries(v)) if (typeof x === 'string' && x in org) v[k] = org[x];
    }
    const err = await refusedWithoutWriting(t.ctx.db, () => openCase(t.ctx, { client_id: clientId, ...input } as never));
    expect(err).toMatchObject({ code: 'VALIDATION', field, message: expect.stringMatching(/ is an? .*, not an? /) });
  });

  it('refuses EHCP details on a housing case, an unknown client, and an unknown service line', async () => {
    expect(await refusedWithoutWriting(t.ctx.db, () => openCase(t.ctx, { client_id: clientId, service_line: 'housing', ehcp: {} }))).toMatchObject({
      field: 'ehcp',
    });
    expect(await refusedWithoutWriting(t.ctx.db, () => openCase(t.ctx, { client_id: 'no-client', service_line: 'paediatric' }))).toMatchObject({
      code: 'NOT_FOUND',
    });
    expect(await refusedWithoutWriting(t.ctx.db, () => openCase(t.ctx, { client_id: clientId, service_line: 'dentistry' as never }))).toMatchObject({
      field: 'service_line',
    });
  });

  it('an admin may not open cases', async () => {
    expect(await refusedWithoutWriting(t.ctx.db, () => openCase(as(t.ctx, s.admin), { client_id: clientId, service_line: 'paediatric' }))).toMatchObject({
      code: 'FORBIDDEN',
    });
  });

  it('lists cases newest first with client name and details, filtered by status, service line and caseload', async () => {
    const older = await openCase(t.ctx, { client_id: clientId, service_line: 'paediatric', opened_on: '2026-01-10', clinician_id: s.clinician.id, ehcp: {} });
    const newer = await openCase(t.ctx, { client_id: clientId, service_line: 'housing', opened_on: '2026-06-01', housing: {} });
    const other = (await addClient(t.ctx, { name: 'Other Client', dob: '2000-01-01', lead_clinician_id: s.otherClinician.id })).id;
    await openCase(t.ctx, { client_id: other, service_line: 'workplace', clinician_id: s.otherClinician.id, opened_on: '2026-03-01' });
    const all = await listCases(t.ctx);
    expect(all.map((c) => c.opened_on)).toEqual(['2026-06-01', '2026-03-01', '2026-01-10']);
    expect(all.find((c) => c.id === older.id)).toMatchObject({ client_name: 'Amara Fictional', clinician_name: 'Cara Clinician', details: ['ehcp'] });
    expect((await listCases(t.ctx, { service_line: 'housing' })).map((c) => c.id)).toEqual([newer.id]);
    expect((await listCases(t.ctx, { client_id: other })).map((c) => c.client_name)).toEqual(['Other Client']);
    expect((await listCases(as(t.ctx, s.clinician))).map((c) => c.client_id)).toEqual([clientId, clientId]);
    await changeCaseStatus(t.ctx, newer.id, { status: 'on_hold' });
    expect((await listCases(t.ctx, { status: 'on_hold' })).map((c) => c.id)).toEqual([newer.id]);
  });

  it('get audits a read; a clinician asking for another caseload’s case gets NOT_FOUND', async () => {
    const c = await openCase(t.ctx, { client_id: clientId, service_line: 'paediatric' });
    const before = (await rowCounts(t.ctx.db)).audit_events;
    expect(await getCase(t.ctx, c.id)).toMatchObject({ id: c.id, ehcp: null, authorisations: [], medico_legal: null, housing: null, workplace: null });
    expect((await rowCounts(t.ctx.db)).audit_events).toBe(before + 1);
    expect(await refusedWithoutWriting(t.ctx.db, () => getCase(as(t.ctx, s.otherClinician), c.id))).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('status: open → on hold → open → discharged (closed_on set) → open (closed_on cleared) → closed; nothing leaves closed', async () => {
    const c = await openCase(t.ctx, { client_id: clientId, service_line: 'paediatric' });
    expect(await changeCaseStatus(t.ctx, c.id, { status: 'on_hold' })).toMatchObject({ status: 'on_hold', closed_on: null });
    await changeCaseStatus(t.ctx, c.id, { status: 'open' });
    expect(await changeCaseStatus(t.ctx, c.id, { status: 'discharged', on: '2026-11-20' })).toMatchObject({ status: 'discharged', closed_on: '2026-11-20' });
    expect(await changeCaseStatus(t.ctx, c.id, { status: 'open' })).toMatchObject({ status: 'open', closed_on: null });
    expect(await changeCaseStatus(t.ctx, c.id, { status: 'closed' })).toMatchObject({ status: 'closed', closed_on: '2026-11-27' });
    const err = await refusedWithoutWriting(t.ctx.db, () => changeCaseStatus(t.ctx, c.id, { status: 'open' }));
    expect(err).toMatchObject({ code: 'CONFLICT', message: 'A case that is closed cannot become open.' });
  });

  it('status: referred cannot jump to discharged; unknown status and unknown case are refused; an admin may not change status', async () => {
    const c = await openCase(t.ctx, { client_id: clientId, service_line: 'paediatric', status: 'referred' });
    expect(await refusedWithoutWriting(t.ctx.db, () => changeCaseStatus(t.ctx, c.id, { status: 'discharged' }))).toMatchObject({ code: 'CONFLICT' });
    expect(await refusedWithoutWriting(t.ctx.db, () => changeCaseStatus(t.ctx, c.id, { status: 'finished' }))).toMatchObject({ code: 'VALIDATION' });
    expect(await refusedWithoutWriting(t.ctx.db, () => changeCaseStatus(t.ctx, 'no-case', { status: 'open' }))).toMatchObject({ code: 'NOT_FOUND' });
    expect(await refusedWithoutWriting(t.ctx.db, () => changeCaseStatus(as(t.ctx, s.admin), c.id, { status: 'open' }))).toMatchObject({ code: 'FORBIDDEN' });
    await expect(changeCaseStatus(t.ctx, c.id, { status: 'open' })).resolves.toMatchObject({ status: 'open' });
  });
});
