/**
 * What the letter is, who it is about and who sent it, on synthetic correspondence written for
 * these tests (fictional people, `.test` domains). Each case pins one general pattern of UK
 * correspondence at its boundary: the pattern applies, and a near miss does not.
 */
import { describe, expect, it } from 'vitest';
import type { LocalDate } from '../../src/domain/calendar/local-date.js';
import { readDocument } from '../../src/triage/read.js';
import { isTriageError, triageDocument, type TriageRecord } from '../../src/triage/triage.js';
import { email, letter, practice } from './support.js';

const today = '2026-11-27' as LocalDate;
const us = practice();

async function read(name: string, bytes: Uint8Array, withPractice = true): Promise<TriageRecord> {
  const r = await triageDocument(name, bytes, { today, practice: withPractice ? us : undefined });
  if (isTriageError(r)) throw new Error(`${name}: ${r.error}`);
  return r;
}

const parent = (from: string, subject: string, body: string) =>
  email(
    {
      From: from,
      To: 'office@brightwater-ot.test',
      Subject: subject,
      Date: 'Mon, 16 Nov 2026 07:12:00 +0000',
      'Message-ID': `<${subject.length}@example.test>`,
    },
    body,
  );

describe('category: general patterns', () => {
  it('a parent moving a session in everyday words is an appointment change', async () => {
    const r = await read(
      'a.eml',
      parent(
        'Dee Marsh <dee.marsh@example.test>',
        'Ruby tues',
        'hi its dee, ruby cant do tues 24th, shes got the dentist. can we do thurs 26th same time instead? thanks x',
      ),
    );
    expect(r.category).toBe('appointment_change');
  });

  it('a council asking whether the OT can make a review meeting is still an annual review', async () => {
    const r = await read(
      'b.eml',
      email(
        {
          From: 'Jo Pell <jo.pell@northmoor.test>',
          To: 'office@brightwater-ot.test',
          Subject: 'Annual review - Sam Dale',
          Date: 'Mon, 16 Nov 2026 09:00:00 +0000',
        },
        'Dear Wren,\n\nYou are invited to the annual review of the EHC plan for Sam Dale at Hillside Primary School on 14 January 2027. If you cannot make the meeting, please send your report instead.\n\nKind regards\nJo Pell\nSEND Officer\nNorthmoor Council',
      ),
    );
    expect(r.category).toBe('ehcp_annual_review');
  });

  it("a GP's letter thanking the OT for seeing a patient is a referral", async () => {
    const r = await read(
      'c.txt',
      letter([
        'Fernbank Surgery',
        '2 Mill Street, Harwick HW2 1AA',
        '',
        '10 November 2026',
        '',
        'Dear Colleague',
        '',
        'Re: Ms Alys Penrose  DOB 03/03/1985',
        '',
        'Thank you for seeing this 41-year-old teacher with a weak grip after a wrist fracture. She is happy to pay privately.',
        '',
        'Yours sincerely',
        '',
        'Dr Owen Tarrant',
        'Fernbank Surgery',
      ]),
    );
    expect(r.category).toBe('new_referral');
    expect(r.client).toMatchObject({ name: 'Alys Penrose', dob: '1985-03-03' });
  });

  it('bulk mail is known by its footer, even when it talks about advice and tribunals', async () => {
    const body =
      'Hi,\n\nWriting OT advice for an EHC needs assessment under regulation 8? Our one-day course covers the request for advice, the six-week deadline and giving evidence at the SEND Tribunal.\n\nBook now: early-bird price until 1 December.\n\nBest wishes,\nFenwick Therapy Training\n\nYou are receiving this email because you attended one of our courses. To unsubscribe, reply STOP.';
    expect((await read('d.eml', parent('Fenwick Therapy Training <news@fenwick-training.test>', 'EHC advice course', body))).category).toBe('other');
  });

  it("an insurer portal's notice is not bulk mail: 'you are receiving this because you are registered' is no unsubscribe", async () => {
    const body =
      'Hello Brightwater OT\n\nDecision: Approved\nPatient name:   Ivo Brandt\nMembership number:   55123456\nSessions approved:   6\n\nYou are receiving this email because you are registered as a provider on our portal.';
    expect(
      (await read('e.eml', parent('Harbourside Health Provider Portal <no-reply@harbourside-health.test>', 'Decision on treatment request 4410021', body)))
        .category,
    ).toBe('insurer_authorisation');
  });

  it("an NHS care plan's annual review is a request for a report, an EHC plan's is an annual review", async () => {
    const nhs = letter([
      'Date: 12 November 2026',
      '',
      'Dear Ms Halloway',
      '',
      'Re: Mr Cyril Hendry, DOB 02.11.1950',
      '',
      'Mr Hendry receives NHS Continuing Healthcare funding. His care plan is due for its annual review. Please could you send us a progress report by 30 November 2026.',
      '',
      'Yours sincerely',
      'Mina Lowe',
      'Continuing Healthcare Nurse Assessor',
    ]);
    expect((await read('f.txt', nhs)).category).toBe('case_update_request');
  });

  it('a final plan letter that ends with the family\u2019s appeal rights is not a tribunal matter', async () => {
    const r = await read(
      'g.txt',
      letter([
        'Northmoor Council',
        'SEND Assessment Team',
        '',
        '12 November 2026',
        '',
        'Dear Ms Halloway',
        '',
        'Child: Tilly Rowe',
        '',
        "I enclose a copy of Tilly's final EHC plan, issued today to her parents at Hillside Primary School. Her parents have the right to appeal to the SEND Tribunal against sections B, F and I.",
        '',
        'Yours sincerely',
        'Jo Pell',
      ]),
    );
    expect(r.category).toBe('ehcp_plan_issued');
  });

  it("the practice's own invoice number marks an accounts query; quoted back in a solicitor's 'Your ref' line it does not", async () => {
    const accounts = await read(
      'h.eml',
      parent(
        'Accounts <accounts@fellside-cm.test>',
        'RE: BWOT-2026-0012',
        'Hi Wren\n\nRe inv BWOT-2026-0012 for Ivo Brandt, we cannot process this as it is for 9 hours. Please reissue for 6.\n\nThanks\nLorna\nAccounts | Fellside Case Management Ltd',
      ),
    );
    expect(accounts.category).toBe('payment');
    const solicitor = await read(
      'i.txt',
      letter([
        'Garrow Pike Solicitors LLP',
        '',
        'Our ref: GP/PI/0091',
        'Your ref: BWOT-2026-0012',
        '12 November 2026',
        '',
        'Dear Ms Halloway',
        '',
        'Our client: Mrs Nell Carver',
        '',
        'We write to let you know that the claim has settled and the trial window is vacated. Please stop all work on the file.',
        '',
        'Yours faithfully',
        'Garrow Pike Solicitors LLP',
      ]),
    );
    expect(solicitor.category).toBe('ml_update');
  });

  it('thanks for answers to Part 35 questions closes them: a fixed trial date is a case update; a request for an addendum is questions', async () => {
    const trial = await read(
      'j.eml',
      parent(
        'Ria Stone <r.stone@garrowpike.test>',
        'Carver v Lyle - trial date fixed',
        'Dear Wren,\n\nThank you for your answers to the Defendant\u2019s Part 35 questions. The court has fixed the trial for 11 October 2027.\n\nBest wishes,\nRia Stone\nGarrow Pike Solicitors LLP',
      ),
    );
    expect(trial.category).toBe('ml_update');
    const addendum = await read(
      'k.eml',
      parent(
        'Ria Stone <r.stone@garrowpike.test>',
        'Carver v Lyle - addendum report',
        'Dear Wren,\n\nWe should be grateful if you would prepare a short addendum report on the surveillance evidence.\n\nBest wishes,\nRia Stone\nGarrow Pike Solicitors LLP',
      ),
    );
    expect(addendum.category).toBe('ml_questions');
  });
});

