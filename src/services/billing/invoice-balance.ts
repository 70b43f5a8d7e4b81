/**
 * Every change to what an invoice owes (a payment, a credit note, a write-off) updates its
 * outstanding amount in the same transaction, guarded so it can never go below zero.
 */
import { AppError } from '../../domain/errors.js';
import { formatPounds } from '../../domain/money/pence.js';
import type { Db } from '../context.js';

/** Takes an amount off what an invoice owes; refuses (and so rolls back) if it would go below zero. */
export async function reduceOutstanding(
  db: Db,
  invoiceId: string,
  column: 'paid_pence' | 'credited_pence' | 'written_off_pence',
  amount: number,
  number: string,
): Promise<void> {
  const r = await db
    .updateTable('invoices')
    .set((eb) => ({ [column]: eb(column, '+', amount), outstanding_pence: eb('outstanding_pence', '-', amount) }))
    .where('id', '=', invoiceId)
    .where('status', '=', 'issued')
    .where('outstanding_pence', '>=', amount)
    .executeTakeFirst();
  if (Number(r.numUpdatedRows) !== 1) throw new AppError('CONFLICT', `${formatPounds(amount)} is more than ${number} now owes.`);
}
