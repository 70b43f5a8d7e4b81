/**
 * The database as Kysely sees it. Column names are snake_case and so are the JSON
 * objects the CLI and API print, so a row can travel outward without renaming.
 * Flags are 0/1 integers and dates ISO text on both dialects (see migrations/0001).
 */
import type { Generated, Selectable } from 'kysely';

// Generated<T> marks a column with a database default: optional on insert, always present on select.

export interface PracticeTable {
  id: string;
  name: string;
  address: Generated<string>;
  phone: Generated<string>;
  email: Generated<string>;
  letterhead: Generated<string>;
  bank_details: Generated<string>;
  default_jurisdiction: Generated<string>;
  invoice_prefix: Generated<string>;
  created_at: string;
}

export interface UsersTable {
  id: string;
  name: string;
  email: string;
  role: string;
  hcpc_number: string | null;
  qualifications: string | null;
  professional_bodies: string | null;
  password_hash: string;
  totp_secret: string | null;
  active: Generated<number>;
  created_at: string;
  calendar_token_hash: string | null;
}

export interface ClientsTable {
  id: string;
  name: string;
  dob: string;
  nhs_number: string | null;
  address: Generated<string>;
  postcode: Generated<string>;
  phone: Generated<string>;
  email: Generated<string>;
  consent_school: Generated<number>;
  consent_la: Generated<number>;
  consent_gp: Generated<number>;
  consent_insurer: Generated<number>;
  consent_solicitor: Generated<number>;
  lead_clinician_id: string | null;
  notes: Generated<string>;
  created_at: string;
  updated_at: string;
}

export interface ClientContactsTable {
  id: string;
  client_id: string;
  name: string;
  relationship: Generated<string>;
  is_carer: Generated<number>;
  parental_responsibility: Generated<number>;
  phone: Generated<string>;
  email: Generated<string>;
  address: Generated<string>;
}

export interface OrganisationsTable {
  id: string;
  name: string;
  kind: string;
  address: Generated<string>;
  phone: Generated<string>;
  email: Generated<string>;
  notes: Generated<string>;
  created_at: string;
}

export interface ContactsTable {
  id: string;
  organisation_id: string;
  name: string;
  role: Generated<string>;
  email: Generated<string>;
  phone: Generated<string>;
  updated_at: string;
}

export interface CasesTable {
  id: string;
  client_id: string;
  title: Generated<string>;
  service_line: string;
  funder_kind: Generated<string>;
  funder_org_id: string | null;
  referrer_org_id: string | null;
  referrer_contact_id: string | null;
  jurisdiction: string;
  status: string;
  clinician_id: string | null;
  opened_on: string;
  closed_on: string | null;
  created_at: string;
}

export interface CaseSharesTable {
  case_id: string;
  user_id: string;
}

export interface EhcpPlansTable {
  id: string;
  case_id: string;
  la_org_id: string | null;
  la_reference: Generated<string>;
  school_org_id: string | null;
  senco_contact_id: string | null;
  plan_issued_on: string | null;
  last_review_on: string | null;
  next_review_meeting_on: string | null;
  advice_requested_on: string | null;
  year_group: Generated<string>;
  transfer_year: number | null;
  draft_served_on: string | null;
  amendment_notice_on: string | null;
  decision_letter_on: string | null;
  /** 'school' (EHCP-PT-01, 15 February), 'post16' (EHCP-PT-02, 31 March) or 'post16_post16' (EHCP-PT-03). */
  transfer_kind: string | null;
}

export interface EhcpEventsTable {
  id: string;
  case_id: string;
  kind: string;
  on_date: string;
  meeting_on: string | null;
  notes: Generated<string>;
  created_at: string;
}

export interface ComplianceItemsTable {
  id: string;
  rule_id: string;
  title: string;
  user_id: string | null;
  reference: Generated<string>;
  last_done_on: string;
  notes: Generated<string>;
  created_at: string;
}

export interface SubjectAccessRequestsTable {
  id: string;
  client_id: string | null;
  requester: string;
  received_on: string;
  extended: Generated<number>;
  responded_on: string | null;
  notes: Generated<string>;
  created_at: string;
}

export interface RuleParamsTable {
  rule_id: string;
  name: string;
  value: number;
}

export interface AuthorisationsTable {
  id: string;
  case_id: string;
  insurer_org_id: string | null;
  membership_number: Generated<string>;
  authorisation_code: Generated<string>;
  sessions_authorised: number;
  valid_from: string;
  valid_until: string;
  per_session_limit_pence: number | null;
  total_limit_pence: number | null;
  excess_pence: Generated<number>;
}