describe('client: general patterns', () => {
  it("the practice's own staff named in the letter are never the client", async () => {
    const bytes = letter([
      'Date: 20 November 2026',
      '',
      'Dear Wren Halloway,',
      '',
      'Re: Wren Halloway (DOB 01/02/2015)',
      '',
      'Please call me about the annual review of the EHC plan at school.',
    ]);
    expect((await read('l.txt', bytes, false)).client?.name).toBe('Wren Halloway');
    expect((await read('l.txt', bytes)).client).toBeNull();
  });

  it("a staff surname run into the next line ('Dear Ms Halloway / Thank you') is not a client", async () => {
    const r = await read(
      'm.eml',
      parent(
        'Ria Stone <r.stone@garrowpike.test>',
        'Carver v Lyle',
        'Dear Mr Halloway\nThank you for your report. We enclose the Defendant\u2019s written questions under CPR 35.6.\n\nOur client: Mrs Nell Carver\n\nRia Stone\nGarrow Pike Solicitors LLP',
      ),
    );
    expect(r.client?.name).toBe('Nell Carver');
  });

  it('labels with dot leaders or table spacing name the client', async () => {
    const dots = await read(
      'n.txt',
      letter([
        'Date: 12/11/2026',
        '',
        'REQUEST FOR ADVICE - EHC NEEDS ASSESSMENT',
        'Child ............ Noor HALE',
        'Date of birth .... 04/11/2021',
        '',
        'Dear Ms Halloway',
        '',
        'Please send your advice.',
      ]),
    );
    expect(dots.client).toMatchObject({ name: 'Noor Hale', dob: '2021-11-04' });
    const table = await read(
      'o.eml',
      parent(
        'Harbourside Health <care@harbourside-health.test>',
        'Action needed',
        'Dear Brightwater OT,\n\nMember name   Ivo Brandt\n\nDate of birth   21/09/2015\n\nSessions authorised   8',
      ),
    );
    expect(table.client).toMatchObject({ name: 'Ivo Brandt', dob: '2015-09-21' });
  });

  it('a name inside a subject line, with other words around it, is the client; an address in the subject is not', async () => {
    expect(
      (await read('p.eml', parent('Dee Marsh <dee.marsh@example.test>', 'Ruby Marsh tues appt', 'cant do tues, can we do thurs same time?'))).client?.name,
    ).toBe('Ruby Marsh');
    const r = await read(
      'q.eml',
      parent(
        'Tom Hurst <tom@hurst-build.test>',
        '8 Hebden Walk - DFG works',
        'Wren, we have nearly finished the wet room for Mr Stanley\nBroadbent. Can you visit?\n\nTom\nHurst Building Ltd',
      ),
    );
    expect(r.client?.name).toBe('Stanley Broadbent');
  });

  it('the heading under the salutation names the client; an "A v B" title names the claimant', async () => {
    const heading = await read(
      'r.txt',
      letter([
        '12 November 2026',
        '',
        'Dear Ms Halloway',
        '',
        'Workplace assessment - Kofi Mensah (employee no. 40772)',
        '',
        'Thank you for your quotation, which we accept.',
        '',
        'Yours sincerely',
        'Ada Lyle',
        'Lyle Logistics Ltd',
      ]),
    );
    expect(heading.client?.name).toBe('Kofi Mensah');
    const claim = await read(
      's.txt',
      letter([
        '12 November 2026',
        '',
        'Dear Ms Halloway',
        '',
        'Claim no. F21YK506 \u2013 Nell Carver v Lyle Haulage Limited',
        '',
        'The claim has settled.',
        '',
        'Yours sincerely',
        'Garrow Pike Solicitors LLP',
      ]),
    );
    expect(claim.client?.name).toBe('Nell Carver');
  });

  it("a parent naming their child ('Arlo Fentons dad', 'My daughter Lottie Wain') gives the child, not the parent", async () => {
    expect(
      (
        await read(
          't.eml',
          parent('Dan Fenton <dan@example.test>', 'New SMS', 'Hi Wren its Dan, Arlo Fentons dad. Can we swap wednesdays sesh to thurs 19th? same time.'),
        )
      ).client?.name,
    ).toBe('Arlo Fenton');
    const r = await read(
      'u.eml',
      parent(
        'Jess Wain <jess@example.test>',
        'OT assessment for my daughter?',
        'Hi there\n\nMy daughter Lottie Wain is 6 (dob 14.2.21) and struggles with buttons. How much is an assessment?\n\nThanks\nJess',
      ),
    );
    expect(r.client).toMatchObject({ name: 'Lottie Wain', dob: '2021-02-14' });
    expect(r.category).toBe('new_referral');
  });

  it('a forwarded chain: the client named in an earlier message is found when the newest part only gives a first name', async () => {
    const r = await read(
      'v.eml',
      parent(
        'Nat Crewe <nat@brightwater-cm.test>',
        'FW: Jade - MDT',
        'Wren - see below, can you make it?\n\nNat\n\n-----Original Message-----\nFrom: Sam Ode\nSent: 20 October 2026 11:40\nTo: Nat Crewe\nSubject: Jade - MDT\n\nThe next MDT for Jade Whitmore (DOB 04/05/2009) will be on 29 October at 11am.',
      ),
    );
    expect(r.client).toMatchObject({ name: 'Jade Whitmore', dob: '2009-05-04' });
  });

  it('a private person moving their own appointment is the client; one writing of "his session" is not', async () => {
    expect(
      (
        await read(
          'w.eml',
          parent(
            'Mo Rahim <mo.rahim@example.test>',
            'Wednesday',
            'Hi Wren, cant make wed 25th, the hospital moved my physio. Could I do the 3rd of next month same time? Thanks Mo',
          ),
        )
      ).client?.name,
    ).toBe('Mo Rahim');
    expect(
      (await read('x.eml', parent('Lee Garth <lee@example.test>', 'cancel', 'hi wren hes got chicken pox so can u cancel his session thurs pls, cheers lee')))
        .client,
    ).toBeNull();
  });

  it("a daughter signing '(Glenys's daughter)' writes for her parent, whose surname is the one given with a title", async () => {
    const r = await read(
      'z5.eml',
      parent(
        'Carys Hale-Webb <carys@example.test>',
        "Re: Mum's review visit",
        "hi Wren, mum's not been great this week so can we move the review visit to next week?\n\nta\nCarys\n(Glenys's daughter)\n\nOn Tue, 4 May 2027, Brightwater OT wrote:\n> Dear Carys,\n> Wren would like to visit your mum, Mrs Hale, to review the new shower.",
      ),
    );
    expect(r.client?.name).toBe('Glenys Hale');
  });

  it("a full name after 'for' in a short accounts message is the client; a firm after 'for' is not", async () => {
    const r = await read(
      'z6.eml',
      parent(
        'Accounts <accounts@fellside-cm.test>',
        'RE: Invoice',
        'Hi Wren\n\nRe inv above for Ryan Kettle, we need it reissued for Fellside Case Management.\n\nThanks\nLorna',
      ),
    );
    expect(r.client?.name).toBe('Ryan Kettle');
  });

  it('an abbreviation after a name is not part of it', async () => {
    const r = await read(
      'y.eml',
      parent('Jo Pell <jo.pell@hillside-primary.test>', 'FW: Safiya Hamid AR', 'Wren - AR now Tues 16th March 9.15 at school. Report by 2nd March ok? Jo'),
    );
    expect(r.client?.name).toBe('Safiya Hamid');
    expect(r.category).toBe('ehcp_annual_review');
  });
});

