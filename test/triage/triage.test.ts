import { describe, expect, it } from 'vitest';
import type { LocalDate } from '../../src/domain/calendar/local-date.js';
import { findDates } from '../../src/triage/dates.js';
import { htmlToText } from '../../src/triage/read.js';
import { isTriageError, triageDocument, type TriageRecord } from '../../src/triage/triage.js';
import { email, makePdf, practice } from './support.js';

const today = '2026-11-27' as LocalDate;
const opts = { today, practice: practice() };

async function triage(name: string, bytes: Uint8Array): Promise<TriageRecord> {
  const r = await triageDocument(name, bytes, opts);
  if (isTriageError(r)) throw new Error(`${name}: ${r.error}`);
  return r;
}
const pairs = (r: TriageRecord) => r.dates.map((d) => `${d.role}:${d.date}`).sort();
const refs = (r: TriageRecord) => r.references.map((x) => `${x.kind}:${x.value}`).sort();

describe('UK date grammar', () => {
  it('reads numeric dates day first, never month first', () => {
    expect(findDates('seen on 03/04/2027', today).map((d) => d.date)).toEqual(['2027-04-03']);
    expect(findDates('DOB 05.07.2023', today).map((d) => d.date)).toEqual(['2023-07-05']);
  });
  it('reads written dates with weekdays, ordinals, line breaks and times', () => {
    const [d] = findDates('on Thursday 4th\nMarch 2027 at 2.15pm', today);
    expect(d).toMatchObject({ date: '2027-03-04', time: '14:15', year_written: true });
    expect(findDates('by March 3rd, 2027', today)[0]!.date).toBe('2027-03-03');
  });
  it('gives a year-less date the year nearest the letter, matching its weekday', () => {
    expect(findDates('Tuesday 12 January', '2026-12-01' as LocalDate)[0]!.date).toBe('2027-01-12');
    expect(findDates('we wrote on 20 November', '2026-12-01' as LocalDate)[0]!.date).toBe('2026-11-20');
  });
  it('refuses impossible dates', () => {
    expect(findDates('31/02/2027 and 30 February 2027', today)).toEqual([]);
  });
});

describe('triage of a needs-assessment advice request', () => {
  const bytes = email(
    {
      From: '"Eastmoor Council SEND Team" <send@eastmoor.gov.test>',
      To: 'office@brightwater-ot.test',
      Subject: 'Advice request – EHC needs assessment – Freya OKONJO',
      Date: 'Mon, 07 Dec 2026 09:00:00 +0000',
      'Message-ID': '<adv-1@eastmoor.gov.test>',
    },
    `Dear Ms Lund,

Child: Freya Okonjo
Date of birth: 2nd March 2019
NHS No: 999 000 0018
Our ref: EMC/SEN/26/4410

Eastmoor Council has decided to carry out an EHC needs assessment for Freya and we are seeking your advice under Regulation 8. Please let us have your advice within 6 weeks of the date of this letter.

Yours sincerely

Priya Dale
Assessment Officer
SEND Team
Eastmoor Council
`,
  );

  it('classifies, finds the child, the LA reference and computes the advice deadline with rule EHCP-ADV-01', async () => {
    const r = await triage('adv.eml', bytes);
    expect(r.category).toBe('ehcp_advice_request');
    expect(r.received).toBe('2026-12-07');
    expect(r.client).toMatchObject({ name: 'Freya Okonjo', dob: '2019-03-02' });
    expect(r.sender_org).toBe('Eastmoor Council SEND Team');
    expect(refs(r)).toContain('la_ref:EMC/SEN/26/4410');
    expect(r.dates).toEqual([expect.objectContaining({ role: 'response_due', date: '2027-01-18', stated: false, rule: 'EHCP-ADV-01' })]);
  });
});

