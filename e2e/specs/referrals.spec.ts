/** A GP referral recorded in the browser sets the acknowledgement task on Today; accepting it opens the case. */
import { assert, RUN_ID, test, visible } from '../harness.js';
import { ReferralsPage, todayTask } from '../pages/ReferralsPage.js';
import { Shell } from '../pages/Shell.js';
import { DEMO_USERS, SignInPage } from '../pages/SignInPage.js';

const ukToday = () => new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', day: '2-digit', month: '2-digit', year: 'numeric' }).format(new Date());

test('owner records a referral from a GP, sees the acknowledgement task on Today, accepts it and the case opens', async ({ world, page }) => {
  const signIn = new SignInPage(page);
  await signIn.open(world.demoUrl);
  await signIn.signIn(DEMO_USERS.owner);
  const shell = new Shell(page);
  await shell.waitUntilSignedIn();

  // The demo practice has GP sources (one per GP practice it knows); take the first GP offered.
  const sources = (await page.evaluate(async () => (await (await fetch('/api/referral-sources')).json()) as { sources: { name: string; kind: string }[] }))
    .sources;
  const gp = sources.find((s) => s.kind === 'gp');
  assert(gp, `the demo has a GP referral source (sources: ${sources.map((s) => s.name).join(', ')})`);

  const client = `Ezra Testreferral${RUN_ID}`;
  const referrals = new ReferralsPage(page);
  await referrals.open(world.demoUrl);
  await referrals.record({ source: gp.name, receivedUk: ukToday(), clientName: client, dobUk: '14/03/2017', service: 'paediatric' });
  await visible(page.getByRole('status').filter({ hasText: `Recorded the referral of ${client}` }), 'the recorded message');
  await visible(referrals.row(client), 'the new referral in the list');
  assert((await referrals.row(client).textContent())?.includes('Pending'), 'the new referral is pending');

  await shell.go('Today');
  const task = todayTask(page, `Acknowledge referral from ${gp.name}`, client);
  await visible(task.first(), 'the acknowledgement task on Today');

  await referrals.open(world.demoUrl);
  await referrals.accept(client);
  await visible(page.getByRole('status').filter({ hasText: `Accepted: a case is open for ${client}` }), 'the accepted message');
  await visible(referrals.row(client).getByRole('link', { name: 'case open' }), 'the case-open link on the referral');

  await referrals.row(client).getByRole('link', { name: client }).click();
  await visible(page.getByRole('heading', { level: 1, name: client }), 'the client record');
  await page.getByRole('tab', { name: /^Cases \(1\)/ }).click();
  await visible(
    page
      .getByRole('list', { name: 'Cases' })
      .getByText(/Paediatric/i)
      .first(),
    'the paediatric case on the client record',
  );
});

test('the Referrers page shows source health, activity per quarter as a chart, and the sources worth a call', async ({ world, page }) => {
  const signIn = new SignInPage(page);
  await signIn.open(world.demoUrl);
  await signIn.signIn(DEMO_USERS.owner);
  await new Shell(page).waitUntilSignedIn();
  await page.goto(`${world.demoUrl}/referrers`);
  await visible(page.getByRole('heading', { level: 1, name: 'Referrers' }), 'the Referrers page');
  await visible(page.getByRole('img', { name: /^Referrals per quarter/ }), 'the activity chart');
  await visible(page.getByRole('table', { name: 'Referral sources and their health' }), 'the source health table');
  const quiet = page.getByRole('list', { name: 'Dormant referral sources' }).getByRole('listitem');
  await visible(quiet.first(), 'a source worth a call (the demo has sources gone quiet)');
  assert(/no referral since \d{2}\/\d{2}\/\d{4}/.test((await quiet.first().textContent()) ?? ''), 'the last referral date is dd/mm/yyyy');
});
