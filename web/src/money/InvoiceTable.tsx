/** Invoices as every money table shows them: number linking to the invoice, then issued, due, total, paid, balance and state. */
import { Money } from '../components/Money.js';
import { Table, type Column } from '../components/Table.js';
import { UkDate } from '../components/UkDate.js';
import { humanise } from '../format.js';
import { STATE_LABELS, type InvoiceRow } from './types.js';

export function StateBadge({ i }: { i: InvoiceRow }) {
  const cls = i.state === 'overdue' ? 'badge hard' : i.state === 'paid' ? 'badge status-open' : 'badge';
  return (
    <span className={cls} style={{ marginLeft: 0 }}>
      {STATE_LABELS[i.state] ?? humanise(i.state)}
      {i.state === 'overdue' ? ` ${i.days_overdue} d` : ''}
    </span>
  );
}

export const invoiceNumberColumn: Column<InvoiceRow> = {
  header: 'Number',
  cell: (i) => i.number,
  href: (i) => `/invoices/${encodeURIComponent(i.number)}`,
  className: 'nowrap',
};

/** The columns every invoice table shares after its own: a credit note's total shows as a negative amount. */
export const invoiceAmountColumns: Column<InvoiceRow>[] = [
  { header: 'Issued', cell: (i) => <UkDate iso={i.issued_on} />, className: 'nowrap' },
  { header: 'Due', cell: (i) => (i.deferred ? 'On settlement' : <UkDate iso={i.due_on} />), className: 'nowrap' },
  { header: 'Total', cell: (i) => <Money pence={i.total_pence} credit={i.kind === 'credit_note'} />, className: 'num' },
  { header: 'Paid', cell: (i) => <Money pence={i.paid_pence} />, className: 'num' },
  { header: 'Balance', cell: (i) => <Money pence={i.outstanding_pence} />, className: 'num' },
  { header: 'Status', cell: (i) => <StateBadge i={i} /> },
];

export const voidRow = (i: InvoiceRow) => (i.status === 'void' ? 'inactive' : undefined);

export function InvoiceTable({ invoices, label, empty }: { invoices: InvoiceRow[]; label: string; empty?: string }) {
  return (
    <Table
      label={label}
      rows={invoices}
      rowKey={(i) => i.id}
      rowClassName={voidRow}
      empty={empty}
      columns={[invoiceNumberColumn, { header: 'Payer', cell: (i) => i.payer_name }, { header: 'Client', cell: (i) => i.client_name }, ...invoiceAmountColumns]}
    />
  );
}
