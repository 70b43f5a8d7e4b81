/**
 * The demo practice's inbox: a few fictional letters and emails imported and
 * waiting for a decision, so the Inbox page has something to show: an annual review
 * invitation for a demo child with an EHC plan, an insurer extending a demo authorisation,
 * and a remittance paying demo invoices. Each goes through the real triage and import, with
 * the demo's id maker and a fixed time, so the same seed and day give the same rows.
 */
import { addDays, type LocalDate } from '../../domain/calendar/local-date.js';
import type { Db, ServiceContext } from '../context.js';
import { importTriaged } from '../inbox/inbox.js';
import { loadPracticeIdentity } from '../practice/load-practice-identity.js';
import { DEMO_PRACTICE_NAME } from './demo-data.js';
import { isTriageError, triageFiles, type IncomingFile } from '../inbox/triage-files.js';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

const dayOfWeek = (d: LocalDate) => new Date(`${d}T12:00:00Z`).getUTCDay();
const longDate = (d: LocalDate) => `${DAYS[dayOfWeek(d)]} ${Number(d.slice(8, 10))} ${MONTHS[Number(d.slice(5, 7)) - 1]} ${d.slice(0, 4)}`;
const ukDate = (d: string) => `${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)}`;
const pounds = (p: number) => `£${(p / 100).toFixed(2)}`;
const MON = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const headerDate = (d: LocalDate, time: string) =>
  `${DAYS[dayOfWeek(d)]!.slice(0, 3)}, ${Number(d.slice(8, 10))} ${MON[Number(d.slice(5, 7)) - 1]} ${d.slice(0, 4)} ${time} +0000`;

function weekday(d: LocalDate): LocalDate {
  let x = d;
  while ([0, 6].includes(dayOfWeek(x))) x = addDays(x, 1);
  return x;
}

async function reviewInvitation(trx: Db, seed: number, today: LocalDate): Promise<IncomingFile | null> {
  const child = await trx
    .selectFrom('ehcp_plans')
    .innerJoin('cases', 'cases.id', 'ehcp_plans.case_id')
    .innerJoin('clients', 'clients.id', 'cases.client_id')
    .select(['clients.name', 'clients.dob', 'ehcp_plans.la_reference'])
    .where('cases.jurisdiction', '=', 'england')
    .where('cases.status', '!=', 'closed')
    .where('ehcp_plans.plan_issued_on', 'is not', null)
    .where('clients.dob', 'is not', null)
    .orderBy('cases.id')
    .executeTakeFirst();
  if (!child?.dob) return null;
  const sent = addDays(today, -2);
  const meeting = weekday(addDays(today, 56));
  const text = [
    'From: "Mrs P Example (SENCo)" <senco@hollybrook-primary.test>',
    'To: office@demo.steve.test',
    `Subject: Annual review of EHC plan - ${child.name}`,
    `Date: ${headerDate(sent, '09:12:00')}`,
    `Message-ID: <demo-ar-${seed}@hollybrook-primary.test>`,
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset="utf-8"',
    '',
    'Dear Therapist,',
    '',
    `Pupil: ${child.name}    DOB: ${ukDate(child.dob)}`,
    ...(child.la_reference ? [`LA ref: ${child.la_reference}`] : []),
    '',
    `You are invited to the annual review of the EHC plan on ${longDate(meeting)} at 1.30pm in the school library.`,
    'Please send your written advice at least two weeks before the meeting.',
    '',
    'Kind regards',
    '',
    'Pat Example',
    'SENCo',
    'Hollybrook Primary School',
    '',
  ].join('\r\n');
  return { name: 'annual-review-invitation.eml', bytes: Buffer.from(text) };
}

async function authorisationExtension(trx: Db, today: LocalDate): Promise<IncomingFile | null> {
  const auth = await trx
    .selectFrom('authorisations')
    .innerJoin('cases', 'cases.id', 'authorisations.case_id')
    .innerJoin('clients', 'clients.id', 'cases.client_id')
    .innerJoin('organisations', 'organisations.id', 'authorisations.insurer_org_id')
    .select([
      'clients.name',
      'clients.dob',
      'authorisations.membership_number',
      'authorisations.authorisation_code',
      'authorisations.sessions_authorised',
      'authorisations.valid_until',
      'organisations.name as insurer',
    ])
    .where('cases.status', '!=', 'closed')
    .where('authorisations.valid_until', '>=', today)
    .where('authorisations.authorisation_code', '!=', '')
    .where('clients.dob', 'is not', null)
    .orderBy('authorisations.id')
    .executeTakeFirst();
  if (!auth?.dob) return null;
  const letterOn = addDays(today, -3);
  const until = addDays(auth.valid_until as LocalDate, 91);
  const sessions = auth.sessions_authorised + 6;
  const text = [
    auth.insurer,
    'Clinical Services - Therapies',
    '',
    DEMO_PRACTICE_NAME,
    '',
    longDate(letterOn).replace(/^\w+ /, ''),
    '',
    `Patient:               ${auth.name}`,
    `Date of birth:         ${ukDate(auth.dob)}`,
    `Membership number:     ${auth.membership_number}`,
    `Authorisation code:    ${auth.authorisation_code}`,
    '',
    'Dear Therapist',
    '',
    'Further sessions authorised',
    '',
    `Thank you for your progress report. We have authorised ${sessions} sessions of occupational therapy in total for this member.`,
    `The authorisation now expires on ${longDate(until).replace(/^\w+ /, '')}. Sessions after that date will not be covered.`,
    '',
    'Please quote the authorisation code on every invoice.',
    '',
    'Yours sincerely',
    '',
    'Clinical Case Manager - Therapies',
    auth.insurer,
    '',
  ].join('\n');
  return { name: 'insurer-authorisation.txt', bytes: Buffer.from(text) };
}

