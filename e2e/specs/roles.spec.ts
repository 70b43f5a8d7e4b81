/** Each role signs in and sees its own navigation: Settings for the owner only, sessions hidden from admin. */
import { assert, assertAccessibleControls, assertEqual, test, visible } from '../harness.js';
import { ClientRecordPage } from '../pages/ClientRecordPage.js';
import { ClientsPage } from '../pages/ClientsPage.js';
import { Shell } from '../pages/Shell.js';
import { DEMO_USERS, SignInPage } from '../pages/SignInPage.js';

async function openFirstClient(page: import('playwright-core').Page, shell: Shell, shot?: (name: string) => Promise<void>): Promise<string> {
  await shell.go('Clients');
  const clients = new ClientsPage(page);
  await clients.waitForList();
  if (shot) {
    await shot('clients');
    await assertAccessibleControls(page, 'clients');
  }
  const [name] = await clients.row(0);
  assert(name, 'the first client row has a name');
  await clients.table().getByRole('link', { name, exact: true }).first().click();
  await new ClientRecordPage(page).waitFor(name);
  return name;
}

test('owner signs in and sees Today, Clients, Organisations and Settings, and sessions on a record', async ({ world, page, shot }) => {
  const signIn = new SignInPage(page);
  await signIn.open(world.demoUrl);
  await shot('sign-in');
  await signIn.signIn(DEMO_USERS.owner);
  const shell = new Shell(page);
  await shell.waitUntilSignedIn();
  const ownerNav = await shell.navLabels();
  for (const item of ['Today', 'Clients', 'EHCP', 'Organisations', 'Compliance', 'Settings'])
    assert(ownerNav.includes(item), `owner navigation has ${item}: ${ownerNav.join(', ')}`);
  assertEqual((await shell.userRole().textContent())?.trim(), 'Owner', 'role shown');
  await visible(page.getByRole('heading', { level: 1, name: 'Today' }), 'the Today page');
  await visible(page.getByRole('heading', { level: 2, name: 'Overdue' }), 'the overdue section');
  await visible(page.getByRole('heading', { level: 2, name: 'Next four weeks' }), 'the next four weeks section');
  const dueCells = await page.locator('table.tasks tbody tr td:first-child').allTextContents();
  for (const d of dueCells) assert(/^\d{2}\/\d{2}\/\d{4}$/.test(d.trim()), `due date "${d}" is shown dd/mm/yyyy`);
  await shot('today');
  await assertAccessibleControls(page, 'today');
  const record = new ClientRecordPage(page);
  await openFirstClient(page, shell, shot);
  assert((await record.tabLabels()).includes('Sessions'), 'the owner sees the Sessions tab');
  await shot('client-detail');
  await assertAccessibleControls(page, 'client-detail');
  await shell.go('Organisations');
  await visible(page.getByRole('table').first(), 'a table of organisations');
  await shot('organisations');
  await assertAccessibleControls(page, 'organisations');
  await shell.go('Settings');
  await visible(page.getByRole('form', { name: 'Practice details' }), 'the practice details form');
  await shot('settings');
  await assertAccessibleControls(page, 'settings');
});

test('clinician signs in and sees no Settings; the settings address says it is for the owner', async ({ world, page }) => {
  const signIn = new SignInPage(page);
  await signIn.open(world.demoUrl);
  await signIn.signIn(DEMO_USERS.clinician1);
  const shell = new Shell(page);
  await shell.waitUntilSignedIn();
  const clinicianNav = await shell.navLabels();
  for (const item of ['Today', 'Clients', 'EHCP', 'Organisations']) assert(clinicianNav.includes(item), `clinician navigation has ${item}`);
  for (const item of ['Settings', 'Compliance']) assert(!clinicianNav.includes(item), `clinician navigation has no ${item}`);
  assertEqual((await shell.userRole().textContent())?.trim(), 'Clinician', 'role shown');
  const record = new ClientRecordPage(page);
  await openFirstClient(page, shell);
  assert((await record.tabLabels()).includes('Sessions'), 'a clinician sees the Sessions tab of their own client');
  await page.goto(world.demoUrl + '/settings');
  await visible(page.getByText('Only the practice owner can open Settings.'), 'the owner-only message');
});

test('admin signs in, sees no Settings, and a client record has no Sessions tab', async ({ world, page }) => {
  const signIn = new SignInPage(page);
  await signIn.open(world.demoUrl);
  await signIn.signIn(DEMO_USERS.admin);
  const shell = new Shell(page);
  await shell.waitUntilSignedIn();
  const adminNav = await shell.navLabels();
  for (const item of ['Today', 'Clients', 'Organisations', 'Compliance']) assert(adminNav.includes(item), `admin navigation has ${item}`);
  for (const item of ['Settings', 'EHCP']) assert(!adminNav.includes(item), `admin navigation has no ${item} (no clinical findings for admins)`);
  assertEqual((await shell.userRole().textContent())?.trim(), 'Administrator', 'role shown');
  const record = new ClientRecordPage(page);
  await openFirstClient(page, shell);
  const tabs = await record.tabLabels();
  assert(!tabs.includes('Sessions'), `admin must not see Sessions (tabs: ${tabs.join(', ')})`);
  assert(tabs.includes('Correspondence'), 'admin sees Correspondence');
});
