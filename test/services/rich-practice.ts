/**
 * A small practice with a row in every exported table (through the services where they
 * exist, directly where no service exists yet), including awkward values: quotes, newlines,
 * non-ASCII names, NULLs and zero flags, so export → import has something to get wrong.
 */
import { openCase } from '../../src/services/cases/open-case.js';
import { addClient } from '../../src/services/clients/add-client.js';
import { addClientContact } from '../../src/services/clients/update-client.js';
import type { ServiceContext } from '../../src/services/context.js';
import { addContact } from '../../src/services/organisations/add-contact.js';
import { addOrganisation } from '../../src/services/organisations/add-organisation.js';
import { addTask } from '../../src/services/tasks/add-task.js';
import { completeTask } from '../../src/services/tasks/complete-task.js';
import { EXPORT_TABLES } from '../../src/db/schema.js';
import { seedPractice, type Seeded } from './support.js';

/** The exported tables this seed puts rows in (all of EXPORT_TABLES when it was written). */
export const SEEDED_TABLES = EXPORT_TABLES.slice(0, EXPORT_TABLES.indexOf('rule_params') + 1);

export async function seedRichPractice(ctx: ServiceContext): Promise<Seeded & { clientIds: string[]; caseIds: string[] }> {
  const s = await seedPractice(ctx);
  const a = await addClient(ctx, {
    name: 'Siân O’Fictional-Évans',
    dob: '2016-05-12',
    nhs_number: '9434765919',
    postcode: 'CF10 1AA',
    lead_clinician_id: s.clinician.id,
    consent: { school: true, la: true },
    notes: 'Line one\nLine "two" \\ back-slash',
  });
  const b = await addClient(ctx, { name: 'Ben Sample', dob: '1980-02-29', lead_clinician_id: s.otherClinician.id });
  await addClientContact(ctx, a.id, { name: 'Pat Parent', relationship: 'mother', is_carer: true, parental_responsibility: true });
  const la = await addOrganisation(ctx, { name: 'Exampleshire County Council', kind: 'local_authority' });
  const school = await addOrganisation(ctx, { name: 'Brook Primary School', kind: 'school' });
  const insurer = await addOrganisation(ctx, { name: 'Fictional Health Insurance', kind: 'insurer' });
  const solicitor = await addOrganisation(ctx, { name: 'Harbour Solicitors LLP', kind: 'solicitor' });
  const housing = await addOrganisation(ctx, { name: 'Exampleton Housing', kind: 'housing_authority' });
  const employer = await addOrganisation(ctx, { name: 'Widgets Fictional Ltd', kind: 'employer' });
  const senco = await addContact(ctx, school.id, { name: 'Sally Senco', role: 'SENCO', email: 'senco@brook.test' });
  const ehcp = await openCase(ctx, {
    client_id: a.id,
    service_line: 'paediatric',
    clinician_id: s.clinician.id,
    ehcp: {
      la_org_id: la.id,
      school_org_id: school.id,
      senco_contact_id: senco.id,
      la_reference: 'EHC/0001',
      next_review_meeting_on: '2027-03-15',
      transfer_year: 2027,
    },
  });
  const insured = await openCase(ctx, {
    client_id: b.id,
    service_line: 'adult_neuro',
    clinician_id: s.otherClinician.id,
    authorisation: { insurer_org_id: insurer.id, sessions_authorised: 6, valid_from: '2026-12-01', valid_until: '2027-05-31', per_session_limit_pence: 9500 },
  });
  const ml = await openCase(ctx, {
    client_id: b.id,
    service_line: 'medico_legal',
    medico_legal: {
      solicitor_org_id: solicitor.id,
      instructed_by: 'single_joint',
      report_type: 'care_and_needs',
      fee_basis: 'deferred',
      instructed_on: '2026-11-20',
    },
  });
  const hs = await openCase(ctx, { client_id: b.id, service_line: 'housing', housing: { housing_org_id: housing.id, adaptation: 'stair lift' } });
  const wp = await openCase(ctx, { client_id: b.id, service_line: 'workplace', workplace: { employer_org_id: employer.id, job_title: 'Picker' } });
  await ctx.db
    .insertInto('case_shares')
    .values([
      { case_id: insured.id, user_id: s.clinician.id },
      { case_id: ehcp.id, user_id: s.otherClinician.id },
    ])
    .execute();
  const authorisation = await ctx.db.selectFrom('authorisations').select('id').executeTakeFirstOrThrow();
  await ctx.db
    .insertInto('sessions')
    .values({
      id: 'session-0001',
      case_id: insured.id,
      clinician_id: s.otherClinician.id,
      on_date: '2026-11-20',
      start_time: '10:30',
      duration_minutes: 60,
      kind: 'therapy',
      attendance: 'attended',
      billable: 0,
      authorisation_id: authorisation.id,
      notes: 'Goal 1: “kettle” task',
    })
    .execute();
  const task = await addTask(ctx, { title: 'Send OT advice', due_on: '2027-01-08', case_id: ehcp.id, hardness: 'hard', kind: 'statutory' });
  await addTask(ctx, { title: 'Chase insurer', due_on: '2026-12-10', client_id: b.id });
  await completeTask(ctx, task.id, { note: 'Sent by email', confirmation: 'Sent to the LA on time' });
  await ctx.db
    .insertInto('correspondence')
    .values({
      id: 'corr-0001',
      client_id: a.id,
      case_id: ehcp.id,
      direction: 'in',
      channel: 'email',
      party_org_id: la.id,
      party_contact_id: null,
      party_name: 'EHC team',
      on_date: '2026-11-25',
      subject: 'Request for advice',
      summary: 'Advice due in 6 weeks',
      file_path: null,
      follow_up_on: '2027-01-01',
      created_at: '2026-11-27T09:00:00.000Z',
    })
    .execute();
  await ctx.db
    .insertInto('documents')
    .values({
      id: 'doc-0001',
      client_id: a.id,
      case_id: ehcp.id,
      kind: 'ehcp_advice',
      version: 1,
      status: 'draft',
      title: 'OT advice',
      body: '{"sections":[]}',
      created_by: s.clinician.id,
      signed_by: null,
      signed_at: null,
      created_at: '2026-11-27T09:00:00.000Z',
    })
    .execute();
  await ctx.db
    .insertInto('ehcp_events')
    .values({ id: 'ehcp-event-1', case_id: ehcp.id, kind: 'advice_requested', on_date: '2026-11-25', meeting_on: null, created_at: '2026-11-27T09:00:00.000Z' })
    .execute();
  await ctx.db
    .insertInto('compliance_items')
    .values({
      id: 'comp-1',
      rule_id: 'COMP-HCPC',
      title: 'HCPC renewal',
      user_id: s.owner.id,
      last_done_on: '2025-11-30',
      created_at: '2026-11-27T09:00:00.000Z',
    })
    .execute();
  await ctx.db
    .insertInto('subject_access_requests')
    .values({ id: 'sar-1', client_id: b.id, requester: 'Ben Sample', received_on: '2026-11-26', created_at: '2026-11-27T09:00:00.000Z' })
    .execute();
  await ctx.db
    .insertInto('rule_params')
    .values([
      { rule_id: 'EHCP-ADV-01', name: 'weeks', value: 6 },
      { rule_id: 'EHCP-AR-01', name: 'weeks_before', value: 2 },
    ])
    .execute();
  // Sign-in state, which must never travel.
  await ctx.db
    .insertInto('auth_sessions')
    .values({ id: 'auth-1', user_id: s.owner.id, csrf_token: 'csrf', created_at: '2026-11-27T09:00:00Z', expires_at: '2026-11-27T21:00:00Z' })
    .execute();
  await ctx.db.insertInto('login_attempts').values({ id: 'login-1', key: 'olive@harbour-lane.test', at: '2026-11-27T09:00:00Z', succeeded: 1 }).execute();
  return { ...s, clientIds: [a.id, b.id], caseIds: [ehcp.id, insured.id, ml.id, hs.id, wp.id] };
}