describe('sender organisation: general patterns', () => {
  it('a signature line of several parts gives its organisation part', async () => {
    const r = await read(
      'z1.eml',
      parent(
        'Gemma Rudd <g.rudd@fellside-cm.test>',
        'New ref - Caleb Oyo',
        'Wren\n\nNew one for you - referral form attached.\n\nTa\nG\nGemma Rudd | Senior Case Manager | Fellside Case Management Ltd\nM 07700 900517',
      ),
    );
    expect(r.sender_org).toBe('Fellside Case Management Ltd');
  });

  it("a council's team beside it is kept; a national body called a council gets no team", async () => {
    const council = await read(
      'z2.eml',
      parent(
        'Jo Pell <jo.pell@northmoor.test>',
        'Advice request',
        'Dear Wren,\n\nPlease send your advice for the EHC needs assessment.\n\nKind regards\nJo Pell\nSEND Assessment Team | Northmoor Council',
      ),
    );
    expect(council.sender_org).toBe('Northmoor Council SEND Assessment Team');
    const national = await read(
      'z3.eml',
      parent(
        'HCPC Registrations <no-reply@registration.hcpc.test>',
        'Renew your registration',
        'Dear Wren,\n\nYour HCPC renewal is due.\n\nRegards\nRegistrations Team\nHealth and Care Professions Council',
      ),
    );
    expect(national.sender_org).toBe('Health and Care Professions Council');
  });

  it("a firm's name set over two letterhead lines is one name; a council's team in the signature beats the directorate above it", async () => {
    const firm = await read(
      'z7.txt',
      letter([
        'GARROW PIKE',
        'S O L I C I T O R S',
        '',
        '1 Quay Street, Harwick HW1 2AB',
        '',
        '12 November 2026',
        '',
        'Dear Ms Halloway',
        '',
        'Our client: Mrs Nell Carver',
        '',
        'The claim has settled.',
        '',
        'Yours sincerely',
        'Ria Stone',
      ]),
    );
    expect(firm.sender_org).toBe('Garrow Pike Solicitors');
    const council = await read(
      'z8.txt',
      letter([
        'NORTHMOOR METROPOLITAN BOROUGH COUNCIL',
        'Children and Families Directorate',
        '',
        '12 November 2026',
        '',
        'Dear Ms Halloway',
        '',
        'Child: Tilly Rowe',
        '',
        'Please send your advice for the EHC needs assessment.',
        '',
        'Yours sincerely',
        'Jo Pell',
        'SEND Officer',
        'SEND Assessment and Review Team',
      ]),
    );
    expect(council.sender_org).toBe('Northmoor Metropolitan Borough Council SEND Assessment and Review Team');
  });

  it("a no-reply mailbox's display name names the organisation; a person's display name does not", async () => {
    const r = await read(
      'z9.eml',
      parent(
        'Harbourside Care <noreply.provider@harbourside-care.test>',
        'Guarantee of payment',
        'Dear Provider,\n\nPatient: Mr Ivo Brandt\nAdditional sessions: 6',
      ),
    );
    expect(r.sender_org).toBe('Harbourside Care');
    const person = await read(
      'z10.eml',
      parent('Ivo Brandt <noreply@harbourside-care.test>', 'Guarantee of payment', 'Dear Provider,\n\nPatient: Mr Ivo Brandt\nAdditional sessions: 6'),
    );
    expect(person.sender_org).toBeNull();
  });

  it("a forward signed with a first name takes the sender's organisation from their signature earlier in the thread", async () => {
    const r = await read(
      'z11.eml',
      parent(
        'Owen Tarn <owen@tarn-surveying.test>',
        'FW: RE: 14 Tansy Close',
        "Wren - see Dave's question below. Which side for the seat?\nOwen\nSent from my mobile\n\n-------- Original message --------\nFrom: Owen Tarn\nDate: 04/03/2027 09:10\nTo: Dave Hurst\nSubject: RE: 14 Tansy Close\n\nDave, grant approved - start date Monday 15 March.\nOwen Tarn\nTarn Building Surveying\n07700 900795",
      ),
    );
    expect(r.sender_org).toBe('Tarn Building Surveying');
  });

  it("a portal's name is not part of the organisation", async () => {
    const r = await read(
      'z4.eml',
      parent(
        'Harbourside Health Provider Online <no-reply@harbourside-health.test>',
        'Decision',
        'Decision: Approved\nPatient name:   Ivo Brandt\nSessions approved: 6',
      ),
    );
    expect(r.sender_org).toBe('Harbourside Health');
  });
});

describe('scanned letters', () => {
  it('puts back l and O where OCR read 1 and 0 inside words, and leaves numbers, postcodes and references alone', async () => {
    const doc = await readDocument(
      'scan.txt',
      letter([
        '0ur ref: GP/PI/0091',
        'Te1: 01632 960633',
        'Dear Ms Ha1loway',
        'We write to 1et you know the c1aim sett1ed on 14 0ctober 2026.',
        'Fo1k Road, Harwick HW2 1AA. Invoice BWOT-2026-0012, 1st session.',
      ]),
    );
    expect(doc.body).toContain('Our ref: GP/PI/0091');
    expect(doc.body).toContain('Tel: 01632 960633');
    expect(doc.body).toContain('We write to let you know the claim settled on 14 October 2026.');
    expect(doc.body).toContain('Folk Road, Harwick HW2 1AA. Invoice BWOT-2026-0012, 1st session.');
    const clean = await readDocument('typed.txt', letter(['Room 101, Unit 3a', 'Order A1B2 for 10 units']));
    expect(clean.body).toBe('Room 101, Unit 3a\nOrder A1B2 for 10 units\n');
  });
});
