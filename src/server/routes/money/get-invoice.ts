import { invoiceDetail, invoiceRefParams } from '../../../contract/money.js';
import { getInvoice } from '../../../services/billing/get-invoice.js';
import { defineRoute } from '../../route.js';

export default defineRoute({
  method: 'GET',
  url: '/api/invoices/:ref',
  access: 'signed_in',
  tags: ['money'],
  response: invoiceDetail,
  summary: 'One invoice by id or number, with lines, payments, write-offs and credit notes',
  params: invoiceRefParams,
  handler: async ({ ctx, params }) => getInvoice(ctx, params.ref),
});
