/** Request schemas of the money area: sessions, invoices, payments, settings, medico-legal stages. */
import { z } from 'zod';
import { ATTENDANCE, FUNDER_KINDS, ML_STAGES, SESSION_KINDS } from '../domain/vocabulary.js';
import { authorisationRecord, medicoLegalRecord } from './cases.js';
import { id, isoDate, shortText } from './common.js';

const oneOf = <T extends readonly [string, ...string[]]>(values: T) => z.enum(values, { error: `must be one of ${values.join(', ')}` });
const pence = z
  .number({ error: 'must be a whole number of pence' })
  .int('must be a whole number of pence')
  .min(0, 'cannot be negative')
  .max(100_000_000, 'is too large');
const positivePence = z
  .number({ error: 'must be a whole number of pence' })
  .int('must be a whole number of pence')
  .positive('must be more than £0.00')
  .max(100_000_000, 'is too large');
const reason = z.string().trim().min(3, 'must say why (at least 3 characters)').max(500);

export const addSessionInput = z
  .object({
    case_id: id,
    on_date: isoDate,
    start_time: z
      .string()
      .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time written HH:MM')
      .optional(),
    duration_minutes: z
      .number()
      .int()
      .min(1, 'must be at least 1 minute')
      .max(24 * 60),
    kind: oneOf(SESSION_KINDS),
    attendance: oneOf(ATTENDANCE).optional(),
    authorisation_id: id.optional(),
    billable: z.boolean().optional(),
    fee_pence: pence.optional(),
    miles_hundredths: z.number().int().min(0).max(10_000_000).optional(),
    notes: z.string().max(5_000).optional(),
    override_reason: reason.optional(),
    clinician_id: id.optional(),
  })
  .strict();
export type AddSessionInput = z.input<typeof addSessionInput>;

export const listSessionsInput = z
  .object({ case_id: id.optional(), client_id: id.optional(), from: isoDate.optional(), to: isoDate.optional(), uninvoiced: z.boolean().optional() })
  .strict();

export const EXTRA_LINE_KINDS = ['report_writing', 'mileage', 'travel', 'fixed_fee', 'other'] as const;

export const extraLineInput = z
  .object({
    kind: oneOf(EXTRA_LINE_KINDS),
    description: z.string().trim().min(1, 'is required').max(300),
    on_date: isoDate.optional(),
    quantity_hundredths: z.number().int().positive().max(10_000_000).optional(),
    unit_pence: pence.optional(),
    amount_pence: pence.optional(),
  })
  .strict()
  .refine((l) => l.amount_pence !== undefined || l.unit_pence !== undefined, { message: 'needs an amount or a unit price', path: ['amount_pence'] });

export const createInvoiceInput = z
  .object({
    case_id: id,
    /** Who is billed: the case's funder (default) or the client themselves (their share, missed sessions). */
    bill_to: z.enum(['funder', 'client']).optional(),
    session_ids: z.array(id).max(500).optional(),
    authorisation_id: id.optional(),
    from: isoDate.optional(),
    to: isoDate.optional(),
    include_sessions: z.boolean().optional(),
    extra_lines: z.array(extraLineInput).max(50).optional(),
    issued_on: isoDate.optional(),
    number: z
      .string()
      .trim()
      .min(1)
      .max(20)
      .regex(/^[A-Za-z0-9/_-]+$/, 'may use letters, digits, / _ and - only')
      .optional(),
    deferred: z.boolean().optional(),
    override_reason: reason.optional(),
    notes: z.string().max(2_000).optional(),
  })
  .strict();
export type CreateInvoiceInput = z.input<typeof createInvoiceInput>;

export const listInvoicesInput = z
  .object({
    client_id: id.optional(),
    case_id: id.optional(),
    payer_org_id: id.optional(),
    status: z.enum(['outstanding', 'paid', 'void', 'deferred', 'overdue', 'all']).optional(),
    limit: z.number().int().min(1).max(1000).optional(),
    offset: z.number().int().min(0).optional(),
  })
  .strict();
export type ListInvoicesInput = z.input<typeof listInvoicesInput>;

export const voidInvoiceInput = z.object({ reason, on: isoDate.optional() }).strict();
export const creditNoteInput = z.object({ amount_pence: positivePence, reason, on: isoDate.optional() }).strict();
export const writeOffInput = z.object({ amount_pence: positivePence.optional(), reason, on: isoDate.optional() }).strict();

