/** A fully recorded fictional case for drafting tests: every template has something to read. */
import { NOTE_KEYS } from '../../src/domain/documents/notes.js';
import { DUTY_DECLARATION, STATEMENT_OF_TRUTH, emptySource, type DraftSource } from '../../src/drafting/index.js';

export const TODAY = '2026-11-27';

export function fullSource(): DraftSource {
  const s = emptySource(TODAY);
  s.practice = {
    name: 'Meadowbank Fictional OT',
    address: '1 Test Lane\nExampletown EX1 1AA',
    phone: '01234 000000',
    email: 'hello@meadowbank.test',
    letterhead: 'Independent occupational therapy',
    bank_details: 'Sort code 00-00-00, account 00000000',
  };
  s.author = { name: 'Cara Clinician', hcpc_number: 'OT12345', role: 'Occupational therapist', qualifications: 'BSc (Hons) Occupational Therapy' };
  s.client = { id: 'client-1', name: 'Sam Testworth', dob: '2017-05-03', nhs_number: '9434765919', address: '2 Example Road' };
  s.parents = ['Alex Testworth (mother)'];
  s.case = {
    id: 'case-1',
    title: 'EHC needs assessment',
    service_line: 'paediatric',
    funder_kind: 'local_authority',
    funder_name: 'Exampleshire County Council',
    referrer_name: 'Ms Jo Referrer',
    jurisdiction: 'england',
    status: 'discharged',
    opened_on: '2026-09-01',
    closed_on: '2026-11-20',
  };
  s.ehcp = {
    la_name: 'Exampleshire County Council',
    la_reference: 'EX/1234',
    school_name: 'Fictional Primary School',
    year_group: 'Year 4',
    advice_requested_on: '2026-10-20',
    plan_issued_on: '2025-06-01',
    last_review_on: '2026-06-10',
    next_review_meeting_on: '2027-06-09',
    transfer_kind: null,
  };
  s.authorisation = {
    insurer_name: 'Testinsure Health',
    membership_number: 'M-001',
    authorisation_code: 'AUTH-77',
    sessions_authorised: 6,
    valid_from: '2026-09-01',
    valid_until: '2027-03-01',
    sessions_used: 2,
    sessions_left: 4,
  };
  s.medico_legal = {
    solicitor_name: 'Fictional & Co Solicitors',
    instructed_by: 'claimant',
    claim_reference: 'FC/99',
    court_claim_number: 'K00XX000',
    accident_date: '2025-02-14',
    report_type: 'care_and_needs',
    instructed_on: '2026-09-15',
    report_due_on: '2027-01-15',
  };
  s.housing = { housing_name: 'Exampletown Housing Authority', adaptation: 'Level-access shower', tenure: 'owner-occupier' };
  s.workplace = { employer_name: 'Fictional Widgets Ltd', job_title: 'Administrator' };
  s.sessions = [
    { on_date: '2026-10-01', kind: 'assessment', attendance: 'attended', duration_minutes: 90 },
    { on_date: '2026-10-08', kind: 'therapy', attendance: 'attended', duration_minutes: 45 },
    { on_date: '2026-10-15', kind: 'therapy', attendance: 'dna', duration_minutes: 45 },
  ];
  for (const k of NOTE_KEYS) s.notes[k] = `Recorded ${k}.`;
  s.notes['ml.range_of_opinion'] = 'Others would allow less care; I prefer my figure because of what I observed.';
  s.needs = [
    { id: 'n1', area: 'sensory_physical', text: 'Sam needs to write legibly for a whole lesson', on_date: null, setting: null },
    { id: 'n2', area: 'semh', text: 'Sam needs to stay regulated in a busy classroom', on_date: null, setting: null },
  ];
  s.observations = [
    {
      id: 'o1',
      area: 'sensory_physical',
      text: 'Sam held the pencil in a fisted grip and tired after five minutes.',
      on_date: '2026-10-01',
      setting: 'classroom',
    },
  ];
  s.recommendations = [{ id: 'r1', area: null, text: 'A writing slope for written work.', on_date: null, setting: null }];
  s.assessments = [
    {
      id: 'a1',
      test_name: 'Beery VMI',
      edition: '6th edition',
      test_date: '2026-10-01',
      examiner: 'Cara Clinician',
      examiner_qualification: 'HCPC-registered OT',
      subtest: 'Visual-motor integration',
      raw_score: 14,
      derived_score: 78,
      metric: 'standard',
      mean: null,
      sd: null,
      percentile: 7,
      ci_low: 71,
      ci_high: 87,
      band: 'Low',
      area: 'sensory_physical',
      interpretation: 'Sam finds copying from the board slow and effortful.',
    },
    {
      id: 'a2',
      test_name: 'Movement ABC',
      edition: '2nd edition',
      test_date: '2026-10-01',
      examiner: 'Cara Clinician',
      examiner_qualification: 'HCPC-registered OT',
      subtest: 'Manual dexterity',
      raw_score: null,
      derived_score: 5,
      metric: 'scaled',
      mean: null,
      sd: null,
      percentile: 5,
      ci_low: null,
      ci_high: null,
      band: null,
      area: 'sensory_physical',
      interpretation: 'Fine motor tasks take Sam longer than classmates.',
    },
  ];
  s.goals = [
    {
      id: 'g1',
      kind: 'smart',
      text: 'Sam will write three legible sentences independently so that he can record his own ideas.',
      area: 'sensory_physical',
      target_date: '2027-07-20',
      importance: null,
      performance_baseline: null,
      satisfaction_baseline: null,
      performance_followup: null,
      satisfaction_followup: null,
      gas_weight: null,
      gas_baseline: null,
      gas_outcome: null,
      status: null,
    },
    {
      id: 'g2',
      kind: 'copm',
      text: 'Dressing for PE',
      area: 'self_care',
      target_date: null,
      importance: 8,
      performance_baseline: 3,
      satisfaction_baseline: 2,
      performance_followup: 6,
      satisfaction_followup: 7,
      gas_weight: null,
      gas_baseline: null,
      gas_outcome: null,
      status: null,
    },
    {
      id: 'g3',
      kind: 'gas',
      text: 'Fastens coat zip',
      area: 'self_care',
      target_date: null,
      importance: null,
      performance_baseline: null,
      satisfaction_baseline: null,
      performance_followup: null,
      satisfaction_followup: null,
      gas_weight: 1,
      gas_baseline: -1,
      gas_outcome: 1,
      status: null,
    },
  ];
  s.provision = [
    {
      id: 'p1',
      section: 'F',
      need_ref: 'N1',
      what: 'Handwriting programme',
      who: 'Teaching assistant',
      qualification: 'trained by the OT',
      frequency: '3 times a week',
      duration: '20 minutes',
      programme_length: '12 weeks',
      group_size: '1:1',
      delivery: 'direct',
      location: 'classroom',
      review: 'termly by the OT',
      cost_pence: 45000,
      cost_basis: 'TA time at £15/hour, 2026 rates',
    },
    {
      id: 'p2',
      section: 'G',
      need_ref: 'N2',
      what: 'Sensory regulation review',
      who: 'Occupational therapist',
      qualification: 'HCPC-registered',
      frequency: 'once a term',
      duration: '60 minutes',
      programme_length: null,
      group_size: '1:1',
      delivery: 'indirect',
      location: 'school',
      review: 'at annual review',
      cost_pence: 12000,
      cost_basis: 'practice rate 2026',
    },
  ];
  s.letter = {
    level: 2,
    invoice: { number: 'INV-0042', issued_on: '2026-09-01', due_on: '2026-10-01', amount_pence: 120000, business_payer: true, reference_rate_bp: 400 },
    audience: 'SENCOs of Exampleshire schools',
  };
  return s;
}

export { DUTY_DECLARATION, STATEMENT_OF_TRUTH };