export interface MedicoLegalInstructionsTable {
  id: string;
  case_id: string;
  solicitor_org_id: string | null;
  solicitor_contact_id: string | null;
  instructed_by: string;
  claim_reference: Generated<string>;
  court_claim_number: Generated<string>;
  accident_date: string | null;
  report_type: string;
  fee_basis: string;
  stage: string;
  instructed_on: string;
  report_due_on: string | null;
  report_served_on: string | null;
  questions_received_on: string | null;
  trial_window_from: string | null;
  trial_window_to: string | null;
  records_received_on: string | null;
  assessed_on: string | null;
  report_drafted_on: string | null;
  addendum_on: string | null;
  joint_statement_due_on: string | null;
  joint_statement_on: string | null;
  settled_on: string | null;
  closed_on: string | null;
  fee_estimate_pence: number | null;
}

export interface HousingAdaptationsTable {
  id: string;
  case_id: string;
  housing_org_id: string | null;
  adaptation: Generated<string>;
  tenure: Generated<string>;
  dfg_application_on: string | null;
  dfg_approved_on: string | null;
  stage: string;
}

export interface WorkplaceAssessmentsTable {
  id: string;
  case_id: string;
  employer_org_id: string | null;
  job_title: Generated<string>;
  job_start_on: string | null;
  atw_application_on: string | null;
  stage: string;
}

export interface SessionsTable {
  id: string;
  case_id: string;
  clinician_id: string | null;
  on_date: string;
  start_time: string | null;
  duration_minutes: number;
  kind: string;
  attendance: string;
  billable: Generated<number>;
  authorisation_id: string | null;
  notes: Generated<string>;
  fee_pence: number | null;
  miles_hundredths: Generated<number>;
  override_reason: string | null;
}

export interface TasksTable {
  id: string;
  title: string;
  kind: string;
  hardness: string;
  due_on: string;
  status: string;
  rule_id: string | null;
  trigger_kind: string | null;
  trigger_on: string | null;
  trigger_ref: string | null;
  snoozed_until: string | null;
  assignee_id: string | null;
  client_id: string | null;
  case_id: string | null;
  notes: Generated<string>;
  completed_on: string | null;
  created_at: string;
  rule_key: string | null;
  reason: string | null;
}

/** One thing done to a task: done, waived, snoozed or reopened, with the person's note or reason. */
export interface TaskEventsTable {
  id: string;
  task_id: string;
  at: string;
  user_id: string | null;
  action: string;
  until: string | null;
  note: Generated<string>;
  confirmation: Generated<string>;
}

export interface CorrespondenceTable {
  id: string;
  client_id: string | null;
  case_id: string | null;
  direction: string;
  channel: string;
  party_org_id: string | null;
  party_contact_id: string | null;
  party_name: Generated<string>;
  on_date: string;
  subject: string;
  summary: Generated<string>;
  file_path: string | null;
  follow_up_on: string | null;
  created_at: string;
}

export interface DocumentsTable {
  id: string;
  client_id: string | null;
  case_id: string | null;
  kind: string;
  version: number;
  status: string;
  title: string;
  body: Generated<string>;
  created_by: string | null;
  signed_by: string | null;
  signed_at: string | null;
  created_at: string;
  /** Added by migration 0006: letter options as JSON, when it was sent and the correspondence entry logged. */
  options: Generated<string>;
  sent_at: string | null;
  correspondence_id: string | null;
  updated_at: string | null;
}

/** Migration 0006: narrative findings of a case, one per key (domain/documents/notes.ts). */
export interface FindingNotesTable {
  id: string;
  case_id: string;
  key: string;
  text: string;
  updated_by: string | null;
  updated_at: string;
}

/** Needs, observations and recommendations of a case. */
export interface FindingItemsTable {
  id: string;
  case_id: string;
  kind: string;
  area: string | null;
  text: string;
  on_date: string | null;
  setting: string | null;
  position: number;
  created_at: string;
}

export interface AssessmentsTable {
  id: string;
  case_id: string;
  test_name: string;
  edition: string | null;
  test_date: string | null;
  examiner: string | null;
  examiner_qualification: string | null;
  subtest: string | null;
  raw_score: number | null;
  derived_score: number | null;
  metric: string;
  mean: number | null;
  sd: number | null;
  percentile: number | null;
  ci_low: number | null;
  ci_high: number | null;
  band: string | null;
  area: string | null;
  interpretation: string | null;
  position: number;
  created_at: string;
}

export interface GoalsTable {
  id: string;
  case_id: string;
  kind: string;
  text: string;
  area: string | null;
  target_date: string | null;
  importance: number | null;
  performance_baseline: number | null;
  satisfaction_baseline: number | null;
  performance_followup: number | null;
  satisfaction_followup: number | null;
  gas_weight: number | null;
  gas_baseline: number | null;
  gas_outcome: number | null;
  status: string | null;
  position: number;
  created_at: string;
}

