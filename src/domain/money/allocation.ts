/**
 * Spreading a payment over invoices. Explicit allocations are checked (never more than an
 * invoice owes); with none, the oldest debt is paid first. What is left is the payer's
 * credit: it is kept, never dropped.
 */
import { formatPounds, type Pence } from './pence.js';

export interface OpenInvoice {
  id: string;
  number: string;
  due_on: string | null;
  issued_on: string;
  outstanding_pence: Pence;
}

export interface Allocation {
  invoice_id: string;
  number: string;
  amount_pence: Pence;
}

export type AllocationResult = { ok: true; allocations: Allocation[]; credit_pence: Pence } | { ok: false; message: string; field: string };

export function allocateExplicit(amount: Pence, wanted: readonly { invoice: OpenInvoice; amount_pence: Pence }[]): AllocationResult {
  const seen = new Set<string>();
  let total = 0;
  for (const w of wanted) {
    if (seen.has(w.invoice.id)) return { ok: false, message: `Invoice ${w.invoice.number} is listed twice in one payment.`, field: 'allocations' };
    seen.add(w.invoice.id);
    if (!Number.isSafeInteger(w.amount_pence) || w.amount_pence <= 0)
      return { ok: false, message: `The amount for ${w.invoice.number} must be more than £0.00.`, field: 'allocations' };
    if (w.amount_pence > w.invoice.outstanding_pence) {
      return {
        ok: false,
        message: `${formatPounds(w.amount_pence)} is more than the ${formatPounds(w.invoice.outstanding_pence)} owed on ${w.invoice.number}.`,
        field: 'allocations',
      };
    }
    total += w.amount_pence;
  }
  if (total > amount)
    return { ok: false, message: `The allocations add up to ${formatPounds(total)}, more than the ${formatPounds(amount)} received.`, field: 'allocations' };
  return {
    ok: true,
    allocations: wanted.map((w) => ({ invoice_id: w.invoice.id, number: w.invoice.number, amount_pence: w.amount_pence })),
    credit_pence: amount - total,
  };
}

/** Oldest due first (held invoices with no due date last), then by number. */
export function allocateOldestFirst(amount: Pence, open: readonly OpenInvoice[]): { allocations: Allocation[]; credit_pence: Pence } {
  const sorted = [...open]
    .filter((i) => i.outstanding_pence > 0)
    .sort((a, b) => (a.due_on ?? '9999').localeCompare(b.due_on ?? '9999') || a.issued_on.localeCompare(b.issued_on) || a.number.localeCompare(b.number));
  let left = amount;
  const allocations: Allocation[] = [];
  for (const i of sorted) {
    if (left === 0) break;
    const take = Math.min(left, i.outstanding_pence);
    allocations.push({ invoice_id: i.id, number: i.number, amount_pence: take });
    left -= take;
  }
  return { allocations, credit_pence: left };
}
