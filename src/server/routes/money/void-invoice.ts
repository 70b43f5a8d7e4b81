import { invoiceDetail, invoiceRefParams, voidInvoiceInput } from '../../../contract/money.js';
import { voidInvoice } from '../../../services/billing/void-invoice.js';
import { defineRoute } from '../../route.js';

export default defineRoute({
  method: 'POST',
  url: '/api/invoices/:ref/void',
  access: 'invoices.void',
  tags: ['money'],
  response: invoiceDetail,
  summary: 'Void an unpaid invoice (its number is never reused)',
  params: invoiceRefParams,
  body: voidInvoiceInput,
  handler: async ({ ctx, params, body }) => voidInvoice(ctx, params.ref, body),
});
