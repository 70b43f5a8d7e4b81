/**
 * Acting on Today: Snooze with a reason and Undo from the message; Done on a statutory deadline
 * asks for its one-line confirmation, the message follows the user to another page, and the
 * task comes back with Reopen from "Done and snoozed this week" and from its history.
 */
import { assert, assertEqual, hidden, test, visible } from '../harness.js';
import { Shell } from '../pages/Shell.js';
import { DEMO_USERS, SignInPage } from '../pages/SignInPage.js';
import { TodayPage } from '../pages/TodayPage.js';

const ukFromIso = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
function addDays(iso: string, n: number): string {
  const d = new Date(`${iso}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

test('Today: snooze a task with a reason, then undo it from the message', async ({ world, page, shot }) => {
  const signIn = new SignInPage(page);
  await signIn.open(world.demoUrl);
  await signIn.signIn(DEMO_USERS.owner);
  await new Shell(page).waitUntilSignedIn();
  const today = new TodayPage(page);
  await today.waitForBriefing();
  const until = ukFromIso(addDays(await today.dateIso(), 3));
  const { row, title } = await today.firstRow('Next four weeks', false);

  await row.getByRole('button', { name: `Snooze: ${title}` }).click();
  const form = page.getByRole('form', { name: `Snooze: ${title}` });
  await form.getByLabel('Snooze until').fill(until);
  await form.getByRole('button', { name: 'Snooze' }).click();
  await visible(form.getByRole('alert').filter({ hasText: 'Why it can wait is required' }), 'the reason asked for');
  await form.getByLabel('Why it can wait').fill('Waiting for the school to reply');
  await shot('today-snooze-form');
  await form.getByRole('button', { name: 'Snooze' }).click();
  await visible(today.toast().filter({ hasText: `Snoozed until ${until}: ${title}` }), 'the snoozed message');
  await hidden(today.rowFor(title), 'the snoozed task on Today');
  await shot('today-snoozed-with-undo');

  await today.toast().getByRole('button', { name: 'Undo' }).click();
  await visible(today.toast().filter({ hasText: `Back on the list: ${title}` }), 'the undone message');
  await visible(today.rowFor(title), 'the task back on Today');
});

test('Today: a statutory deadline asks for a one-line confirmation; Done survives navigation and is reopened from the task’s history', async ({
  world,
  page,
  shot,
}) => {
  const signIn = new SignInPage(page);
  await signIn.open(world.demoUrl);
  await signIn.signIn(DEMO_USERS.owner);
  const shell = new Shell(page);
  await shell.waitUntilSignedIn();
  const today = new TodayPage(page);
  await today.waitForBriefing();
  const { row, title } = await today.firstRow('Overdue', true);

  // Each item links to its work as well as its client.
  const work = row.locator('a').filter({ hasText: '→' });
  await visible(work, 'a link to the work behind the hard task');
  assert(((await work.getAttribute('href')) ?? '').length > 1, 'the work link leads somewhere');

  await row.getByRole('button', { name: `Done: ${title}` }).click();
  const form = page.getByRole('form', { name: `Mark done: ${title}` });
  await form.getByLabel('What was sent or done (optional)').fill('Contribution and report');
  await form.getByRole('button', { name: 'Mark done' }).click();
  await visible(form.getByRole('alert').filter({ hasText: 'statutory or court deadline' }), 'the confirmation asked for');
  await form.getByLabel('How was this deadline met?').fill('Sent to the LA by secure email');
  await shot('today-done-hard-form');
  await form.getByRole('button', { name: 'Mark done' }).click();
  await visible(today.toast().filter({ hasText: `Marked done: ${title}` }), 'the done message');
  await hidden(today.rowFor(title), 'the done task on Today');

  // The message follows the user to the next page.
  await shell.go('Clients');
  await visible(today.toast().filter({ hasText: `Marked done: ${title}` }), 'the done message after moving to Clients');
  await shell.go('Today');
  await today.waitForBriefing();

  const recent = page.getByRole('region', { name: 'Done and snoozed this week' });
  const item = recent.getByRole('listitem').filter({ hasText: title });
  await visible(item, 'the task under Done and snoozed this week');
  await visible(item.getByText('Sent to the LA by secure email'), 'the confirmation kept with it');
  await shot('today-recently-done');
  await item.getByRole('button', { name: 'Reopen' }).click();
  await visible(today.toast().filter({ hasText: `Back on the list: ${title}` }), 'the reopened message');
  const back = today.rowFor(title);
  await visible(back, 'the task back on Today');

  // Its history keeps both steps, with the confirmation.
  await back.getByRole('button', { name: `History: ${title}` }).click();
  const history = page.getByRole('region', { name: `History of ${title}` });
  await visible(history.getByText(/Marked done by .*: Sent to the LA by secure email/), 'the done step in the history');
  await visible(history.getByText(/Reopened by /), 'the reopened step in the history');
  assertEqual(await history.getByRole('button', { name: 'Reopen' }).count(), 0, 'no Reopen on an open task');
});
