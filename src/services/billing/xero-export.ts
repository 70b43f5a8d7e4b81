/** Invoices and payments for the accountant, in Xero's CSV import layouts. */
import { z } from 'zod';
import { parseInput } from '../../contract/common.js';
import { isoDate } from '../../contract/common.js';
import { formatUkDate } from '../../domain/calendar/local-date.js';
import { plainPounds } from '../../domain/money/pence.js';
import { csv, XERO_INVOICE_COLUMNS, XERO_PAYMENT_COLUMNS, xeroInvoiceRows } from '../../domain/money/xero.js';
import { requirePermission } from '../access.js';
import { appendAudit } from '../audit/append-audit.js';
import type { ServiceContext } from '../context.js';

export const exportInput = z.object({ from: isoDate.optional(), to: isoDate.optional(), what: z.enum(['invoices', 'payments']).optional() }).strict();

export async function exportXero(ctx: ServiceContext, input: z.input<typeof exportInput> = {}): Promise<string> {
  requirePermission(ctx.actor, 'accounts.export');
  const data = parseInput(exportInput, input);
  const what = data.what ?? 'invoices';
  let out: string;
  if (what === 'invoices') {
    let q = ctx.db
      .selectFrom('invoice_lines')
      .innerJoin('invoices', 'invoices.id', 'invoice_lines.invoice_id')
      .leftJoin('organisations', 'organisations.id', 'invoices.payer_org_id')
      .innerJoin('clients', 'clients.id', 'invoices.client_id')
      .select([
        'invoices.number',
        'invoices.kind as invoice_kind',
        'invoices.payer_name',
        'invoices.payer_org_id',
        'invoices.issued_on',
        'invoices.due_on',
        'invoices.authorisation_code',
        'invoices.membership_number',
        'organisations.email as org_email',
        'organisations.address as org_address',
        'clients.email as client_email',
        'clients.address as client_address',
        'clients.postcode as client_postcode',
        'clients.name as client_name',
        'invoice_lines.kind',
        'invoice_lines.description',
        'invoice_lines.quantity_hundredths',
        'invoice_lines.unit_pence',
        'invoice_lines.amount_pence',
      ])
      .where('invoices.status', '=', 'issued')
      .orderBy('invoices.number')
      .orderBy('invoice_lines.position');
    if (data.from) q = q.where('invoices.issued_on', '>=', data.from);
    if (data.to) q = q.where('invoices.issued_on', '<=', data.to);
    const rows = await q.execute();
    out = csv([
      [...XERO_INVOICE_COLUMNS],
      ...xeroInvoiceRows(
        rows.map((r) => ({
          contact_name: r.payer_name,
          email: (r.payer_org_id ? r.org_email : r.client_email) ?? '',
          address: (r.payer_org_id ? r.org_address : r.client_address) ?? '',
          postcode: r.payer_org_id ? '' : (r.client_postcode ?? ''),
          number: r.number,
          // Insurers match payments by member and authorisation; others by the client's name.
          reference: [r.client_name, r.membership_number, r.authorisation_code].filter(Boolean).join(' / '),
          issued_on: r.issued_on,
          due_on: r.due_on,
          kind: r.kind,
          description: r.description,
          quantity_hundredths: Number(r.quantity_hundredths),
          unit_pence: Number(r.unit_pence),
          amount_pence: Number(r.amount_pence),
          credit_note: r.invoice_kind === 'credit_note',
        })),
      ),
    ]);
  } else {
    let q = ctx.db
      .selectFrom('payment_allocations')
      .innerJoin('payments', 'payments.id', 'payment_allocations.payment_id')
      .innerJoin('invoices', 'invoices.id', 'payment_allocations.invoice_id')
      .select(['payment_allocations.allocated_on', 'payment_allocations.amount_pence', 'invoices.number', 'payments.reference', 'payments.payer_name'])
      .orderBy('payment_allocations.allocated_on')
      .orderBy('invoices.number');
    if (data.from) q = q.where('payment_allocations.allocated_on', '>=', data.from);
    if (data.to) q = q.where('payment_allocations.allocated_on', '<=', data.to);
    const rows = await q.execute();
    out = csv([
      [...XERO_PAYMENT_COLUMNS],
      ...rows.map((r) => [formatUkDate(r.allocated_on), plainPounds(Number(r.amount_pence)), r.number, r.reference, r.payer_name, '090']),
    ]);
  }
  await appendAudit(ctx.db, ctx, { action: 'export', entity: `xero_${what}`, detail: `${data.from ?? ''}..${data.to ?? ''}` });
  return out;
}
