import { creditNoteInput, invoiceDetail, invoiceRefParams } from '../../../contract/money.js';
import { issueCreditNote } from '../../../services/billing/issue-credit-note.js';
import { defineRoute } from '../../route.js';

export default defineRoute({
  method: 'POST',
  url: '/api/invoices/:ref/credit-notes',
  access: 'credit_notes.issue',
  tags: ['money'],
  response: invoiceDetail,
  status: 201,
  summary: 'Issue a credit note against an invoice',
  params: invoiceRefParams,
  body: creditNoteInput,
  handler: async ({ ctx, params, body }) => issueCreditNote(ctx, params.ref, body),
});
