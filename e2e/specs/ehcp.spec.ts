/** Move a review meeting in the browser and see the contribution deadline (EHCP-AR-04) move on Today. */
import { assert, assertAccessibleControls, test, visible } from '../harness.js';
import { EhcpPage } from '../pages/EhcpPage.js';
import { Shell } from '../pages/Shell.js';
import { DEMO_USERS, SignInPage } from '../pages/SignInPage.js';

const DAY = 86_400_000;
const iso = (d: Date) => d.toISOString().slice(0, 10);
const uk = (s: string) => `${s.slice(8, 10)}/${s.slice(5, 7)}/${s.slice(0, 4)}`;

test('moving an annual review meeting moves the contribution deadline on the timeline and on Today', async ({ world, page, shot }) => {
  const signIn = new SignInPage(page);
  await signIn.open(world.demoUrl);
  await signIn.signIn(DEMO_USERS.owner);
  await new Shell(page).waitUntilSignedIn();

  const register = (await (await page.request.get(`${world.demoUrl}/api/ehcp`)).json()) as {
    children: { case_id: string; client_name: string; next_review_meeting_on: string | null; modelled: boolean }[];
  };
  const child = register.children.find((r) => r.modelled && r.next_review_meeting_on);
  assert(child, 'the demo practice has an English child with a review meeting set');

  const ehcp = new EhcpPage(page);
  await ehcp.openRegister();
  await shot('ehcp-register');
  await assertAccessibleControls(page, 'ehcp-register');
  await ehcp.showCalendar();
  await shot('ehcp-calendar');
  await ehcp.showList();
  await ehcp.openChild(child.client_name);
  await shot('ehcp-timeline');
  await assertAccessibleControls(page, 'ehcp-timeline');

  // Moved to a weekday about a month ahead, so the contribution (meeting − 14 days) falls within Today's four weeks.
  let meeting = new Date(Date.now() + 30 * DAY);
  while ([0, 6].includes(meeting.getUTCDay())) meeting = new Date(meeting.getTime() + DAY);
  const meetingIso = iso(meeting);
  const dueIso = iso(new Date(meeting.getTime() - 14 * DAY));
  await ehcp.recordEvent('Annual review meeting moved', uk(iso(new Date())), uk(meetingIso));
  await visible(ehcp.nextMeeting().filter({ hasText: uk(meetingIso) }), 'the new meeting date on the plan');
  const contribution = ehcp.deadlines().getByRole('listitem').filter({ hasText: 'EHCP-AR-04' });
  assert((await contribution.count()) === 1, 'exactly one contribution deadline after the move (no duplicate)');
  await visible(contribution.filter({ hasText: uk(dueIso) }), `the contribution deadline ${uk(dueIso)} on the timeline`);

  await new Shell(page).go('Today');
  const row = page.locator('table.tasks tbody tr').filter({ hasText: `Send annual review contribution for ${child.client_name} (meeting ${uk(meetingIso)})` });
  await visible(row, 'the moved contribution on Today');
  assert((await row.locator('td').first().textContent())?.trim() === uk(dueIso), `Today shows it due ${uk(dueIso)}`);
  await row.getByText('Why', { exact: true }).click();
  await visible(row.getByText('at least 2 weeks before the review meeting'), 'the reason for the deadline');
  await shot('today-after-move');
});
