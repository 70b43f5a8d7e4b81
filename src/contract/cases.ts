import { z } from 'zod';
import {
  CASE_DETAIL_KINDS,
  CASE_STATUSES,
  FUNDER_KINDS,
  JURISDICTIONS,
  ML_FEE_BASES,
  ML_REPORT_TYPES,
  ML_ROLES,
  ML_STAGES,
  SERVICE_LINES,
} from '../domain/vocabulary.js';
import { id, isoDate, shortText } from './common.js';

const oneOf = <T extends readonly [string, ...string[]]>(values: T) => z.enum(values, { error: `must be one of ${values.join(', ')}` });

const ehcpDetailInput = z
  .object({
    la_org_id: id.optional(),
    la_reference: shortText.optional(),
    school_org_id: id.optional(),
    senco_contact_id: id.optional(),
    plan_issued_on: isoDate.optional(),
    last_review_on: isoDate.optional(),
    next_review_meeting_on: isoDate.optional(),
    advice_requested_on: isoDate.optional(),
    year_group: shortText.optional(),
    transfer_year: z.number().int().min(2000).max(2100).optional(),
  })
  .strict();

const authorisationFields = z
  .object({
    insurer_org_id: id.optional(),
    membership_number: shortText.optional(),
    authorisation_code: shortText.optional(),
    sessions_authorised: z.number().int().min(0).max(1000),
    valid_from: isoDate,
    valid_until: isoDate,
    per_session_limit_pence: z.number().int().min(0).optional(),
    total_limit_pence: z.number().int().min(0).optional(),
    excess_pence: z.number().int().min(0).optional(),
  })
  .strict();
export const authorisationDetailInput = authorisationFields.refine((a) => a.valid_until >= a.valid_from, {
  message: 'must not end before it starts',
  path: ['valid_until'],
});

const medicoLegalDetailInput = z
  .object({
    solicitor_org_id: id.optional(),
    solicitor_contact_id: id.optional(),
    instructed_by: oneOf(ML_ROLES),
    claim_reference: shortText.optional(),
    court_claim_number: shortText.optional(),
    accident_date: isoDate.optional(),
    report_type: oneOf(ML_REPORT_TYPES),
    fee_basis: oneOf(ML_FEE_BASES),
    stage: oneOf(ML_STAGES).optional(),
    instructed_on: isoDate,
    report_due_on: isoDate.optional(),
  })
  .strict();

const housingDetailInput = z
  .object({
    housing_org_id: id.optional(),
    adaptation: shortText.optional(),
    tenure: shortText.optional(),
    dfg_application_on: isoDate.optional(),
    dfg_approved_on: isoDate.optional(),
    stage: shortText.optional(),
  })
  .strict();

const workplaceDetailInput = z
  .object({
    employer_org_id: id.optional(),
    job_title: shortText.optional(),
    job_start_on: isoDate.optional(),
    atw_application_on: isoDate.optional(),
    stage: shortText.optional(),
  })
  .strict();

export const openCaseInput = z
  .object({
    client_id: id,
    title: shortText.optional(),
    service_line: oneOf(SERVICE_LINES),
    funder_kind: oneOf(FUNDER_KINDS).optional(),
    funder_org_id: id.optional(),
    referrer_org_id: id.optional(),
    referrer_contact_id: id.optional(),
    jurisdiction: oneOf(JURISDICTIONS).optional(),
    status: oneOf(CASE_STATUSES).optional(),
    clinician_id: id.optional(),
    opened_on: isoDate.optional(),
    ehcp: ehcpDetailInput.optional(),
    authorisation: authorisationDetailInput.optional(),
    medico_legal: medicoLegalDetailInput.optional(),
    housing: housingDetailInput.optional(),
    workplace: workplaceDetailInput.optional(),
  })
  .strict();
export type OpenCaseInput = z.input<typeof openCaseInput>;

export const listCasesInput = z
  .object({
    client_id: id.optional(),
    status: oneOf(CASE_STATUSES).optional(),
    service_line: oneOf(SERVICE_LINES).optional(),
    clinician_id: id.optional(),
  })
  .strict();
export type ListCasesInput = z.input<typeof listCasesInput>;

export const changeCaseStatusInput = z.object({ status: oneOf(CASE_STATUSES), on: isoDate.optional() }).strict();

export const updateEhcpDetailInput = ehcpDetailInput
  .omit({ next_review_meeting_on: true, advice_requested_on: true })
  .extend({ transfer_kind: z.enum(['school', 'post16', 'post16_post16']).optional() })
  .strict();

/** The insurer cannot change on an authorisation: a new insurer is a new authorisation. */
export const updateAuthorisationInput = authorisationFields.omit({ insurer_org_id: true }).partial();

