import { z } from 'zod';
import { CASE_STATUSES, FUNDER_KINDS, JURISDICTIONS, ML_FEE_BASES, ML_REPORT_TYPES, ML_ROLES, ML_STAGES, SERVICE_LINES } from '../domain/vocabulary.js';
import { id, isoDate, shortText } from './common.js';

const oneOf = <T extends readonly [string, ...string[]]>(values: T) => z.enum(values, { error: `must be one of ${values.join(', ')}` });

export const ehcpDetailInput = z
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

export const authorisationDetailInput = z
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
  .strict()
  .refine((a) => a.valid_until >= a.valid_from, { message: 'must not end before it starts', path: ['valid_until'] });

export const medicoLegalDetailInput = z
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

export const housingDetailInput = z
  .object({
    housing_org_id: id.optional(),
    adaptation: shortText.optional(),
    tenure: shortText.optional(),
    dfg_application_on: isoDate.optional(),
    dfg_approved_on: isoDate.optional(),
    stage: shortText.optional(),
  })
  .strict();

export const workplaceDetailInput = z
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

export const updateAuthorisationInput = z
  .object({
    authorisation_code: shortText.optional(),
    membership_number: shortText.optional(),
    sessions_authorised: z.number().int().min(0).max(1000).optional(),
    valid_from: isoDate.optional(),
    valid_until: isoDate.optional(),
    per_session_limit_pence: z.number().int().min(0).optional(),
    total_limit_pence: z.number().int().min(0).optional(),
    excess_pence: z.number().int().min(0).optional(),
  })
  .strict();

export const updateMedicoLegalInput = z
  .object({
    stage: oneOf(ML_STAGES).optional(),
    claim_reference: shortText.optional(),
    court_claim_number: shortText.optional(),
    report_due_on: isoDate.optional(),
    report_served_on: isoDate.optional(),
    questions_received_on: isoDate.optional(),
    trial_window_from: isoDate.optional(),
    trial_window_to: isoDate.optional(),
  })
  .strict();

export const updateHousingInput = housingDetailInput;
export const updateWorkplaceInput = workplaceDetailInput;