describe('triage of an annual review invitation', () => {
  it('finds the meeting and counts the contribution back 14 days (EHCP-AR-04), across a bank holiday without moving it', async () => {
    const r = await triage(
      'ar.txt',
      Buffer.from(`NORTHFIELD ACADEMY
Inclusion Office

9 March 2027

Dear Therapist

Re: Annual review of EHC plan - Milo Tran, DOB 11/11/2015

You are invited to Milo's annual review meeting on Wednesday 14 April 2027 at 10.30am in the library.
Please send your written report at least two weeks before the meeting.

Kind regards

Sam Ode
SENCo
Northfield Academy
`),
    );
    expect(r.category).toBe('ehcp_annual_review');
    expect(r.client).toMatchObject({ name: 'Milo Tran', dob: '2015-11-11' });
    expect(pairs(r)).toEqual(['meeting:2027-04-14', 'response_due:2027-03-31']);
    expect(r.dates.find((d) => d.role === 'response_due')!.rule).toBe('EHCP-AR-04');
    expect(r.facts.meeting_time).toBe('10:30');
  });

  it('lets a date written in the letter win over the rule it quotes', async () => {
    const r = await triage(
      'ar2.txt',
      Buffer.from(
        `Date: 1 March 2027\n\nDear Ms Lund\n\nChild: Ava Rees DOB 01/01/2020\n\nThe EHCP review will be held on Monday 19 April 2027 at 9am. We would normally ask for reports two weeks before the meeting, but please send yours by Friday 26 March 2027.\n\nRegards\nNursery Office\n`,
      ),
    );
    expect(pairs(r)).toEqual(['meeting:2027-04-19', 'response_due:2027-03-26']);
    expect(r.dates.every((d) => d.stated)).toBe(true);
  });
});

describe('reading what is said now, not what was quoted', () => {
  it('ignores dates in a quoted earlier message and a vacated hearing, keeps references from the quote', async () => {
    const r = await triage(
      'reply.eml',
      email(
        {
          From: 'Kit Marsh <k.marsh@marshlaw.test>',
          To: 'office@brightwater-ot.test',
          Subject: 'RE: Lily Cho - EH830/26/00991',
          Date: 'Tue, 01 Dec 2026 10:00:00 +0000',
        },
        `Dear Jo,\n\nThe hearing on 9 December has been vacated, and the appeal has been relisted for Thursday 4 February 2027.\n\nBest wishes\n\nKit Marsh\nMarsh Education Law\n\nOn Mon, 30 Nov 2026 at 09:00, Jo Lund <office@brightwater-ot.test> wrote:\n> Could we meet on 15 December 2026? Our ref MEL/LC/88\n`,
      ),
    );
    expect(r.category).toBe('tribunal');
    expect(pairs(r)).toEqual(['hearing:2027-02-04']);
    expect(refs(r)).toContain('tribunal_ref:EH830/26/00991');
    expect(r.sender_org).toBe('Marsh Education Law');
  });
});

describe('insurer authorisation, payments and medico-legal', () => {
  it('reads an authorisation: code, membership, sessions, limit and expiry', async () => {
    const r = await triage(
      'auth.eml',
      email(
        {
          From: 'Claims <auth@insurer.test>',
          To: 'office@brightwater-ot.test',
          Subject: 'Pre-authorisation confirmed',
          Date: 'Wed, 02 Dec 2026 12:00:00 +0000',
        },
        `Dear Provider,\n\nMember name: Mr Oskar Berg\nDate of birth: 14/02/1980\nMembership number: 55501234\nAuthorisation number: XA-99-1234\nSessions authorised: 10\nBenefit limit: £80.00 per session (maximum £800.00)\nAuthorisation valid until: 1 June 2027\n\nKind regards\n\nProvider Team\nExample Health Insurance Ltd\n`,
      ),
    );
    expect(r.category).toBe('insurer_authorisation');
    expect(refs(r)).toEqual(['insurer_auth:XA-99-1234', 'policy_number:55501234']);
    expect(r.facts).toMatchObject({ sessions_authorised: 10, amount_gbp: 800 });
    expect(pairs(r)).toEqual(['authorisation_expiry:2027-06-01']);
  });

  it('answers CPR 35.6 questions within 28 days under ML-Q-02 and keeps the court claim number', async () => {
    const r = await triage(
      'q.txt',
      Buffer.from(
        `GREY & WELLS LLP\n\n10 December 2026\n\nOur ref: GW/77/101\nClaim No: H23YX456\n\nDear Ms Lund\n\nAmos Pike v Carl Dunn\n\nWe act for the Defendant. Pursuant to CPR 35.6 we put the following written questions on your report. Please let us have your answers within 28 days of the date of this letter.\n\nYours faithfully\n\nGrey & Wells LLP\n`,
      ),
    );
    expect(r.category).toBe('ml_questions');
    expect(r.client?.name).toBe('Amos Pike');
    expect(refs(r)).toEqual(['claim_ref:GW/77/101', 'court_ref:H23YX456']);
    expect(r.dates).toEqual([expect.objectContaining({ role: 'response_due', date: '2027-01-07', stated: false, rule: 'ML-Q-02' })]);
  });
});

