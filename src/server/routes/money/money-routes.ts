/** The money area's routes: each a schema and one service call. */
import {
  createInvoiceResponse,
  getAgedDebtResponse,
  invoiceDetail,
  listAuthorisationsResponse,
  listInvoicesResponse,
  listMedicoLegalResponse,
  listPaymentsResponse,
  listSessionsResponse,
  medicoLegalInstruction,
  moneySettings,
  paymentDetail,
  runChasersResponse,
  sessionRow,
} from '../../../contract/money.js';
import { z } from 'zod';
import { id, isoDate } from '../../../contract/common.js';
import {
  addSessionInput,
  applyCreditInput,
  createInvoiceInput,
  creditNoteInput,
  mlStageInput,
  moneySettingsInput,
  recordPaymentInput,
  voidInvoiceInput,
  writeOffInput,
} from '../../../contract/money.js';
import { ML_STAGES } from '../../../domain/vocabulary.js';
import { agedDebt } from '../../../services/billing/aged-debt.js';
import { runChasers } from '../../../services/billing/chasers.js';
import { createInvoice } from '../../../services/billing/create-invoice.js';
import { getInvoice } from '../../../services/billing/get-invoice.js';
import { issueCreditNote } from '../../../services/billing/issue-credit-note.js';
import { listInvoices } from '../../../services/billing/list-invoices.js';
import { voidInvoice } from '../../../services/billing/void-invoice.js';
import { writeOffInvoice } from '../../../services/billing/write-off-invoice.js';
import { getMoneySettings, updateMoneySettings } from '../../../services/billing/money-settings.js';
import { applyCredit } from '../../../services/billing/apply-credit.js';
import { getPayment } from '../../../services/billing/get-payment.js';
import { listPayments } from '../../../services/billing/list-payments.js';
import { recordPayment } from '../../../services/billing/record-payment.js';
import { exportXero } from '../../../services/billing/xero-export.js';
import { listMedicoLegal } from '../../../services/medico-legal/list-medico-legal.js';
import { moveMedicoLegalStage } from '../../../services/medico-legal/move-medico-legal-stage.js';
import { listAuthorisations } from '../../../services/sessions/authorisations.js';
import { addSession } from '../../../services/sessions/add-session.js';
import { listSessions } from '../../../services/sessions/list-sessions.js';
import { defineRoute, rawResponse } from '../../route.js';

const flag = z
  .enum(['true', 'false', '1', '0'])
  .transform((v) => v === 'true' || v === '1')
  .optional();
const count = (max: number) => z.coerce.number().int().min(0).max(max).optional();
const ref = z.object({ ref: z.string().trim().min(1).max(64) });

export const listAuthorisationsRoute = defineRoute({
  method: 'GET',
  url: '/api/authorisations',
  access: 'signed_in',
  tags: ['money'],
  response: listAuthorisationsResponse,
  summary: 'Insurer authorisations with sessions authorised, used and left, and warnings (caseload for clinicians)',
  query: z.object({ case_id: id.optional(), client_id: id.optional(), all: flag, warnings: flag }).strict(),
  handler: async ({ ctx, query }) =>
    listAuthorisations(ctx, { case_id: query.case_id, client_id: query.client_id, include_ended: query.all, warnings_only: query.warnings }),
});

export const listSessionsRoute = defineRoute({
  method: 'GET',
  url: '/api/sessions',
  access: 'signed_in',
  tags: ['money'],
  response: listSessionsResponse,
  summary: "A case's or client's sessions with the invoice each is on (notes hidden from admin)",
  query: z.object({ case_id: id.optional(), client_id: id.optional(), from: isoDate.optional(), to: isoDate.optional(), uninvoiced: flag }).strict(),
  handler: async ({ ctx, query }) => listSessions(ctx, query),
});

