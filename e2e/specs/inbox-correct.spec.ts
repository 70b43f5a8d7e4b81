/**
 * A clinician reads a letter on the Inbox page, corrects the client it is about and the
 * proposal's date before accepting, and rejects another proposal with a reason typed in the page.
 */
import { assert, RUN_ID, test, visible } from '../harness.js';
import { InboxPage } from '../pages/InboxPage.js';
import { Shell } from '../pages/Shell.js';
import { DEMO_USERS, SignInPage } from '../pages/SignInPage.js';

const DAY = 86_400_000;
const iso = (d: Date) => d.toISOString().slice(0, 10);
const long = (d: Date) => d.toLocaleDateString('en-GB', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

test('a clinician reads a letter, links it to the right client, changes the date and accepts; another is rejected with a reason in the page', async ({
  world,
  page,
  shot,
}) => {
  const signIn = new SignInPage(page);
  await signIn.open(world.demoUrl);
  await signIn.signIn(DEMO_USERS.owner);
  await new Shell(page).waitUntilSignedIn();

  const { clients } = (await (await page.request.get(`${world.demoUrl}/api/clients?limit=5`)).json()) as {
    clients: { id: string; name: string; dob: string }[];
  };
  const client = clients[0];
  assert(client, 'the demo practice has a client');

  let session = new Date(Date.now() + 21 * DAY);
  while ([0, 6].includes(session.getUTCDay())) session = new Date(session.getTime() + DAY);
  const moved = iso(new Date(session.getTime() + DAY));
  const subject = `Moving a session (${RUN_ID})`;
  const eml = (n: number) =>
    [
      `From: "A Parent" <parent-${RUN_ID}@example.com>`,
      'To: office@demo.steve.test',
      `Subject: ${subject}${n ? ` ${n}` : ''}`,
      `Date: ${new Date(Date.now() - DAY).toUTCString().replace('GMT', '+0000')}`,
      `Message-ID: <move-${RUN_ID}-${n}-${Date.now()}@example.com>`,
      'MIME-Version: 1.0',
      'Content-Type: text/plain; charset="utf-8"',
      '',
      'Hi,',
      '',
      `Could we move the session to ${long(session)} please? There is a school trip that day.`,
      '',
      'Thanks',
      '',
    ].join('\r\n');

  const inbox = new InboxPage(page);
  await inbox.open(world.demoUrl);
  await inbox.drop(`move-${RUN_ID}.eml`, eml(0));
  await visible(page.getByRole('status').filter({ hasText: '1 of 1 file imported' }), 'the import message');
  const item = inbox.item(subject);
  await visible(item, 'the letter in the inbox, titled by its subject');
  await visible(item.getByText(`parent-${RUN_ID}@example.com`).first(), 'the sender from the letter');
  assert((await item.getByRole('link', { name: 'EHCP timeline' }).count()) === 0, 'no EHCP timeline link on a letter without an EHC plan');

  // The letter reads on the page.
  await item.getByRole('button', { name: 'Read the letter' }).click();
  await visible(item.locator('.letter-text').filter({ hasText: 'school trip' }), 'the letter text');

  // Correct the client it is about.
  await item.getByRole('button', { name: 'Correct category, client or references' }).click();
  await item.getByLabel('Client').selectOption(client.id);
  await item.getByRole('button', { name: 'Save corrections' }).click();
  await visible(page.getByRole('status').filter({ hasText: 'Corrected' }), 'the correction message');
  await visible(item.getByRole('link', { name: client.name }), `the letter linked to ${client.name}`);

  await page.setViewportSize({ width: 1280, height: 800 });
  await shot('inbox-1280');
  await page.setViewportSize({ width: 820, height: 1180 });
  await shot('inbox-820');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert(overflow <= 1, `nothing overflows the 820 px window (by ${overflow} px)`);
  await page.setViewportSize({ width: 1280, height: 800 });

  // Edit the date before accepting.
  const proposal = item.getByTestId('proposal').first();
  await proposal.getByLabel('Due date').fill(moved);
  await proposal.getByRole('button', { name: 'Accept' }).click();
  await visible(page.getByRole('status').filter({ hasText: 'Accepted' }), 'the accepted message');
  const { tasks } = (await (await page.request.get(`${world.demoUrl}/api/tasks?client_id=${client.id}`)).json()) as { tasks: { due_on: string }[] };
  assert(
    tasks.some((t) => t.due_on === moved),
    `the client's tasks include one due ${moved}`,
  );

  // A second letter: rejected with a reason typed in the page, no browser prompt.
  page.on('dialog', () => {
    throw new Error('a browser dialog opened');
  });
  await inbox.drop(`move-${RUN_ID}-2.eml`, eml(2));
  const second = inbox.item(`${subject} 2`);
  await visible(second, 'the second letter');
  const p2 = second.getByTestId('proposal').first();
  await p2.getByRole('button', { name: 'Reject…' }).click();
  await p2.getByLabel('Why reject this? (optional)').fill('Already rebooked by phone');
  await p2.getByRole('button', { name: 'Reject', exact: true }).click();
  await visible(page.getByRole('status').filter({ hasText: 'Rejected' }), 'the rejected message');
});
