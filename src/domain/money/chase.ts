/**
 * The chase ladder (PAY-CHASE-01): a reminder, a firm letter and a final notice
 * at practice-set days after the due date. AXA Health must not be chased until 30 days
 * after the invoice (INS-AXA-01). Statutory interest and fixed compensation are mentioned
 * only to business payers, never to a client paying privately (PAY-LATE-01).
 */
import { addDays, daysBetween, formatUkDate, type LocalDate } from '../calendar/local-date.js';
import { formatPounds, type Pence } from './pence.js';
import type { MoneySettings } from './settings.js';

export const CHASE_LEVELS = ['reminder', 'firm', 'final'] as const;
export type ChaseLevel = (typeof CHASE_LEVELS)[number];
export const CHASE_LABELS: Record<ChaseLevel, string> = { reminder: 'Reminder', firm: 'Firm reminder', final: 'Final notice' };

export interface ChaseInvoice {
  number: string;
  issued_on: string;
  due_on: string;
  outstanding_pence: Pence;
  total_pence: Pence;
  payer_kind: string;
  payer_name: string;
  client_name: string;
  membership_number: string;
  authorisation_code: string;
  claim_reference?: string;
}

const maxDate = (a: LocalDate, b: LocalDate): LocalDate => (a > b ? a : b);

export function isAxa(payerName: string): boolean {
  return /\baxa\b/i.test(payerName);
}

/** The day each level becomes due for this invoice. */
export function chaseDates(
  inv: Pick<ChaseInvoice, 'issued_on' | 'due_on' | 'payer_name'>,
  s: Pick<MoneySettings, 'chase_reminder_days' | 'chase_firm_days' | 'chase_final_days'>,
): Record<ChaseLevel, LocalDate> {
  const due = inv.due_on as LocalDate;
  const floor = isAxa(inv.payer_name) ? addDays(inv.issued_on as LocalDate, 30) : due;
  return {
    reminder: maxDate(addDays(due, s.chase_reminder_days), floor),
    firm: maxDate(addDays(due, s.chase_firm_days), floor),
    final: maxDate(addDays(due, s.chase_final_days), floor),
  };
}

/** Levels reached by `today`, lowest first. */
export function levelsReached(
  inv: Pick<ChaseInvoice, 'issued_on' | 'due_on' | 'payer_name'>,
  s: Pick<MoneySettings, 'chase_reminder_days' | 'chase_firm_days' | 'chase_final_days'>,
  today: LocalDate,
): ChaseLevel[] {
  const d = chaseDates(inv, s);
  return CHASE_LEVELS.filter((l) => d[l] <= today);
}

/** Fixed compensation per debt (PAY-LATE-01): £40 under £1,000, £70 to £9,999.99, £100 from £10,000. */
export function fixedCompensation(p: Pence): Pence {
  return p < 100_000 ? 4_000 : p < 1_000_000 ? 7_000 : 10_000;
}

export function isBusinessPayer(payerKind: string): boolean {
  return payerKind !== 'self_pay';
}

/** The drafted letter for one level: facts only, no clinical detail. */
export function draftChaser(
  level: ChaseLevel,
  inv: ChaseInvoice,
  practice: { name: string; bank_details: string },
  today: LocalDate,
): { subject: string; body: string } {
  const late = Math.max(0, daysBetween(inv.due_on as LocalDate, today));
  const refs = [
    inv.membership_number && `membership number ${inv.membership_number}`,
    inv.authorisation_code && `authorisation ${inv.authorisation_code}`,
    inv.claim_reference && `your reference ${inv.claim_reference}`,
  ].filter(Boolean);
  const refLine = refs.length > 0 ? ` (${refs.join(', ')})` : '';
  const amount = formatPounds(inv.outstanding_pence);
  const pay = practice.bank_details ? `Payment can be made to: ${practice.bank_details}.` : 'Please contact us for our bank details.';
  const payBy = formatUkDate(addDays(today, 14));
  const lines: string[] = [`Dear ${inv.payer_kind === 'self_pay' ? inv.client_name : inv.payer_name},`, ''];
  if (level === 'reminder') {
    lines.push(
      `Invoice ${inv.number} dated ${formatUkDate(inv.issued_on)} for ${inv.client_name}${refLine}, ${amount}, was due on ${formatUkDate(inv.due_on)}.`,
      'It may have been overlooked. Could you let us know when we can expect payment? We are happy to send a copy of the invoice.',
      '',
      pay,
    );
  } else if (level === 'firm') {
    lines.push(
      `Invoice ${inv.number} dated ${formatUkDate(inv.issued_on)} for ${inv.client_name}${refLine} remains unpaid: ${amount} is now ${late} days overdue (our terms: payment by ${formatUkDate(inv.due_on)}).`,
      `Please pay by ${payBy}. If anything on the invoice is in dispute, please tell us now so we can resolve it.`,
    );
    if (isBusinessPayer(inv.payer_kind))
      lines.push('Under the Late Payment of Commercial Debts (Interest) Act 1998, statutory interest runs on overdue business debts.');
    lines.push('', pay);
  } else {
    lines.push(
      `Final notice: invoice ${inv.number} dated ${formatUkDate(inv.issued_on)} for ${inv.client_name}${refLine}, ${amount}, is ${late} days overdue.`,
    );
    if (isBusinessPayer(inv.payer_kind)) {
      const comp = fixedCompensation(inv.outstanding_pence);
      lines.push(
        `Unless payment reaches us by ${payBy}, we will claim statutory interest at 8% above the Bank of England reference rate (simple, daily: principal × rate × days ÷ 365) and fixed compensation of ${formatPounds(comp)} under the Late Payment of Commercial Debts (Interest) Act 1998, and may then issue a small claim.`,
      );
    } else {
      lines.push(
        `Unless payment reaches us by ${payBy}, or you contact us to agree a plan, we will follow the Pre-Action Protocol for Debt Claims before considering a small claim.`,
      );
    }
    lines.push('', pay);
  }
  lines.push('', 'Yours sincerely,', '', practice.name);
  return { subject: `${CHASE_LABELS[level]}: invoice ${inv.number} (${amount})`, body: lines.join('\n') };
}
