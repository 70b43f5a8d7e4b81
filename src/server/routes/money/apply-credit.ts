import { paymentDetail, applyCreditInput } from '../../../contract/money.js';
import { z } from 'zod';
import { id } from '../../../contract/common.js';
import { applyCredit } from '../../../services/billing/apply-credit.js';
import { defineRoute } from '../../route.js';

export default defineRoute({
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