export interface ProvisionLinesTable {
  id: string;
  case_id: string;
  section: string;
  need_ref: string | null;
  what: string;
  who: string | null;
  qualification: string | null;
  frequency: string | null;
  duration: string | null;
  programme_length: string | null;
  group_size: string | null;
  delivery: string | null;
  location: string | null;
  review: string | null;
  cost_pence: number | null;
  cost_basis: string | null;
  position: number;
  created_at: string;
}

export interface LaProfilesTable {
  id: string;
  organisation_id: string | null;
  name: string;
  section_order: Generated<string>;
  headings: Generated<string>;
  front_sheet_fields: Generated<string>;
  reference_format: string | null;
  provision_layout: Generated<string>;
  scores_in: Generated<string>;
  max_words: number | null;
  max_pages: number | null;
  freshness_months: number | null;
  return_to: string | null;
  created_at: string;
}

/** Immutable once signed: the model as JSON and its SHA-256. */
export interface DocumentVersionsTable {
  id: string;
  document_id: string;
  version: number;
  model: string;
  content_hash: string;
  status: string;
  change: Generated<string>;
  created_by: string | null;
  created_at: string;
  signed_by: string | null;
  signed_at: string | null;
  /** JSON snapshot of the signer at signing (name, role, qualifications, bodies, HCPC number). */
  signature: string | null;
}

export interface AuditEventsTable {
  id: string;
  seq: number;
  at: string;
  user_id: string | null;
  action: string;
  entity: string;
  entity_id: string | null;
  client_id: string | null;
  detail: Generated<string>;
  prev_hash: string;
  hash: string;
}

export interface AuthSessionsTable {
  id: string;
  user_id: string;
  csrf_token: string;
  created_at: string;
  expires_at: string;
}

export interface LoginAttemptsTable {
  id: string;
  key: string;
  at: string;
  succeeded: number;
}

export interface PasswordResetsTable {
  user_id: string;
  code_hash: string;
  created_by: string | null;
  created_at: string;
  expires_at: string;
}

export interface MoneySettingsTable {
  name: string;
  value: number;
}

export interface InvoicesTable {
  id: string;
  number: string;
  /** 'invoice' or 'credit_note'. */
  kind: string;
  credits_invoice_id: string | null;
  client_id: string;
  case_id: string | null;
  authorisation_id: string | null;
  payer_kind: string;
  payer_org_id: string | null;
  payer_name: string;
  issued_on: string;
  due_on: string | null;
  /** 'issued' or 'void'. Paid, part-paid and overdue are derived from the amounts. */
  status: string;
  deferred: Generated<number>;
  total_pence: number;
  paid_pence: Generated<number>;
  credited_pence: Generated<number>;
  written_off_pence: Generated<number>;
  outstanding_pence: number;
  membership_number: Generated<string>;
  authorisation_code: Generated<string>;
  client_dob: string | null;
  treatment_from: string | null;
  treatment_to: string | null;
  override_reason: string | null;
  notes: Generated<string>;
  voided_on: string | null;
  void_reason: string | null;
  created_by: string | null;
  created_at: string;
}

export interface InvoiceLinesTable {
  id: string;
  invoice_id: string;
  position: number;
  kind: string;
  session_id: string | null;
  on_date: string | null;
  description: string;
  quantity_hundredths: number;
  unit_pence: number;
  amount_pence: number;
}

export interface PaymentsTable {
  id: string;
  received_on: string;
  payer_kind: string;
  payer_org_id: string | null;
  client_id: string | null;
  payer_name: string;
  amount_pence: number;
  unallocated_pence: number;
  method: string;
  reference: Generated<string>;
  notes: Generated<string>;
  created_by: string | null;
  created_at: string;
}

export interface PaymentAllocationsTable {
  id: string;
  payment_id: string;
  invoice_id: string;
  amount_pence: number;
  allocated_on: string;
  created_at: string;
}

export interface WriteOffsTable {
  id: string;
  invoice_id: string;
  amount_pence: number;
  on_date: string;
  reason: string;
  created_by: string | null;
  created_at: string;
}

export interface ReferralSourcesTable {
  id: string;
  name: string;
  kind: string;
  organisation_id: string | null;
  contact_id: string | null;
  /** A consent party (gp, school, la, insurer, solicitor), 'self', or null for none: report-backs rest on it. */
  consent_party: string | null;
  ack_working_days: Generated<number>;
  report_back_working_days: Generated<number>;
  expects: Generated<string>;
  notes: Generated<string>;
  created_at: string;
}

