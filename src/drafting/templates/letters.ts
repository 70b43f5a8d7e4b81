/** Letters: referral acknowledgement, report-back, the three-level chaser and a marketing letter. */
import { addDays, daysBetween, type LocalDate } from '../../domain/calendar/local-date.js';
import { formatPounds } from '../../domain/money/pence.js';
import { longDate, type Composer } from '../composer.js';
import { clientName, greeting, letterClose } from './common.js';

function reference(c: Composer): void {
  c.para(
    `Re: ${clientName(c)}, date of birth ${c.date(c.src.client?.dob, 'client.dob', 'date of birth')}${c.src.ehcp?.la_reference ? (c.uses('ehcp.la_reference'), `, your reference ${c.src.ehcp.la_reference}`) : ''}${c.src.medico_legal?.claim_reference ? (c.uses('medico_legal.claim_reference'), `, your reference ${c.src.medico_legal.claim_reference}`) : ''}`,
  );
}

function dateLine(c: Composer): void {
  c.uses('today');
  c.para(longDate(c.src.today));
}

export function referralAcknowledgement(c: Composer): void {
  dateLine(c);
  greeting(c, c.src.case?.referrer_name, 'case.referrer', 'referrer');
  reference(c);
  c.para(`Thank you for your referral, which we received on ${c.date(c.src.case?.opened_on, 'case.opened_on', 'date the referral was received')}.`);
  const due = c.src.letter.due_rule;
  if (due) {
    c.uses('deadline');
    c.para(`We will send our report by ${longDate(due.due_on)} (rule ${due.rule_id}).`);
  } else if (c.src.ehcp?.advice_requested_on) {
    c.uses('ehcp.advice_requested_on');
    const d = addDays(c.src.ehcp.advice_requested_on as LocalDate, 42);
    c.para(
      `Your request for occupational therapy advice arrived on ${longDate(c.src.ehcp.advice_requested_on)}; the advice is due within 6 weeks, by ${longDate(d)} (EHCP-ADV-01). To prepare it we need the school's contact details, the parents' views and any previous reports.`,
    );
  } else {
    c.para(`We will be in touch to arrange the assessment. Our report will follow by ${c.need('deadline', 'the date the report is due')}.`);
  }
  if (c.src.medico_legal) {
    c.uses('medico_legal.instructed_by');
    c.para(
      `We confirm that we act for ${c.src.medico_legal.instructed_by === 'single_joint' ? 'the parties as single joint expert' : `the ${c.src.medico_legal.instructed_by}`}. Our terms of appointment, fee estimate and timetable are enclosed.`,
    );
  }
  if (c.src.authorisation) {
    c.uses('authorisation');
    c.para(
      `Authorisation ${c.src.authorisation.authorisation_code || c.need('authorisation.code', 'authorisation code')} covers ${c.src.authorisation.sessions_authorised} sessions until ${longDate(c.src.authorisation.valid_until)}. Any excess is payable by the member.`,
    );
  }
  c.para('Our privacy notice explains how we hold personal information; ask us for a copy at any time.');
  letterClose(c);
}

export function reportBack(c: Composer): void {
  dateLine(c);
  greeting(c, c.src.case?.referrer_name, 'case.referrer', 'referrer');
  reference(c);
  c.para(c.note('update.done'));
  c.para(c.note('update.findings'));
  c.para(`Actions: ${c.note('update.actions')}`);
  if (c.src.notes['update.need_from_referrer']) c.para(`What we need from you: ${c.note('update.need_from_referrer')}`);
  const next = c.src.provision.find((p) => p.review)?.review;
  c.para(`Next contact or report: ${c.f(next, 'provision.review', 'when the next contact or report is due')}.`);
  c.para(`Copies to: ${c.note('copy_list')}`);
  letterClose(c);
}

/** Late Payment of Commercial Debts (Interest) Act 1998: fixed compensation per debt. */
export function lateCompensationPence(amountPence: number): number {
  if (amountPence < 100_000) return 4_000;
  if (amountPence < 1_000_000) return 7_000;
  return 10_000;
}

/** Simple daily interest at 8% over the reference rate: principal × rate × days / 365, rounded to the penny. */
export function lateInterestPence(amountPence: number, referenceRateBp: number, days: number): number {
  return Math.round((amountPence * (800 + referenceRateBp) * Math.max(0, days)) / (10_000 * 365));
}

function daysLate(today: string, due: string): number {
  return daysBetween(due as LocalDate, today as LocalDate);
}

