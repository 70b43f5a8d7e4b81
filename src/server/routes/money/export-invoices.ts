import { z } from 'zod';
import { isoDate } from '../../../contract/common.js';
import { exportXero } from '../../../services/billing/xero-export.js';
import { defineRoute, rawResponse } from '../../route.js';

export default defineRoute({
  method: 'GET',
  url: '/api/invoices/export',
  access: 'accounts.export',
  tags: ['money'],
  response: rawResponse('Xero CSV import file', 'text/csv'),
  summary: "Invoices or payments in Xero's CSV import layout",
  query: z.object({ format: z.literal('xero'), what: z.enum(['invoices', 'payments']).optional(), from: isoDate.optional(), to: isoDate.optional() }).strict(),
  handler: async ({ ctx, query, reply }) => {
    const csv = await exportXero(ctx, { what: query.what, from: query.from, to: query.to });
    reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="xero-${query.what ?? 'invoices'}.csv"`)
      .header('cache-control', 'no-store');
    return csv;
  },
});
