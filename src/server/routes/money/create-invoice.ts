import { createInvoiceResponse, createInvoiceInput } from '../../../contract/money.js';
import { createInvoice } from '../../../services/billing/create-invoice.js';
import { defineRoute } from '../../route.js';

export default defineRoute({
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
