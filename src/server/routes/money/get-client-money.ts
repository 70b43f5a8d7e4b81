import { getClientMoneyResponse } from '../../../contract/money.js';
import { z } from 'zod';
import { id } from '../../../contract/common.js';
import { clientMoney } from '../../../services/billing/client-money.js';
import { defineRoute } from '../../route.js';

export default defineRoute({
  method: 'GET',
  url: '/api/clients/:id/money',
  access: 'signed_in',
  tags: ['money'],
  response: getClientMoneyResponse,
  summary: "A client's money position across their cases (caseload for clinicians; credits for owner and admin only)",
  params: z.object({ id }),
  handler: async ({ ctx, params }) => clientMoney(ctx, params.id),
});
