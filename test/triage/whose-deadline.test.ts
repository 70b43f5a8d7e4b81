import { describe, expect, it } from 'vitest';
import type { LocalDate } from '../../src/domain/calendar/local-date.js';
import { findActionDates } from '../../src/triage/actions.js';
import type { Category } from '../../src/triage/classify.js';
import { findDates } from '../../src/triage/dates.js';
import { obligationHolder } from '../../src/triage/obligation.js';
import { findReferences, type SenderKind } from '../../src/triage/references.js';

const pairs = (text: string, category: Category, received: string) =>
  findActionDates({ text, category, received: received as LocalDate })
    .map((d) => `${d.role}:${d.date}`)
    .sort();

describe('UK date language: a date with no year or month is the next such date after receipt', () => {
  // Received Tuesday 12 January 2027.
  const received = '2027-01-12' as LocalDate;
  it.each([
    ['03.11.26', '2026-11-03'],
    ['Friday week', '2027-01-22'],
    ['a week on Monday', '2027-01-25'],
    ['the 3rd of next month', '2027-02-03'],
    ['by Fri', '2027-01-15'],
    ['on Tuesday', '2027-01-19'],
    ['next Thursday', '2027-01-21'],
    ['tomorrow', '2027-01-13'],
    ['need it back by the 30th', '2027-01-30'],
    ['could we do thurs 14th instead', '2027-01-14'],
    ['could she have 3/2 instead', '2027-02-03'],
    ['Weds 20th Jan', '2027-01-20'],
  ])('%s', (text, want) => {
    expect(findDates(text, received).map((d) => d.date)).toEqual([want]);
  });
  it.each([
    ['Tues 3rd Nov', '2026-11-03'],
    ['w/c 9 November', '2026-11-09'],
    ['by Friday', '2026-10-23'],
  ])('%s, received Tuesday 20 October 2026', (text, want) => {
    expect(findDates(text, '2026-10-20' as LocalDate).map((d) => d.date)).toEqual([want]);
  });
  it.each([['he loves Mondays'], ['open 24/7'], ['the 21st century'], ['31/02/2027']])('no date in "%s"', (text) => {
    expect(findDates(text, received)).toEqual([]);
  });
  it('a time after a date is not the next date read as a time', () => {
    expect(findDates('Tues 3rd Nov, 03.11.26', received).map((d) => d.text)).toEqual(['Tues 3rd Nov', '03.11.26']);
  });
});

describe('whose deadline: the holder of the obligation is read from the clause', () => {
  it.each([
    ['Please send your advice by', 'practice'],
    ['We need your addendum by', 'practice'],
    ['Need it back by', 'practice'],
    ['It would be really helpful to have it by', 'practice'],
    ['Advice must be provided within', 'practice'],
    ['The joint statement has to be filed by', 'practice'],
    ['Before I make a decision, I would be grateful for your update', 'practice'],
    ['The Council must tell the parents by', 'other'],
    ['The final plan must then be issued by', 'other'],
    ['Educational psychology advice is due by', 'other'],
    ['Hillview Primary School is to return its advice by', 'other'],
    ['The solicitors for both parties will send you a joint agenda by', 'other'],
    ['the Claimant serve her expert evidence by', 'other'],
    ['Ms Okafor has 15 days from the date of this notice to comment', 'other'],
    ['We expect to have them paginated by', 'other'],
  ])('%s → %s', (clause, holder) => {
    expect(obligationHolder(clause)).toBe(holder);
  });
});

