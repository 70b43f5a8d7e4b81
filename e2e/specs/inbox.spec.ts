/** Drop a review invitation on the Inbox, accept its proposal, see the meeting and the contribution deadline on the child's EHCP timeline. */
import { assert, RUN_ID, test, visible } from '../harness.js';
import { InboxPage } from '../pages/InboxPage.js';
import { Shell } from '../pages/Shell.js';
import { DEMO_USERS, SignInPage } from '../pages/SignInPage.js';

const DAY = 86_400_000;
const iso = (d: Date) => d.toISOString().slice(0, 10);
const uk = (s: string) => `${s.slice(8, 10)}/${s.slice(5, 7)}/${s.slice(0, 4)}`;
const long = (d: Date) => d.toLocaleDateString('en-GB', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

test('a review invitation dropped on the Inbox and accepted puts the meeting and the contribution deadline on the EHCP timeline', async ({ world, page }) => {
  const signIn = new SignInPage(page);
  await signIn.open(world.demoUrl);
  await signIn.signIn(DEMO_USERS.owner);
  await new Shell(page).waitUntilSignedIn();

  // A child in the demo practice with an EHC plan in England.
  const register = (await (await page.request.get(`${world.demoUrl}/api/ehcp`)).json()) as {
    children: { case_id: string; client_name: string; dob: string; jurisdiction: string }[];
  };
  const child = register.children.find((r) => r.jurisdiction === 'england');
  assert(child, 'the demo practice has a child with an EHC plan in England');

  // Sent yesterday, for a meeting about ten weeks ahead (a weekday), so the 14-day contribution is in the future.
  const sent = new Date(Date.now() - DAY);
  let meeting = new Date(Date.now() + 70 * DAY);
  while ([0, 6].includes(meeting.getUTCDay())) meeting = new Date(meeting.getTime() + DAY);
  const meetingIso = iso(meeting);
  const dueIso = iso(new Date(meeting.getTime() - 14 * DAY));
  const dob = `${child.dob.slice(8, 10)}/${child.dob.slice(5, 7)}/${child.dob.slice(0, 4)}`;
  const subject = `EHCP Annual Review invitation - ${child.client_name} (${RUN_ID})`;
  const eml = [
    'From: "Mrs T Example (SENCo)" <senco@willowbank-primary.test>',
    'To: office@demo.steve.test',
    `Subject: ${subject}`,
    `Date: ${sent.toUTCString().replace('GMT', '+0000')}`,
    `Message-ID: <ar-${RUN_ID}-${Date.now()}@willowbank-primary.test>`,
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset="utf-8"',
    '',
    'Dear Therapist,',
    '',
    `Pupil: ${child.client_name}    DOB: ${dob}`,
    '',
    `You are invited to the annual review of the EHC plan on ${long(meeting)} at 1.30pm in the school library.`,
    'Please send your written advice at least two weeks before the meeting.',
    '',
    'Kind regards',
    '',
    'Tess Example',
    'SENCo',
    'Willowbank Primary School',
    '',
  ].join('\r\n');

  const inbox = new InboxPage(page);
  await inbox.open(world.demoUrl);
  await inbox.drop(`review-${RUN_ID}.eml`, eml);
  await visible(page.getByRole('status').filter({ hasText: '1 of 1 file imported' }), 'the import message');
  await visible(inbox.item(subject), 'the invitation in the inbox');
  await inbox.accept(subject, 'EHC plan');
  await visible(page.getByRole('status').filter({ hasText: 'Accepted' }), 'the accepted message');

  await page.goto(`${world.demoUrl}/ehcp/${child.case_id}`);
  await visible(page.getByTestId('next-meeting').filter({ hasText: uk(meetingIso) }), `the next review meeting ${uk(meetingIso)}`);
  const deadlines = page.getByRole('list', { name: 'Deadlines' });
  await visible(
    deadlines
      .locator('li')
      .filter({ hasText: uk(dueIso) })
      .filter({ hasText: 'EHCP-AR-04' }),
    `the contribution deadline ${uk(dueIso)} (EHCP-AR-04)`,
  );
});

test('the demo Inbox shows what a remittance will pay against which invoice in £, and the stored original downloads as an attachment', async ({
  world,
  page,
}) => {
  const signIn = new SignInPage(page);
  await signIn.open(world.demoUrl);
  await signIn.signIn(DEMO_USERS.owner);
  await new Shell(page).waitUntilSignedIn();

  const inbox = new InboxPage(page);
  await inbox.open(world.demoUrl);
  const item = inbox.item('remittance-advice.txt');
  await visible(item, 'the demo remittance in the inbox');
  const table = item.getByRole('table', { name: 'Payment allocations' });
  await visible(table, 'the planned allocations');
  const rows = table
    .locator('tbody tr')
    .filter({ hasText: /\b[A-Z]{2,6}-\d{4,}/ })
    .filter({ hasText: /£\d/ });
  assert((await rows.count()) > 0, 'at least one invoice with the amount paid against it in £');

  const link = item.getByRole('link', { name: 'Download original' });
  await visible(link, 'the download link');
  const href = await link.getAttribute('href');
  assert(href && /^\/api\/inbox\/[^/]+\/original$/.test(href), `the link points at the original (${href})`);
  const res = await page.request.get(`${world.demoUrl}${href}`);
  assert(res.status() === 200, `the original downloads (status ${res.status()})`);
  assert(
    res.headers()['content-disposition'] === 'attachment; filename="remittance-advice.txt"',
    `an attachment with its file name (${res.headers()['content-disposition']})`,
  );
  assert((await res.text()).includes('REMITTANCE ADVICE'), 'the stored bytes are the letter');
});