export const PAYMENT_METHODS = ['bacs', 'card', 'cheque', 'cash', 'other'] as const;

export const recordPaymentInput = z
  .object({
    received_on: isoDate.optional(),
    amount_pence: positivePence,
    payer_org_id: id.optional(),
    client_id: id.optional(),
    method: oneOf(PAYMENT_METHODS).optional(),
    reference: shortText.optional(),
    notes: z.string().max(2_000).optional(),
    allocations: z
      .array(z.object({ invoice: z.string().trim().min(1, 'is required').max(64), amount_pence: positivePence }).strict())
      .max(1000)
      .optional(),
    /** Keep what is more than the invoices owe as the payer's credit (otherwise refused). */
    keep_credit: z.boolean().optional(),
  })
  .strict();
export type RecordPaymentInput = z.input<typeof recordPaymentInput>;

export const applyCreditInput = z.object({ invoice: z.string().trim().min(1).max(64), amount_pence: positivePence.optional() }).strict();

export const moneySettingsInput = z
  .object({
    hourly_rate_pence: pence.optional(),
    report_hourly_rate_pence: pence.optional(),
    travel_hourly_rate_pence: pence.optional(),
    mileage_pence_per_mile: pence.optional(),
    auth_warn_days: z.number().int().min(0).max(365).optional(),
    chase_reminder_days: z.number().int().min(0).max(365).optional(),
    chase_firm_days: z.number().int().min(1).max(365).optional(),
    chase_final_days: z.number().int().min(1).max(730).optional(),
    charge_missed_sessions: z.union([z.literal(0), z.literal(1)]).optional(),
    terms_days: z.partialRecord(oneOf(FUNDER_KINDS), z.number().int().min(0).max(365)).optional(),
    org_terms_days: z.record(id, z.number().int().min(0).max(365)).optional(),
  })
  .strict();

export const mlStageInput = z
  .object({
    stage: oneOf(ML_STAGES),
    on: isoDate.optional(),
    trial_window_to: isoDate.optional(),
    joint_statement_due_on: isoDate.optional(),
    report_due_on: isoDate.optional(),
  })
  .strict();

export const agedDebtInput = z.object({ as_of: isoDate.optional(), clients_limit: z.number().int().min(0).max(1000).optional() }).strict();

/** A yes/no in a query string: true, false, 1 or 0. */
export const queryFlag = z
  .enum(['true', 'false', '1', '0'])
  .transform((v) => v === 'true' || v === '1')
  .optional();
export const queryCount = (max: number) => z.coerce.number().int().min(0).max(max).optional();
/** An invoice by its id or its number. */
export const invoiceRefParams = z.object({ ref: z.string().trim().min(1).max(64) });