export function chaser(c: Composer): void {
  const level = c.src.letter.level ?? 1;
  const inv = c.src.letter.invoice ?? null;
  c.title = ['Payment reminder', 'Overdue invoice: payment required', 'Final notice before further action'][level - 1]!;
  dateLine(c);
  greeting(c, c.src.case?.funder_name, 'case.funder', 'who the invoice was sent to');
  const num = c.f(inv?.number, 'invoice.number', 'invoice number');
  const amount = inv ? (c.uses('invoice.amount'), formatPounds(inv.amount_pence)) : c.need('invoice.amount', 'invoice amount');
  const due = c.date(inv?.due_on, 'invoice.due_on', 'invoice due date');
  const issued = c.date(inv?.issued_on, 'invoice.issued_on', 'invoice date');
  const refs: string[] = [];
  if (c.src.authorisation) {
    c.uses('authorisation');
    refs.push(`membership number ${c.src.authorisation.membership_number}`, `authorisation ${c.src.authorisation.authorisation_code}`);
  }
  if (c.src.medico_legal?.claim_reference) {
    c.uses('medico_legal.claim_reference');
    refs.push(`claim reference ${c.src.medico_legal.claim_reference}`);
  }
  c.para(`Invoice ${num} dated ${issued} for ${amount}${refs.length ? ` (${refs.join(', ')})` : ''}.`);
  const late = inv ? daysLate(c.src.today, inv.due_on) : null;
  if (level === 1) {
    c.para(
      `Our records show that this invoice, due on ${due}, has not yet been paid. It may have been overlooked. Please let us know when we can expect payment, or if you would like a copy of the invoice.`,
    );
  } else {
    c.para(
      `This invoice was due on ${due} and is now ${late === null ? c.need('invoice.due_on', 'days overdue') : `${late} days`} overdue. Please pay it by ${inv ? longDate(addDays(c.src.today as LocalDate, level === 2 ? 14 : 7)) : c.need('invoice.pay_by', 'pay-by date')}. If you dispute any part of it, please tell us now.`,
    );
    if (inv?.business_payer) {
      c.uses('invoice.business_payer');
      if (inv.reference_rate_bp === null || inv.reference_rate_bp === undefined) {
        c.para(
          `Statutory interest under the Late Payment of Commercial Debts (Interest) Act 1998 applies at 8% over the reference rate of ${c.need('invoice.reference_rate', 'Bank of England reference rate')}, with fixed compensation of ${formatPounds(lateCompensationPence(inv.amount_pence))}.`,
        );
      } else {
        c.uses('invoice.reference_rate');
        const interest = lateInterestPence(inv.amount_pence, inv.reference_rate_bp, late ?? 0);
        const comp = lateCompensationPence(inv.amount_pence);
        c.para(
          `${level === 3 ? 'We now claim' : 'Statutory interest applies under'} the Late Payment of Commercial Debts (Interest) Act 1998: interest at ${(8 + inv.reference_rate_bp / 100).toFixed(2)}% a year (8% over the reference rate of ${(inv.reference_rate_bp / 100).toFixed(2)}%) on ${formatPounds(inv.amount_pence)} for ${late} days = ${formatPounds(interest)}, plus fixed compensation of ${formatPounds(comp)}.`,
        );
      }
    }
    if (level === 3) c.para('If payment is not received by that date we intend to take further steps to recover the debt without further notice.');
  }
  c.para(`Payment details: ${c.f(c.src.practice.bank_details, 'practice.bank_details', 'bank details')}`);
  letterClose(c);
}

export function marketingLetter(c: Composer): void {
  c.uses('letter.audience');
  const audience = c.f(c.src.letter.audience, 'letter.audience', 'who this letter is for');
  c.para(`To: ${audience}`);
  c.para(
    `${c.f(c.src.practice.name, 'practice.name', 'practice name')} is an independent occupational therapy practice. Our occupational therapists are registered with the HCPC${c.src.author?.hcpc_number ? (c.uses('author.hcpc_number'), ` (${c.src.author.name}: ${c.src.author.hcpc_number})`) : ''}.`,
  );
  c.para(`What we offer ${audience}: ${c.note('purpose', 'services and typical turnaround (accurate, no guaranteed outcomes)')}`);
  c.para(
    `How to refer: contact us at ${c.f([c.src.practice.email, c.src.practice.phone].filter(Boolean).join(' or '), 'practice.contact', 'practice email or phone')}.`,
  );
  c.para(
    'If you would rather not hear from us again, reply to say so and we will not write again. We hold your business contact details to send this letter; our privacy notice explains more.',
  );
  letterClose(c);
}