export const addSessionRoute = defineRoute({
  method: 'POST',
  url: '/api/sessions',
  access: 'sessions.record',
  tags: ['money'],
  response: sessionRow,
  status: 201,
  summary: 'Record a session; one outside an insurer authorisation needs override_reason, which is kept',
  body: addSessionInput,
  handler: async ({ ctx, body }) => addSession(ctx, body),
});

export const listMlRoute = defineRoute({
  method: 'GET',
  url: '/api/medico-legal',
  access: 'signed_in',
  tags: ['money'],
  response: listMedicoLegalResponse,
  summary: 'Medico-legal instructions with stage, next court date and deferred fees',
  query: z.object({ stage: z.enum(ML_STAGES).optional(), all: flag }).strict(),
  handler: async ({ ctx, query }) => listMedicoLegal(ctx, { stage: query.stage, include_closed: query.all }),
});

export const moveMlStageRoute = defineRoute({
  method: 'POST',
  url: '/api/cases/:id/medico-legal/stage',
  access: 'medico_legal.change',
  tags: ['money'],
  response: medicoLegalInstruction,
  summary: 'Move a medico-legal instruction to its next stage; its dates go through the deadline engine',
  params: z.object({ id }),
  body: mlStageInput,
  handler: async ({ ctx, params, body }) => moveMedicoLegalStage(ctx, params.id, body),
});

export const listInvoicesRoute = defineRoute({
  method: 'GET',
  url: '/api/invoices',
  access: 'signed_in',
  tags: ['money'],
  response: listInvoicesResponse,
  summary: 'Invoices and credit notes, newest first (caseload for clinicians)',
  query: z
    .object({
      client_id: id.optional(),
      case_id: id.optional(),
      payer_org_id: id.optional(),
      status: z.enum(['outstanding', 'paid', 'void', 'deferred', 'overdue', 'all']).optional(),
      limit: count(1000),
      offset: count(1_000_000),
    })
    .strict(),
  handler: async ({ ctx, query }) => listInvoices(ctx, query),
});