// What the API answers: the route serialises through these, so a field not listed never leaves the server.
const invoiceState = z.enum(['void', 'overdue', 'deferred', 'credit_note', 'paid', 'part_paid', 'unpaid', 'settled_otherwise']);
export const payerDebt = z.object({
  payer_key: z.string(),
  payer_kind: z.string(),
  payer_org_id: z.string().nullable(),
  payer_name: z.string(),
  invoices: z.number(),
  current: z.number(),
  days_1_30: z.number(),
  days_31_60: z.number(),
  days_61_90: z.number(),
  days_90_plus: z.number(),
  total: z.number(),
});
/** An invoice as every list shows it: its amounts, its state and who pays it. */
const invoiceRow = z.object({
  deferred: z.boolean(),
  state: invoiceState,
  days_overdue: z.number(),
  number: z.string(),
  client_id: z.string(),
  id: z.string(),
  created_at: z.string(),
  case_id: z.string().nullable(),
  kind: z.string(),
  status: z.string(),
  membership_number: z.string(),
  authorisation_code: z.string(),
  notes: z.string(),
  due_on: z.string().nullable(),
  authorisation_id: z.string().nullable(),
  override_reason: z.string().nullable(),
  created_by: z.string().nullable(),
  issued_on: z.string(),
  credits_invoice_id: z.string().nullable(),
  payer_kind: z.string(),
  payer_org_id: z.string().nullable(),
  payer_name: z.string(),
  total_pence: z.number(),
  paid_pence: z.number(),
  credited_pence: z.number(),
  written_off_pence: z.number(),
  outstanding_pence: z.number(),
  client_dob: z.string().nullable(),
  treatment_from: z.string().nullable(),
  treatment_to: z.string().nullable(),
  voided_on: z.string().nullable(),
  void_reason: z.string().nullable(),
  client_name: z.string(),
});
export const invoiceDetail = invoiceRow.extend({
  client_address: z.string(),
  client_postcode: z.string(),
  lines: z.array(
    z.object({
      id: z.string(),
      description: z.string(),
      kind: z.string(),
      on_date: z.string().nullable(),
      amount_pence: z.number(),
      position: z.number(),
      invoice_id: z.string(),
      session_id: z.string().nullable(),
      quantity_hundredths: z.number(),
      unit_pence: z.number(),
    }),
  ),
  payments: z.array(
    z.object({
      reference: z.string(),
      received_on: z.string(),
      method: z.string(),
      payment_id: z.string(),
      id: z.string(),
      amount_pence: z.number(),
      allocated_on: z.string(),
    }),
  ),
  write_offs: z.array(
    z.object({
      id: z.string(),
      created_at: z.string(),
      reason: z.string(),
      on_date: z.string(),
      created_by: z.string().nullable(),
      amount_pence: z.number(),
      invoice_id: z.string(),
    }),
  ),
  credit_notes: z.array(z.object({ number: z.string(), id: z.string(), notes: z.string(), issued_on: z.string(), total_pence: z.number() })),
});
export type InvoiceDetail = z.infer<typeof invoiceDetail>;
export const medicoLegalInstruction = medicoLegalRecord.extend({
  stage_label: z.string(),
  deferred_fees_pence: z.number(),
  client_id: z.string(),
  clinician_id: z.string().nullable(),
  client_name: z.string(),
  solicitor_name: z.string().nullable(),
  solicitor_contact_name: z.string().nullable(),
  next_court_date: z.string().nullable(),
});
export type MedicoLegalInstruction = z.infer<typeof medicoLegalInstruction>;
export const authorisationView = authorisationRecord.extend({
  sessions_used: z.number(),
  sessions_left: z.number(),
  sessions_over: z.number(),
  days_to_expiry: z.number(),
  status: z.enum(['active', 'not_started', 'expired', 'used_up']),
  warnings: z.array(z.string()),
  client_id: z.string(),
  client_name: z.string(),
  insurer_name: z.string().nullable(),
});
export type AuthorisationView = z.infer<typeof authorisationView>;
export const moneySettings = z.object({
  hourly_rate_pence: z.number(),
  report_hourly_rate_pence: z.number(),
  travel_hourly_rate_pence: z.number(),
  mileage_pence_per_mile: z.number(),
  auth_warn_days: z.number(),
  chase_reminder_days: z.number(),
  chase_firm_days: z.number(),
  chase_final_days: z.number(),
  charge_missed_sessions: z.number(),
  terms_days: z.object({
    other: z.number(),
    self_pay: z.number(),
    insurer: z.number(),
    solicitor: z.number(),
    local_authority: z.number(),
    employer: z.number(),
    case_manager: z.number(),
    nhs: z.number(),
  }),
  org_terms_days: z.record(z.string(), z.number()),
});
/** A payment received, as lists show it. */
const paymentRow = z.object({
  amount_pence: z.number(),
  unallocated_pence: z.number(),
  client_id: z.string().nullable(),
  id: z.string(),
  created_at: z.string(),
  notes: z.string(),
  reference: z.string(),
  received_on: z.string(),
  created_by: z.string().nullable(),
  method: z.string(),
  payer_kind: z.string(),
  payer_org_id: z.string().nullable(),
  payer_name: z.string(),
});
export const paymentDetail = paymentRow.extend({
  allocations: z.array(
    z.object({
      amount_pence: z.number(),
      outstanding_pence: z.number(),
      client_name: z.string(),
      number: z.string(),
      id: z.string(),
      invoice_id: z.string(),
      allocated_on: z.string(),
    }),
  ),
});
export type PaymentDetail = z.infer<typeof paymentDetail>;
export const sessionRow = z.object({
  billable: z.boolean(),
  notes: z.string().nullable(),
  id: z.string(),
  clinician_id: z.string().nullable(),
  case_id: z.string(),
  kind: z.string(),
  on_date: z.string(),
  start_time: z.string().nullable(),
  duration_minutes: z.number(),
  attendance: z.string(),
  authorisation_id: z.string().nullable(),
  fee_pence: z.number().nullable(),
  miles_hundredths: z.number(),
  override_reason: z.string().nullable(),
  client_id: z.string(),
  authorisation_code: z.string().nullable(),
  client_name: z.string(),
  invoice_number: z.string().nullable(),
});
export type SessionRow = z.infer<typeof sessionRow>;
export const getClientMoneyResponse = z.object({
  client_id: z.string(),
  client_name: z.string(),
  as_of: z.string(),
  owed_by_client: z.object({ member_share: z.number(), self_pay: z.number(), total: z.number(), overdue: z.number(), invoices: z.number() }),
  owed_by_payers: z.object({
    deferred: z.number(),
    payers: z.array(
      z.object({
        total: z.number(),
        overdue: z.number(),
        invoices: z.number(),
        payer_name: z.string(),
        payer_org_id: z.string().nullable(),
        payer_kind: z.string(),
        deferred: z.number(),
      }),
    ),
    total: z.number(),
    overdue: z.number(),
    invoices: z.number(),
  }),
  credits: z
    .object({
      total: z.number(),
      payments: z.array(paymentRow.pick({ amount_pence: true, unallocated_pence: true, id: true, reference: true, received_on: true, method: true })),
    })
    .nullable(),
  invoices: z.array(invoiceRow.extend({ share: z.enum(['self_pay', 'member_share', 'payer']) })),
  cases: z.array(
    z.object({
      case_id: z.string(),
      title: z.string(),
      service_line: z.string(),
      status: z.string(),
      funder_kind: z.string(),
      funder_name: z.string().nullable(),
      unbilled_sessions: z.number(),
      first_unbilled_on: z.string().nullable(),
      outstanding_pence: z.number(),
      authorisations: z.array(authorisationView),
    }),
  ),
});
export const listAuthorisationsResponse = z.object({ authorisations: z.array(authorisationView) });
export const listSessionsResponse = z.object({ sessions: z.array(sessionRow) });
export const listMedicoLegalResponse = z.object({ instructions: z.array(medicoLegalInstruction) });
export const listInvoicesResponse = z.object({
  invoices: z.array(invoiceRow),
});
export type ListInvoicesResponse = z.infer<typeof listInvoicesResponse>;
export const createInvoiceResponse = z.object({ invoice: invoiceDetail, client_share: invoiceDetail.nullable() });
export const listPaymentsResponse = z.object({ payments: z.array(paymentRow) });
export type ListPaymentsResponse = z.infer<typeof listPaymentsResponse>;
export const getAgedDebtResponse = z.object({
  debtor_days: z.number(),
  by_client: z.array(z.object({ client_id: z.string(), client_name: z.string(), total: z.number(), oldest_due_on: z.string() })),
  deferred: z.object({
    total: z.number(),
    invoices: z.number(),
    by_payer: z.array(z.object({ payer_org_id: z.string().nullable(), payer_name: z.string(), total: z.number(), invoices: z.number() })),
  }),
  credits: z.object({
    total: z.number(),
    by_payer: z.array(z.object({ payer_name: z.string(), payer_org_id: z.string().nullable(), client_id: z.string().nullable(), total: z.number() })),
  }),
  current: z.number(),
  days_1_30: z.number(),
  days_31_60: z.number(),
  days_61_90: z.number(),
  days_90_plus: z.number(),
  total: z.number(),
  as_of: z.string(),
  payers: z.array(payerDebt),
});
export type GetAgedDebtResponse = z.infer<typeof getAgedDebtResponse>;
export const runChasersResponse = z.object({
  chasers: z.array(
    z.object({
      task_id: z.string(),
      level: z.string(),
      invoice_number: z.string().nullable(),
      payer_name: z.string().nullable(),
      outstanding_pence: z.number(),
      due_on: z.string(),
      title: z.string(),
      letter: z.string(),
    }),
  ),
  created: z.number(),
  moved: z.number(),
  closed: z.number(),
});
export type RunChasersResponse = z.infer<typeof runChasersResponse>;
