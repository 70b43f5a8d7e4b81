/** Request schemas of the money area: sessions, invoices, payments, settings, medico-legal stages. */
import { z } from 'zod';
import { ATTENDANCE, FUNDER_KINDS, ML_STAGES, SESSION_KINDS } from '../domain/vocabulary.js';
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

export const INVOICE_LINE_KINDS = ['session', 'report_writing', 'mileage', 'travel', 'fixed_fee', 'shortfall', 'excess', 'other'] as const;
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
