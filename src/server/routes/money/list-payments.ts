import { listPaymentsResponse, queryCount, queryFlag } from '../../../contract/money.js';
import { z } from 'zod';
import { id } from '../../../contract/common.js';
import { listPayments } from '../../../services/billing/list-payments.js';
import { defineRoute } from '../../route.js';

export default defineRoute({
  method: 'GET',
  url: '/api/payments',
  access: 'payments.read',
  tags: ['money'],
  response: listPaymentsResponse,
  summary: 'Payments received, newest first',
  query: z.object({ payer_org_id: id.optional(), client_id: id.optional(), credit: queryFlag, limit: queryCount(1000) }).strict(),
  handler: async ({ ctx, query }) =>
    listPayments(ctx, { payer_org_id: query.payer_org_id, client_id: query.client_id, with_credit: query.credit, limit: query.limit }),
});