export const updateMedicoLegalInput = medicoLegalDetailInput
  .pick({ stage: true, claim_reference: true, court_claim_number: true, report_due_on: true })
  .extend({
    report_served_on: isoDate.optional(),
    questions_received_on: isoDate.optional(),
    trial_window_from: isoDate.optional(),
    trial_window_to: isoDate.optional(),
  });

export const updateHousingInput = housingDetailInput;
export const updateWorkplaceInput = workplaceDetailInput;

// What the API answers: the route serialises through these, so a field not listed never leaves the server.
export const caseSummary = z.object({
  client_id: z.string(),
  id: z.string(),
  title: z.string(),
  created_at: z.string(),
  clinician_id: z.string().nullable(),
  status: z.string(),
  service_line: z.string(),
  funder_kind: z.string(),
  funder_org_id: z.string().nullable(),
  referrer_org_id: z.string().nullable(),
  referrer_contact_id: z.string().nullable(),
  jurisdiction: z.string(),
  opened_on: z.string(),
  closed_on: z.string().nullable(),
  client_name: z.string(),
  clinician_name: z.string().nullable(),
  details: z.array(z.enum(CASE_DETAIL_KINDS)),
});
export type CaseSummary = z.infer<typeof caseSummary>;
export const ehcpDetail = z.object({
  id: z.string(),
  case_id: z.string(),
  la_org_id: z.string().nullable(),
  la_reference: z.string(),
  school_org_id: z.string().nullable(),
  senco_contact_id: z.string().nullable(),
  plan_issued_on: z.string().nullable(),
  last_review_on: z.string().nullable(),
  next_review_meeting_on: z.string().nullable(),
  advice_requested_on: z.string().nullable(),
  year_group: z.string(),
  transfer_year: z.number().nullable(),
  draft_served_on: z.string().nullable(),
  amendment_notice_on: z.string().nullable(),
  decision_letter_on: z.string().nullable(),
  transfer_kind: z.string().nullable(),
});
/** An insurer's authorisation of sessions, as stored. */
export const authorisationRecord = z.object({
  id: z.string(),
  case_id: z.string(),
  insurer_org_id: z.string().nullable(),
  membership_number: z.string(),
  authorisation_code: z.string(),
  sessions_authorised: z.number(),
  valid_from: z.string(),
  valid_until: z.string(),
  per_session_limit_pence: z.number().nullable(),
  total_limit_pence: z.number().nullable(),
  excess_pence: z.number(),
});
/** A medico-legal instruction, as stored. */
export const medicoLegalRecord = z.object({
  id: z.string(),
  case_id: z.string(),
  closed_on: z.string().nullable(),
  solicitor_org_id: z.string().nullable(),
  solicitor_contact_id: z.string().nullable(),
  instructed_by: z.string(),
  claim_reference: z.string(),
  court_claim_number: z.string(),
  accident_date: z.string().nullable(),
  report_type: z.string(),
  fee_basis: z.string(),
  stage: z.string(),
  instructed_on: z.string(),
  report_due_on: z.string().nullable(),
  report_served_on: z.string().nullable(),
  questions_received_on: z.string().nullable(),
  trial_window_from: z.string().nullable(),
  trial_window_to: z.string().nullable(),
  records_received_on: z.string().nullable(),
  assessed_on: z.string().nullable(),
  report_drafted_on: z.string().nullable(),
  addendum_on: z.string().nullable(),
  joint_statement_due_on: z.string().nullable(),
  joint_statement_on: z.string().nullable(),
  settled_on: z.string().nullable(),
  fee_estimate_pence: z.number().nullable(),
});
export const caseDetail = caseSummary.extend({
  ehcp: ehcpDetail.nullable(),
  authorisations: z.array(authorisationRecord),
  medico_legal: medicoLegalRecord.nullable(),
  housing: z
    .object({
      id: z.string(),
      case_id: z.string(),
      stage: z.string(),
      housing_org_id: z.string().nullable(),
      adaptation: z.string(),
      tenure: z.string(),
      dfg_application_on: z.string().nullable(),
      dfg_approved_on: z.string().nullable(),
    })
    .nullable(),
  workplace: z
    .object({
      id: z.string(),
      case_id: z.string(),
      stage: z.string(),
      employer_org_id: z.string().nullable(),
      job_title: z.string(),
      job_start_on: z.string().nullable(),
      atw_application_on: z.string().nullable(),
    })
    .nullable(),
});
export type CaseDetail = z.infer<typeof caseDetail>;
export const listCasesResponse = z.object({ cases: z.array(caseSummary) });
