import { getAgedDebtResponse, queryCount } from '../../../contract/money.js';
import { z } from 'zod';
import { isoDate } from '../../../contract/common.js';
import { agedDebt } from '../../../services/billing/aged-debt.js';
import { defineRoute } from '../../route.js';

export default defineRoute({
  method: 'GET',
  url: '/api/debt',
  access: 'debts.read',
  tags: ['money'],
  response: getAgedDebtResponse,
  summary: 'Aged debt per payer (current, 1–30, 31–60, 61–90, 90+), by client, debtor days, deferred fees, credits',
  query: z.object({ as_of: isoDate.optional(), clients_limit: queryCount(1000) }).strict(),
  handler: async ({ ctx, query }) => agedDebt(ctx, query),
});