describe('action dates of the practice', () => {
  it("a council's own 16- and 20-week deadlines are not the OT's due date; the six weeks run from the letter", () => {
    const text = `Please send your advice within six weeks of the date of this letter.

The Council must tell Amara's parents by 29 October 2026 whether it will issue a plan. The final plan must be issued by 26 November 2026.`;
    expect(pairs(text, 'ehcp_advice_request', '2026-09-03')).toEqual(['response_due:2026-10-15']);
  });
  it('a list the writer marks as for information only asks nothing', () => {
    const text = `Please let us have your advice by 9 October 2026.

For information only, the other dates are:

  - school advice due by 2 October 2026;
  - a meeting with the family will be held on 2 November 2026.`;
    expect(pairs(text, 'ehcp_advice_request', '2026-09-03')).toEqual(['response_due:2026-10-09']);
  });
  it('a rule counted from a named earlier e-mail runs from that e-mail, not from this letter', () => {
    const text = 'Your advice is due within six weeks of the original request, that is six weeks from our email of 2 October 2026.';
    expect(pairs(text, 'ehcp_advice_request', '2026-10-09')).toEqual(['response_due:2026-11-13']);
  });
  it('a rule counted from a visit runs from the visit', () => {
    const text = 'The site visit has been arranged for Wednesday 28 April 2027 at 10am. Please send your report to me within 14 days of the visit.';
    expect(pairs(text, 'workplace', '2027-04-12')).toEqual(['meeting:2027-04-28', 'response_due:2027-05-12']);
  });
  it('working days are counted on the bank-holiday calendar', () => {
    // Thursday 17 December 2026: ten working days skip the weekends, Christmas Day, the Boxing Day substitute and New Year's Day.
    const text = 'Please reply within 10 working days of this letter.';
    expect(pairs(text, 'case_update_request', '2026-12-17')).toEqual(['response_due:2027-01-05']);
  });
  it('an explicit date for the same action wins over the period in its sentence', () => {
    const text = "They've asked for answers within 28 days, but I'd be grateful to have them by Friday 11 December 2026.";
    expect(pairs(text, 'ml_questions', '2026-11-25')).toEqual(['response_due:2026-12-11']);
  });
  it("the instructing party's earlier date beats the court's filing deadline it serves", () => {
    const text =
      'The joint statement must be filed by 11 June 2027. Please let us have the signed statement by Wednesday 9 June 2027 so that we have time to file it.';
    expect(pairs(text, 'ml_update', '2027-05-04')).toEqual(['response_due:2027-06-09']);
  });
  it('a payment promised within a period is a payment date', () => {
    expect(pairs('We will pay your invoice within 14 days of the date of this email.', 'ml_update', '2027-02-10')).toEqual(['payment_due:2027-02-24']);
  });
  it('a panel meeting the therapist need not attend and a cancelled discussion are not action dates', () => {
    const text = `The review will go to the panel on 17 March 2027; you do not need to attend.

The experts' discussion pencilled in for 3 March 2027 will not take place.`;
    expect(pairs(text, 'case_update_request', '2027-02-15')).toEqual([]);
  });
  it('a moved meeting keeps only its new date', () => {
    const text = `I wrote to you on 30 November 2026 to invite you to the review on Wednesday 27 January 2027. The meeting has had to be moved.

Date: Wednesday 3 February 2027 at 10am`;
    expect(pairs(text, 'ehcp_annual_review', '2026-12-14')).toEqual(['meeting:2027-02-03']);
  });
  it("the client's own hospital review is not a meeting of the practice", () => {
    expect(pairs('Her next neurology review is on 6 October 2026.', 'new_referral', '2026-09-14')).toEqual([]);
  });
  it('an authorisation valid for a period, or to the end of a range, ends on its last day', () => {
    expect(pairs('This authorisation is valid for 12 weeks from the date of this letter.', 'insurer_authorisation', '2027-01-18')).toEqual([
      'authorisation_expiry:2027-04-12',
    ]);
    expect(pairs('Sessions authorised: 4\nValid: 12/11/2026 – 11/02/2027', 'insurer_authorisation', '2026-11-12')).toEqual(['authorisation_expiry:2027-02-11']);
    expect(pairs('These sessions must take place by 31 December 2026.', 'insurer_authorisation', '2026-11-04')).toEqual(['authorisation_expiry:2026-12-31']);
  });
  it("'no later than three weeks before the meeting' is counted back from the meeting, not forward from the letter", () => {
    const text =
      'The review will be held on Wednesday 9 December 2026 at 9am. Please send me your written advice no later than three weeks before the meeting.';
    expect(pairs(text, 'ehcp_annual_review', '2026-11-09')).toEqual(['meeting:2026-12-09', 'response_due:2026-11-18']);
  });
  it('a parent asking for Friday week: the requested date is the appointment', () => {
    expect(pairs("He can't make Thursday's session, could we do Friday week instead?", 'appointment_change', '2027-01-12')).toEqual(['appointment:2027-01-22']);
  });
});

const refs = (text: string, sender: SenderKind, invoicePrefix = '') =>
  findReferences({ text, subject: '', sender, rows: [], invoicePrefix })
    .map((r) => `${r.kind}:${r.value}`)
    .sort();

describe('references by their labels and surroundings', () => {
  it("a council's 'Our ref' is the LA reference; the practice's own 'Your ref' is not listed", () => {
    expect(refs('Our ref: HA 26/1187\nYour ref: BWOT/26-033', 'council')).toEqual(['la_ref:HA 26/1187']);
  });
  it("a solicitor's 'their ref' for another firm is a claim reference", () => {
    expect(refs('We act for the claimant. The defendant is represented by Harrow Pike LLP (their ref HP/CM/2231).', 'law')).toEqual(['claim_ref:HP/CM/2231']);
  });
  it('a court claim number after "Claim No." is a court reference; an NHS Resolution ref of the same shape is a claim reference', () => {
    expect(refs('County Court at Riverton - Claim No. K5QZ2218', 'law')).toEqual(['court_ref:K5QZ2218']);
    expect(refs('NHSR ref: M25CT0412', 'law')).toEqual(['claim_ref:M25CT0412']);
  });
  it('labels with dotted leaders, spaced values and backslashes', () => {
    expect(refs('NHS no. ............ 9990000018\nAuthorisation code: 7719 2046 0031\nPolicy number: AVH 6620019843', 'insurer')).toEqual([
      'insurer_auth:7719 2046 0031',
      'nhs_number:9990000018',
      'policy_number:AVH 6620019843',
    ]);
    expect(refs("Council's ref: SEN\\25\\2290", 'other')).toEqual(['la_ref:SEN\\25\\2290']);
  });
  it("invoice numbers in the practice's own format, however many, tables too", () => {
    const text = 'INV DATE    YOUR REF      GROSS\n03/08/2026  BWOT-000851   450.00\n11/08/2026  BWOT-000859   450.00\nWe have also paid BWOT-000866.';
    expect(refs(text, 'council', 'BWOT-')).toEqual(['invoice_number:BWOT-000851', 'invoice_number:BWOT-000859', 'invoice_number:BWOT-000866']);
  });
  it('an age range in a service name is no reference', () => {
    expect(refs('Eastmoor County Council\n0-25 SEND Service', 'council')).toEqual([]);
  });
});
