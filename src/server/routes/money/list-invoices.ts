import { listInvoicesResponse, queryCount } from '../../../contract/money.js';
import { z } from 'zod';
import { id } from '../../../contract/common.js';
import { listInvoices } from '../../../services/billing/list-invoices.js';
import { defineRoute } from '../../route.js';

export default defineRoute({
  method: 'GET',
  url: '/api/invoices',
  access: 'signed_in',
  tags: ['money'],
  response: listInvoicesResponse,
  summary: 'Invoices and credit notes, newest first (caseload for clinicians)',
  query: z
    .object({
      client_id: id.optional(),
      case_id: id.optional(),
      payer_org_id: id.optional(),
      status: z.enum(['outstanding', 'paid', 'void', 'deferred', 'overdue', 'all']).optional(),
      limit: queryCount(1000),
      offset: queryCount(1_000_000),
    })
    .strict(),
  handler: async ({ ctx, query }) => listInvoices(ctx, query),
});
