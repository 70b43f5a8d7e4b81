/** Organisations by kind with their contacts; the owner's settings: practice, users and roles. */
import { RUN_ID, assert, assertEqual, test, visible } from '../harness.js';
import { OrganisationsPage } from '../pages/OrganisationsPage.js';
import { SettingsPage } from '../pages/SettingsPage.js';
import { Shell } from '../pages/Shell.js';
import { DEMO_USERS, SignInPage } from '../pages/SignInPage.js';

test('admin filters organisations by kind, opens a school, adds a contact and edits it', async ({ world, page, shot }) => {
  const signIn = new SignInPage(page);
  await signIn.open(world.demoUrl);
  await signIn.signIn(DEMO_USERS.admin);
  const shell = new Shell(page);
  await shell.waitUntilSignedIn();
  await shell.go('Organisations');
  const orgs = new OrganisationsPage(page);
  await orgs.filterKind('School');
  await visible(page.getByRole('heading', { level: 2, name: /^School \(\d+\)$/ }), 'the School group');
  const headings = (await orgs.groupHeadings().allTextContents()).map((h) => h.replace(/ \(\d+\)$/, ''));
  assertEqual(headings.join(','), 'School', 'only schools are listed');
  await orgs.openFirstIn('School');
  const senco = `Morgan Testsenco ${RUN_ID}`;
  await orgs.addContact({ name: senco, role: 'SENCO', email: `m.testsenco.${RUN_ID}@school.steve.test` });
  await orgs.editContactRole(senco, 'Deputy head and SENCO');
  await shot('organisation-detail');
});

test('owner saves the letterhead, adds a user and changes their role', async ({ world, page, shot }) => {
  const signIn = new SignInPage(page);
  await signIn.open(world.demoUrl);
  await signIn.signIn(DEMO_USERS.owner);
  const shell = new Shell(page);
  await shell.waitUntilSignedIn();
  await shell.go('Settings');
  const letterhead = page.getByRole('form', { name: 'Practice details' }).getByLabel('Letterhead');
  const before = await letterhead.inputValue();
  await letterhead.fill(`${before}\nOpen Monday to Friday.`);
  await page.getByRole('button', { name: 'Save practice details' }).click();
  await visible(page.getByRole('status').filter({ hasText: 'Practice details saved.' }), 'the saved message');
  await page.reload();
  await shell.waitUntilSignedIn();
  assert((await page.getByLabel('Letterhead').inputValue()).endsWith('Open Monday to Friday.'), 'the letterhead change is kept');

  const settings = new SettingsPage(page);
  await settings.openSection('Users and roles');
  const locum = `Jordan Testlocum ${RUN_ID}`;
  await page.getByRole('button', { name: 'Add user' }).click();
  const form = page.getByRole('form', { name: 'Add user' });
  await form.getByLabel('Name').fill(locum);
  await form.getByLabel('Email').fill(`jordan.testlocum.${RUN_ID}@demo.steve.test`);
  await form.getByLabel('Role').selectOption('clinician');
  await form.getByLabel('HCPC number (clinicians)').fill('OT99123');
  await form.getByLabel('First password').fill('locum-password');
  await form.getByRole('button', { name: 'Add user' }).click();
  await visible(page.getByRole('status').filter({ hasText: `Added ${locum} as clinician.` }), 'the added message');
  const role = page.getByLabel(`Role of ${locum}`);
  await role.selectOption('admin');
  await visible(page.getByRole('status').filter({ hasText: `${locum}: role changed to administrator.` }), 'the role change message');
  assertEqual(await role.inputValue(), 'admin', 'the new role after reloading the list');
  await shot('settings-users');

  await settings.openSection('Audit log');
  await settings.waitForAudit();
  const rows = await settings.auditRows();
  assert(
    rows.some((r) => r[2] === 'Changed' && r[3]?.startsWith('User') && (r[4] ?? '').includes('role')),
    'the role change is in the audit log',
  );
  await shot('settings-audit');
});