async function remittance(trx: Db, seed: number, today: LocalDate): Promise<IncomingFile | null> {
  const payer = await trx
    .selectFrom('invoices')
    .select(['payer_org_id', 'payer_name'])
    .where('status', '=', 'issued')
    .where('kind', '=', 'invoice')
    .where('payer_kind', '=', 'insurer')
    .where('outstanding_pence', '>', 0)
    .where('deferred', '=', 0)
    .where('payer_org_id', 'is not', null)
    .orderBy('number')
    .executeTakeFirst();
  if (!payer) return null;
  const open = await trx
    .selectFrom('invoices')
    .innerJoin('clients', 'clients.id', 'invoices.client_id')
    .select(['invoices.number', 'invoices.outstanding_pence', 'invoices.membership_number', 'clients.name'])
    .where('invoices.payer_org_id', '=', payer.payer_org_id)
    .where('invoices.status', '=', 'issued')
    .where('invoices.kind', '=', 'invoice')
    .where('invoices.outstanding_pence', '>', 0)
    .where('invoices.deferred', '=', 0)
    .orderBy('invoices.number')
    .limit(3)
    .execute();
  // The insurer pays all but the last in full and part of the last (a shortfall to look at).
  const rows = open.map((i, k) => ({
    ...i,
    paid: k === open.length - 1 && open.length > 1 ? Math.max(1, Math.floor(Number(i.outstanding_pence) * 0.8)) : Number(i.outstanding_pence),
  }));
  const total = rows.reduce((s, r) => s + r.paid, 0);
  const cell = (s: string, w: number) => s.slice(0, w).padEnd(w);
  const text = [
    payer.payer_name,
    'Provider Payments',
    '',
    'REMITTANCE ADVICE',
    '',
    `To:  ${DEMO_PRACTICE_NAME}`,
    '',
    `Remittance date:     ${ukDate(addDays(today, -4))}`,
    `Payment reference:   DEMO-REM-${seed}-${today.replace(/-/g, '')}`,
    'Payment method:      BACS',
    `Payment date:        ${ukDate(addDays(today, -1))}`,
    '',
    'The following claims have been assessed and paid to your nominated bank account.',
    '',
    'Member name           Membership no.  Your invoice    Claimed    Paid',
    '--------------------  --------------  --------------  ---------  ---------',
    ...rows.map(
      (r) =>
        `${cell(r.name, 20)}  ${cell(r.membership_number || 'n/a', 14)}  ${cell(r.number, 14)}  ${cell(pounds(Number(r.outstanding_pence)), 9)}  ${pounds(r.paid)}`,
    ),
    '                                                      ---------  ---------',
    `                                      Total           ${cell(pounds(rows.reduce((s, r) => s + Number(r.outstanding_pence), 0)), 9)}  ${pounds(total)}`,
    '',
    `${payer.payer_name}. This is a computer-generated document and does not require a signature.`,
    '',
  ].join('\n');
  return { name: 'remittance-advice.txt', bytes: Buffer.from(text) };
}

export async function addDemoInbox(
  trx: Db,
  ctx: ServiceContext,
  opts: { seed: number; today: LocalDate; newId: () => string },
): Promise<{ inbox_items: number; inbox_proposals: number; correspondence: number }> {
  const { seed, today } = opts;
  const files = [await reviewInvitation(trx, seed, today), await authorisationExtension(trx, today), await remittance(trx, seed, today)].filter(
    (f): f is IncomingFile => f !== null,
  );
  const records = await triageFiles(files, { today, practice: await loadPracticeIdentity(trx, [DEMO_PRACTICE_NAME]) });
  const at = `${today}T08:30:00.000Z`;
  const local: ServiceContext = { ...ctx, db: trx, clock: { now: () => new Date(at), today: () => today } };
  let items = 0;
  let proposals = 0;
  for (let i = 0; i < files.length; i++) {
    const r = records[i]!;
    if (isTriageError(r)) continue;
    const out = await importTriaged(trx, local, files[i]!, r, { newId: opts.newId, now: at, audit: false });
    if (out.status === 'imported') {
      items++;
      proposals += out.proposals ?? 0;
    }
  }
  // Each imported letter is logged as correspondence, as a real import does.
  return { inbox_items: items, inbox_proposals: proposals, correspondence: items };
}