export const exportInvoicesRoute = defineRoute({
  method: 'GET',
  url: '/api/invoices/export',
  access: 'accounts.export',
  tags: ['money'],
  response: rawResponse('Xero CSV import file', 'text/csv'),
  summary: "Invoices or payments in Xero's CSV import layout",
  query: z.object({ format: z.literal('xero'), what: z.enum(['invoices', 'payments']).optional(), from: isoDate.optional(), to: isoDate.optional() }).strict(),
  handler: async ({ ctx, query, reply }) => {
    const csv = await exportXero(ctx, { what: query.what, from: query.from, to: query.to });
    reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="xero-${query.what ?? 'invoices'}.csv"`)
      .header('cache-control', 'no-store');
    return csv;
  },
});

export const getInvoiceRoute = defineRoute({
  method: 'GET',
  url: '/api/invoices/:ref',
  access: 'signed_in',
  tags: ['money'],
  response: invoiceDetail,
  summary: 'One invoice by id or number, with lines, payments, write-offs and credit notes',
  params: ref,
  handler: async ({ ctx, params }) => getInvoice(ctx, params.ref),
});

export const createInvoiceRoute = defineRoute({
  method: 'POST',
  url: '/api/invoices',
  access: 'invoices.raise',
  tags: ['money'],
  response: createInvoiceResponse,
  status: 201,
  summary: "Invoice a case's sessions and other lines; insurer invoices also make the member's share invoice",
  body: createInvoiceInput,
  handler: async ({ ctx, body }) => createInvoice(ctx, body),
});

export const voidInvoiceRoute = defineRoute({
  method: 'POST',
  url: '/api/invoices/:ref/void',
  access: 'invoices.void',
  tags: ['money'],
  response: invoiceDetail,
  summary: 'Void an unpaid invoice (its number is never reused)',
  params: ref,
  body: voidInvoiceInput,
  handler: async ({ ctx, params, body }) => voidInvoice(ctx, params.ref, body),
});

export const creditNoteRoute = defineRoute({
  method: 'POST',
  url: '/api/invoices/:ref/credit-notes',
  access: 'credit_notes.issue',
  tags: ['money'],
  response: invoiceDetail,
  status: 201,
  summary: 'Issue a credit note against an invoice',
  params: ref,
  body: creditNoteInput,
  handler: async ({ ctx, params, body }) => issueCreditNote(ctx, params.ref, body),
});

export const writeOffRoute = defineRoute({
  method: 'POST',
  url: '/api/invoices/:ref/write-offs',
  access: 'debts.write_off',
  tags: ['money'],
  response: invoiceDetail,
  status: 201,
  summary: 'Write off some or all of what an invoice owes',
  params: ref,
  body: writeOffInput,
  handler: async ({ ctx, params, body }) => writeOffInvoice(ctx, params.ref, body),
});

export const listPaymentsRoute = defineRoute({
  method: 'GET',
  url: '/api/payments',
  access: 'payments.read',
  tags: ['money'],
  response: listPaymentsResponse,
  summary: 'Payments received, newest first',
  query: z.object({ payer_org_id: id.optional(), client_id: id.optional(), credit: flag, limit: count(1000) }).strict(),
  handler: async ({ ctx, query }) =>
    listPayments(ctx, { payer_org_id: query.payer_org_id, client_id: query.client_id, with_credit: query.credit, limit: query.limit }),
});

export const getPaymentRoute = defineRoute({
  method: 'GET',
  url: '/api/payments/:id',
  access: 'payments.read',
  tags: ['money'],
  response: paymentDetail,
  summary: 'One payment with its allocations',
  params: z.object({ id }),
  handler: async ({ ctx, params }) => getPayment(ctx, params.id),
});

export const recordPaymentRoute = defineRoute({
  method: 'POST',
  url: '/api/payments',
  access: 'payments.record',
  tags: ['money'],
  response: paymentDetail,
  status: 201,
  summary: 'Record a payment or remittance across invoices; more than is owed is refused unless keep_credit',
  body: recordPaymentInput,
  handler: async ({ ctx, body }) => recordPayment(ctx, body),
});

export const applyCreditRoute = defineRoute({
  method: 'POST',
  url: '/api/payments/:id/apply-credit',
  access: 'payments.record',
  tags: ['money'],
  response: paymentDetail,
  summary: "Use a payer's credit against one of their invoices",
  params: z.object({ id }),
  body: applyCreditInput,
  handler: async ({ ctx, params, body }) => applyCredit(ctx, params.id, body),
});

export const agedDebtRoute = defineRoute({
  method: 'GET',
  url: '/api/debt',
  access: 'debts.read',
  tags: ['money'],
  response: getAgedDebtResponse,
  summary: 'Aged debt per payer (current, 1–30, 31–60, 61–90, 90+), by client, debtor days, deferred fees, credits',
  query: z.object({ as_of: isoDate.optional(), clients_limit: count(1000) }).strict(),
  handler: async ({ ctx, query }) => agedDebt(ctx, query),
});

export const runChasersRoute = defineRoute({
  method: 'POST',
  url: '/api/chasers/run',
  access: 'debts.chase',
  tags: ['money'],
  response: runChasersResponse,
  summary: 'Bring the chase ladder up to date and list the chasers to send with their letters',
  handler: async ({ ctx }) => runChasers(ctx),
});

export const getMoneySettingsRoute = defineRoute({
  method: 'GET',
  url: '/api/money/settings',
  access: 'money_settings.read',
  tags: ['money'],
  response: moneySettings,
  summary: 'Rates, terms, warning days and chase ladder',
  handler: async ({ ctx }) => getMoneySettings(ctx),
});

export const updateMoneySettingsRoute = defineRoute({
  method: 'PATCH',
  url: '/api/money/settings',
  access: 'money_settings.change',
  tags: ['money'],
  response: moneySettings,
  summary: 'Change rates, terms, warning days or the chase ladder',
  body: moneySettingsInput,
  handler: async ({ ctx, body }) => updateMoneySettings(ctx, body),
});
