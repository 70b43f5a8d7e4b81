/** Shapes of the money API's answers (docs/API.md, "Money, insurers and medico-legal"): amounts in integer pence, dates ISO. */

export type InvoiceState = 'void' | 'credit_note' | 'paid' | 'deferred' | 'overdue' | 'part_paid' | 'unpaid' | 'settled_otherwise';

export interface InvoiceRow {
  id: string;
  number: string;
  kind: 'invoice' | 'credit_note';
  credits_invoice_id: string | null;
  client_id: string;
  client_name: string;
  case_id: string | null;
  authorisation_id: string | null;
  payer_kind: string;
  payer_org_id: string | null;
  payer_name: string;
  issued_on: string;
  due_on: string | null;
  status: 'issued' | 'void';
  deferred: boolean;
  total_pence: number;
  paid_pence: number;
  credited_pence: number;
  written_off_pence: number;
  outstanding_pence: number;
  membership_number: string;
  authorisation_code: string;
  client_dob: string | null;
  treatment_from: string | null;
  treatment_to: string | null;
  override_reason: string | null;
  notes: string;
  voided_on: string | null;
  void_reason: string | null;
  state: InvoiceState;
  days_overdue: number;
}

export interface InvoiceDetail extends InvoiceRow {
  client_address: string;
  client_postcode: string;
  lines: {
    id: string;
    position: number;
    kind: string;
    on_date: string | null;
    description: string;
    quantity_hundredths: number;
    unit_pence: number;
    amount_pence: number;
  }[];
  payments: { id: string; payment_id: string; amount_pence: number; received_on: string; reference: string; method: string }[];
  write_offs: { id: string; amount_pence: number; on_date: string; reason: string }[];
  credit_notes: { id: string; number: string; issued_on: string; total_pence: number; notes: string }[];
}

export interface Authorisation {
  id: string;
  case_id: string;
  client_id: string;
  client_name: string;
  insurer_name: string | null;
  membership_number: string;
  authorisation_code: string;
  valid_from: string;
  valid_until: string;
  per_session_limit_pence: number | null;
  total_limit_pence: number | null;
  excess_pence: number;
  sessions_authorised: number;
  sessions_used: number;
  sessions_left: number;
  sessions_over: number;
  days_to_expiry: number;
  status: 'not_started' | 'active' | 'expired' | 'used_up';
  warnings: string[];
}

export interface MoneySession {
  id: string;
  case_id: string;
  client_name: string;
  on_date: string;
  duration_minutes: number;
  kind: string;
  attendance: string;
  billable: boolean;
  authorisation_id: string | null;
  authorisation_code: string | null;
  invoice_number: string | null;
  override_reason: string | null;
  notes: string | null;
}

export interface Buckets {
  current: number;
  days_1_30: number;
  days_31_60: number;
  days_61_90: number;
  days_90_plus: number;
  total: number;
}

export interface AgedDebt extends Buckets {
  as_of: string;
  payers: (Buckets & { payer_key: string; payer_kind: string; payer_org_id: string | null; payer_name: string; invoices: number })[];
  debtor_days: number;
  by_client: { client_id: string; client_name: string; total: number; oldest_due_on: string | null }[];
  deferred: { total: number; invoices: number; by_payer: { payer_org_id: string | null; payer_name: string; total: number; invoices: number }[] };
  credits: { total: number; by_payer: { payer_name: string; payer_org_id: string | null; client_id: string | null; total: number }[] };
}

export interface Chaser {
  task_id: string;
  level: string;
  invoice_number: string | null;
  payer_name: string | null;
  outstanding_pence: number;
  due_on: string;
  title: string;
  letter: string;
}

export interface Payment {
  id: string;
  received_on: string;
  payer_kind: string;
  payer_name: string;
  amount_pence: number;
  unallocated_pence: number;
  method: string;
  reference: string;
  allocations?: { id: string; number: string; client_name: string; amount_pence: number; outstanding_pence: number }[];
}

export interface MlInstruction {
  id: string;
  case_id: string;
  client_id: string;
  client_name: string;
  solicitor_name: string | null;
  solicitor_contact_name: string | null;
  instructed_by: string;
  claim_reference: string;
  court_claim_number: string;
  report_type: string;
  fee_basis: string;
  stage: string;
  stage_label: string;
  instructed_on: string;
  next_court_date: string | null;
  deferred_fees_pence: number;
}

export const STATE_LABELS: Record<InvoiceState, string> = {
  void: 'Void',
  credit_note: 'Credit note',
  paid: 'Paid',
  deferred: 'Deferred to settlement',
  overdue: 'Overdue',
  part_paid: 'Part paid',
  unpaid: 'Unpaid',
  settled_otherwise: 'Settled (credit / write-off)',
};

export const SESSION_KIND_LABELS: Record<string, string> = {
  assessment: 'Assessment',
  therapy: 'Therapy',
  review: 'Review',
  report_writing: 'Report writing',
  travel: 'Travel',
  case_conference: 'Case conference',
  phone_call: 'Phone call',
};

export const ATTENDANCE_LABELS: Record<string, string> = {
  attended: 'Attended',
  late_cancellation: 'Late cancellation',
  cancelled: 'Cancelled with notice',
  dna: 'Did not attend',
};

export const INSURED_KINDS = ['assessment', 'therapy', 'review'];
