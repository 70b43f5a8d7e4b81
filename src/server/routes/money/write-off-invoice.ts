import { invoiceDetail, invoiceRefParams, writeOffInput } from '../../../contract/money.js';
import { writeOffInvoice } from '../../../services/billing/write-off-invoice.js';
import { defineRoute } from '../../route.js';

export default defineRoute({
  method: 'POST',
  url: '/api/invoices/:ref/write-offs',
  access: 'debts.write_off',
  tags: ['money'],
  response: invoiceDetail,
  status: 201,
  summary: 'Write off some or all of what an invoice owes',
  params: invoiceRefParams,
  body: writeOffInput,
  handler: async ({ ctx, params, body }) => writeOffInvoice(ctx, params.ref, body),
});