export interface ReferralsTable {
  id: string;
  source_id: string;
  client_id: string;
  received_on: string;
  service_line: string;
  service_detail: Generated<string>;
  urgency: Generated<string>;
  funding: Generated<string>;
  funder_org_id: string | null;
  reason: Generated<string>;
  status: string;
  outcome_on: string | null;
  decline_reason: string | null;
  case_id: string | null;
  ack_due_on: string;
  acknowledged_on: string | null;
  /** Working days from receipt to acknowledgement (set with acknowledged_on). */
  ack_days: number | null;
  created_by: string | null;
  created_at: string;
}

export interface InboxFilesTable {
  hash: string;
  size: number;
  content_base64: string;
  created_at: string;
}

export interface InboxItemsTable {
  id: string;
  file_name: string;
  content_hash: string;
  message_id: string | null;
  category: string;
  received_on: string | null;
  subject: Generated<string>;
  sender_org: string | null;
  sender_name: string | null;
  client_id: string | null;
  case_id: string | null;
  match: Generated<string>;
  correspondence_id: string | null;
  triage_json: string;
  imported_at: string;
  imported_by: string | null;
}

export interface InboxProposalsTable {
  id: string;
  item_id: string;
  kind: string;
  status: string;
  title: string;
  payload_json: string;
  rule_id: string | null;
  due_on: string | null;
  reason: Generated<string>;
  outcome: Generated<string>;
  created_at: string;
  decided_at: string | null;
  decided_by: string | null;
}

export interface TriageCorrectionsTable {
  id: string;
  item_id: string;
  /** category | client | date | reference */
  field: string;
  sender: string | null;
  domain: string | null;
  pattern: string | null;
  proposed: Generated<string>;
  corrected: Generated<string>;
  on_date: string;
  created_at: string;
  created_by: string | null;
}

export interface Database {
  practice: PracticeTable;
  users: UsersTable;
  clients: ClientsTable;
  client_contacts: ClientContactsTable;
  organisations: OrganisationsTable;
  contacts: ContactsTable;
  cases: CasesTable;
  case_shares: CaseSharesTable;
  ehcp_plans: EhcpPlansTable;
  authorisations: AuthorisationsTable;
  medico_legal_instructions: MedicoLegalInstructionsTable;
  housing_adaptations: HousingAdaptationsTable;
  workplace_assessments: WorkplaceAssessmentsTable;
  sessions: SessionsTable;
  tasks: TasksTable;
  task_events: TaskEventsTable;
  correspondence: CorrespondenceTable;
  documents: DocumentsTable;
  finding_notes: FindingNotesTable;
  finding_items: FindingItemsTable;
  assessments: AssessmentsTable;
  goals: GoalsTable;
  provision_lines: ProvisionLinesTable;
  la_profiles: LaProfilesTable;
  document_versions: DocumentVersionsTable;
  audit_events: AuditEventsTable;
  auth_sessions: AuthSessionsTable;
  login_attempts: LoginAttemptsTable;
  password_resets: PasswordResetsTable;
  ehcp_events: EhcpEventsTable;
  compliance_items: ComplianceItemsTable;
  subject_access_requests: SubjectAccessRequestsTable;
  rule_params: RuleParamsTable;
  money_settings: MoneySettingsTable;
  invoices: InvoicesTable;
  invoice_lines: InvoiceLinesTable;
  payments: PaymentsTable;
  payment_allocations: PaymentAllocationsTable;
  write_offs: WriteOffsTable;
  referral_sources: ReferralSourcesTable;
  referrals: ReferralsTable;
  inbox_files: InboxFilesTable;
  inbox_items: InboxItemsTable;
  inbox_proposals: InboxProposalsTable;
  triage_corrections: TriageCorrectionsTable;
}

/**
 * Tables in an order where each only refers to tables before it: used by export
 * (write in this order), import (insert in this order) and tests (delete in reverse).
 * Sign-in sessions and login attempts are not practice data and are never exported.
 */
export const EXPORT_TABLES = [
  'practice',
  'users',
  'clients',
  'client_contacts',
  'organisations',
  'contacts',
  'cases',
  'case_shares',
  'ehcp_plans',
  'authorisations',
  'medico_legal_instructions',
  'housing_adaptations',
  'workplace_assessments',
  'sessions',
  'tasks',
  'correspondence',
  'documents',
  'audit_events',
  'ehcp_events',
  'compliance_items',
  'subject_access_requests',
  'rule_params',
  'money_settings',
  'invoices',
  'invoice_lines',
  'payments',
  'payment_allocations',
  'write_offs',
  'referral_sources',
  'referrals',
  'finding_notes',
  'finding_items',
  'assessments',
  'goals',
  'provision_lines',
  'la_profiles',
  'document_versions',
  'inbox_files',
  'inbox_items',
  'inbox_proposals',
  'triage_corrections',
  'task_events',
] as const satisfies readonly (keyof Database)[];

export type Client = Selectable<ClientsTable>;
export type Case = Selectable<CasesTable>;
