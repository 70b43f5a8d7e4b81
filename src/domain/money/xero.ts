/**
 * Xero's sales-invoice CSV import layout, one row per invoice line, for the accountant.
 * Dates dd/mm/yyyy as a UK Xero organisation imports them; amounts in
 * pounds. OT services by an HCPC-registered practitioner are VAT exempt (PAY-VAT-01), so every line is TaxType "Exempt Income".
 */
import { formatUkDate } from '../calendar/local-date.js';
import { formatQuantity, plainPounds } from './pence.js';

export const XERO_INVOICE_COLUMNS = [
  'ContactName',
  'EmailAddress',
  'POAddressLine1',
  'POPostalCode',
  'InvoiceNumber',
  'Reference',
  'InvoiceDate',
  'DueDate',
  'InventoryItemCode',
  'Description',
  'Quantity',
  'UnitAmount',
  'Discount',
  'AccountCode',
  'TaxType',
  'Currency',
] as const;

export const XERO_PAYMENT_COLUMNS = ['Date', 'Amount', 'InvoiceNumber', 'Reference', 'ContactName', 'Account'] as const;

export interface XeroInvoiceLine {
  contact_name: string;
  email: string;
  address: string;
  postcode: string;
  number: string;
  reference: string;
  issued_on: string;
  due_on: string | null;
  kind: string;
  description: string;
  quantity_hundredths: number;
  unit_pence: number;
  amount_pence: number;
  credit_note: boolean;
}

export function csvCell(v: string): string {
  // A leading =, +, - or @ would be run as a formula by a spreadsheet: neutralise it.
  const safe = /^[=+\-@]/.test(v) && !/^-?\d+(\.\d+)?$/.test(v) ? `'${v}` : v;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function csv(rows: readonly (readonly string[])[]): string {
  return rows.map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

export function xeroInvoiceRows(lines: readonly XeroInvoiceLine[], accountCode = '200'): string[][] {
  return lines.map((l) => {
    // Xero takes a credit note as negative quantities on the same layout.
    const exact = l.quantity_hundredths > 0 && Math.round((l.quantity_hundredths * l.unit_pence) / 100) === l.amount_pence;
    const qty = exact ? l.quantity_hundredths : 100;
    const unit = exact ? l.unit_pence : l.amount_pence;
    return [
      l.contact_name,
      l.email,
      l.address,
      l.postcode,
      l.number,
      l.reference,
      formatUkDate(l.issued_on),
      formatUkDate(l.due_on ?? l.issued_on),
      l.kind,
      l.description,
      (l.credit_note ? '-' : '') + formatQuantity(qty),
      plainPounds(unit),
      '',
      accountCode,
      'Exempt Income',
      'GBP',
    ];
  });
}
