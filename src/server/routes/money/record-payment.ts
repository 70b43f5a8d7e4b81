import { paymentDetail, recordPaymentInput } from '../../../contract/money.js';
import { recordPayment } from '../../../services/billing/record-payment.js';
import { defineRoute } from '../../route.js';

export default defineRoute({
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