describe('MIME variety', () => {
  it('reads an HTML-only message with a table', async () => {
    const html =
      '<html><body><p>Dear Jo,</p><table><tr><td>Child:</td><td>Noah Pell</td></tr><tr><td>DOB:</td><td>09/09/2017</td></tr></table><p>Please send your advice for the EHC needs assessment by 5 February 2027.</p><p>Regards</p><p>Ann Bell<br>SEND Service<br>Westvale Council</p></body></html>';
    const r = await triage(
      'h.eml',
      email(
        {
          From: 'SEND <send@westvale.gov.test>',
          To: 'office@brightwater-ot.test',
          Subject: 'Request for advice',
          Date: 'Fri, 04 Dec 2026 10:00:00 +0000',
          'Content-Type': 'text/html; charset="utf-8"',
        },
        html,
      ),
    );
    expect(r.client).toMatchObject({ name: 'Noah Pell', dob: '2017-09-09' });
    expect(pairs(r)).toEqual(['response_due:2027-02-05']);
  });

  it('decodes quoted-printable and base64 text and reads a PDF attachment', async () => {
    const pdf = makePdf(['Child: Ruby Sand', 'Date of birth: 03/03/2018', 'Please send your advice by 12 March 2027.']).toString('base64');
    const raw = [
      'From: SEND <send@westvale.gov.test>',
      'To: office@brightwater-ot.test',
      'Subject: =?utf-8?Q?Advice_request_=E2=80=93_needs_assessment?=',
      'Date: Fri, 04 Dec 2026 10:00:00 +0000',
      'MIME-Version: 1.0',
      'Content-Type: multipart/mixed; boundary="XX"',
      '',
      '--XX',
      'Content-Type: text/plain; charset=utf-8',
      'Content-Transfer-Encoding: quoted-printable',
      '',
      'Dear Jo, we are seeking your advice for an EHC needs assessment =E2=80=93 the letter is atta=',
      'ched. Fee =C2=A3250.',
      '',
      '--XX',
      'Content-Type: application/pdf; name="letter.pdf"',
      'Content-Transfer-Encoding: base64',
      'Content-Disposition: attachment; filename="letter.pdf"',
      '',
      ...(pdf.match(/.{1,76}/g) ?? []),
      '--XX--',
      '',
    ].join('\r\n');
    const r = await triage('mixed.eml', Buffer.from(raw));
    expect(r.subject).toBe('Advice request – needs assessment');
    expect(r.attachments).toEqual([expect.objectContaining({ filename: 'letter.pdf', read: true })]);
    expect(r.client).toMatchObject({ name: 'Ruby Sand', dob: '2018-03-03' });
    expect(pairs(r)).toContain('response_due:2027-03-12');
  });

  it('reads a .pdf letter directly', async () => {
    const r = await triage(
      'letter.pdf',
      makePdf([
        'ASHBY HOUSING PARTNERSHIP',
        '',
        '1 December 2026',
        'Dear Therapist',
        'Disabled Facilities Grant - Mr Abel Frost (DOB 01/02/1950)',
        'Please send your recommendations by 8 January 2027.',
        'Yours sincerely',
      ]),
    );
    expect(r.category).toBe('housing_adaptation');
    expect(r.received).toBe('2026-12-01');
    expect(pairs(r)).toEqual(['response_due:2027-01-08']);
  });
});

describe('bad input gives one error per file, never a crash', () => {
  const cases: [string, string, Uint8Array][] = [
    ['an empty file', 'empty.eml', new Uint8Array()],
    ['binary junk named .eml', 'junk.eml', Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)],
    ['non-UTF-8 text', 'latin.txt', Buffer.from('Caf\xe9 letter, 3 March 2027', 'latin1')],
    [
      'malformed MIME (multipart without boundary)',
      'bad.eml',
      email({ From: 'a@b.test', Subject: 'x', Date: 'Fri, 04 Dec 2026 10:00:00 +0000', 'Content-Type': 'multipart/mixed' }, 'hello'),
    ],
    ['a message without headers', 'noheaders.eml', Buffer.from('just some words\nand more\n')],
    ['a 20 MB attachment', 'big.eml', email({ From: 'a@b.test', Subject: 'big', Date: 'Fri, 04 Dec 2026 10:00:00 +0000' }, 'x'.repeat(20 * 1024 * 1024))],
    ['a broken PDF', 'broken.pdf', Buffer.from('%PDF-1.4\nnot really a pdf')],
  ];
  it.each(cases)('%s', async (_what, name, bytes) => {
    const r = await triageDocument(name, bytes, opts);
    expect(isTriageError(r)).toBe(true);
    expect((r as { error: string }).error).toMatch(/\w+/);
  });
});

describe('HTML to text', () => {
  it('keeps table cells apart and decodes entities', () => {
    expect(htmlToText('<table><tr><td>Amount:</td><td>&pound;5&nbsp;&amp; more</td></tr></table>')).toBe('Amount:   £5 & more');
  });
});
