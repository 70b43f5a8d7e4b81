/**
 * The closed vocabularies of the domain model (DESIGN.md section 4). Stored as these
 * snake_case codes on both databases; the labels are what a UK clinician reads.
 */
export const ROLES = ['owner', 'clinician', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const ORGANISATION_KINDS = [
  'local_authority',
  'school',
  'insurer',
  'solicitor',
  'case_management',
  'gp_practice',
  'nhs_trust',
  'employer',
  'housing_authority',
  'other',
] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];
export const ORGANISATION_KIND_LABELS: Record<OrganisationKind, string> = {
  local_authority: 'Local authority',
  school: 'School',
  insurer: 'Insurer',
  solicitor: 'Solicitors',
  case_management: 'Case management company',
  gp_practice: 'GP practice',
  nhs_trust: 'NHS trust',
  employer: 'Employer',
  housing_authority: 'Housing authority',
  other: 'Other',
};

export const SERVICE_LINES = ['paediatric', 'adult_neuro', 'mental_health', 'workplace', 'housing', 'medico_legal', 'other'] as const;
export type ServiceLine = (typeof SERVICE_LINES)[number];
export const SERVICE_LINE_LABELS: Record<ServiceLine, string> = {
  paediatric: 'Paediatric',
  adult_neuro: 'Adult neurological',
  mental_health: 'Mental health',
  workplace: 'Workplace',
  housing: 'Housing and adaptations',
  medico_legal: 'Medico-legal',
  other: 'Other',
};

export const JURISDICTIONS = ['england', 'wales', 'scotland', 'ni'] as const;
export type Jurisdiction = (typeof JURISDICTIONS)[number];
export const JURISDICTION_LABELS: Record<Jurisdiction, string> = {
  england: 'England',
  wales: 'Wales',
  scotland: 'Scotland',
  ni: 'Northern Ireland',
};

export const FUNDER_KINDS = ['self_pay', 'insurer', 'solicitor', 'local_authority', 'employer', 'case_manager', 'nhs', 'other'] as const;
export type FunderKind = (typeof FUNDER_KINDS)[number];

/**
 * A case moves referred → open → (on_hold ↔ open) → discharged → closed.
 * `closed` is final; a discharged case may be reopened.
 */
export const CASE_STATUSES = ['referred', 'open', 'on_hold', 'discharged', 'closed'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];
const CASE_TRANSITIONS: Record<CaseStatus, readonly CaseStatus[]> = {
  referred: ['open', 'closed'],
  open: ['on_hold', 'discharged', 'closed'],
  on_hold: ['open', 'discharged', 'closed'],
  discharged: ['open', 'closed'],
  closed: [],
};
export function canMoveCase(from: CaseStatus, to: CaseStatus): boolean {
  return CASE_TRANSITIONS[from].includes(to);
}

export const CASE_DETAIL_KINDS = ['ehcp', 'authorisation', 'medico_legal', 'housing', 'workplace'] as const;
export type CaseDetailKind = (typeof CASE_DETAIL_KINDS)[number];

export const SESSION_KINDS = ['assessment', 'therapy', 'review', 'report_writing', 'travel', 'case_conference', 'phone_call'] as const;
export type SessionKind = (typeof SESSION_KINDS)[number];
export const ATTENDANCE = ['attended', 'late_cancellation', 'cancelled', 'dna'] as const;
export type Attendance = (typeof ATTENDANCE)[number];

export const TASK_KINDS = ['statutory', 'court', 'contractual', 'practice', 'chaser', 'acknowledgement', 'report_back', 'renewal', 'general'] as const;
export type TaskKind = (typeof TASK_KINDS)[number];
export const TASK_STATUSES = ['open', 'done', 'waived'] as const;
export const TASK_HARDNESS = ['hard', 'soft'] as const;
export type TaskHardness = (typeof TASK_HARDNESS)[number];

export const CORRESPONDENCE_CHANNELS = ['email', 'letter', 'phone', 'portal', 'in_person', 'fax'] as const;

export const CONSENT_PARTIES = ['school', 'la', 'gp', 'insurer', 'solicitor'] as const;
export type ConsentParty = (typeof CONSENT_PARTIES)[number];

export const INSURERS = ['Bupa', 'AXA Health', 'Aviva', 'Vitality', 'WPA'] as const;

export const ML_ROLES = ['claimant', 'defendant', 'single_joint'] as const;
export const ML_REPORT_TYPES = ['care_and_needs', 'condition_and_prognosis', 'immediate_needs'] as const;
export const ML_FEE_BASES = ['fixed', 'hourly', 'deferred'] as const;
export const ML_STAGES = [
  'instructed',
  'records_received',
  'assessed',
  'report_drafted',
  'served',
  'questions',
  'addendum',
  'joint_statement',
  'trial_window',
  'settled',
  'closed',
] as const;
