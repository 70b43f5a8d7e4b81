import { paymentDetail } from '../../../contract/money.js';
import { z } from 'zod';
import { id } from '../../../contract/common.js';
import { getPayment } from '../../../services/billing/get-payment.js';
import { defineRoute } from '../../route.js';

export default defineRoute({
  method: 'GET',
  url: '/api/payments/:id',
  access: 'payments.read',
  tags: ['money'],
  response: paymentDetail,
  summary: 'One payment with its allocations',
  params: z.object({ id }),
  handler: async ({ ctx, params }) => getPayment(ctx, params.id),
});
