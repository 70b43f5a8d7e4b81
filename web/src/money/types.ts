/** The money API's answers as the pages name them, from the contract (src/contract/money.ts): amounts in integer pence, dates ISO. */
import type {
  GetAgedDebtResponse,
  InvoiceDetail,
  ListInvoicesResponse,
  ListPaymentsResponse,
  PaymentDetail,
  RunChasersResponse,
} from '../../../src/contract/money.js';

export type {
  AuthorisationView as Authorisation,
  InvoiceDetail,
  MedicoLegalInstruction as MlInstruction,
  SessionRow as MoneySession,
} from '../../../src/contract/money.js';
export type InvoiceRow = ListInvoicesResponse['invoices'][number];
export type InvoiceState = InvoiceDetail['state'];
export type AgedDebt = GetAgedDebtResponse;
export type Chaser = RunChasersResponse['chasers'][number];
/** A payment as listed; recording or opening one also gives its allocations. */
export type Payment = ListPaymentsResponse['payments'][number] & Partial<Pick<PaymentDetail, 'allocations'>>;

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
