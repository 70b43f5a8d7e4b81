/** The main flow of a day's work: find a client, edit a carer, see it in the audit log, sign out. */
import { assert, test, visible } from '../harness.js';
import { ClientRecordPage } from '../pages/ClientRecordPage.js';
import { ClientsPage } from '../pages/ClientsPage.js';
import { SettingsPage } from '../pages/SettingsPage.js';
import { Shell } from '../pages/Shell.js';
import { DEMO_PASSWORD, DEMO_USERS, SignInPage } from '../pages/SignInPage.js';

test('owner finds a client with the search box, edits a carer, and sees the change in the audit log', async ({ world, page }) => {
  const signIn = new SignInPage(page);
  await signIn.open(world.demoUrl);
  await signIn.signIn(DEMO_USERS.owner);
  const shell = new Shell(page);
  await shell.waitUntilSignedIn();

  await shell.go('Clients');
  const clients = new ClientsPage(page);
  await clients.waitForList();
  const [name, dob, nhsNumber] = await clients.row(0);
  assert(name, 'a client is listed');
  assert(/^\d{2}\/\d{2}\/\d{4}$/.test(dob ?? ''), `date of birth "${dob}" is dd/mm/yyyy`);
  assert(nhsNumber === '—' || /^\d{3} \d{3} \d{4}$/.test(nhsNumber ?? ''), `NHS number "${nhsNumber}" is shown 3-3-4`);

  await shell.go('Today');
  await shell.searchAndOpen(name.split(' ').slice(-1)[0]!, name);
  const record = new ClientRecordPage(page);
  await record.waitFor(name);

  let contact = (await record.contacts().locator('.contact-name').allTextContents())[0];
  if (!contact) {
    contact = 'Robin Testcarer';
    await record.addContact(contact, 'Grandparent');
  }
  // 07700 900xxx is Ofcom's range reserved for drama: never a real number.
  const phone = `07700 900${String(Date.now() % 1000).padStart(3, '0')}`;
  await record.editContactPhone(contact, phone);
  await visible(page.getByRole('status').filter({ hasText: `Saved ${contact}` }), 'the saved message');

  await record.openAuditLog();
  const settings = new SettingsPage(page);
  await settings.waitForAudit();
  const rows = await settings.auditRows();
  const change = rows.find((r) => r[2] === 'Changed' && r[3]?.startsWith('Client contact') && (r[4] ?? '').includes('phone'));
  assert(change, `the audit log shows the contact change (rows: ${JSON.stringify(rows.slice(0, 5))})`);
  assert(/^\d{2}\/\d{2}\/\d{4}, \d{2}:\d{2}$/.test(change[0]!), `when "${change[0]}" is dd/mm/yyyy, hh:mm`);
  const me = (await shell.userName().textContent())?.trim();
  assert(me && change[1] === me, `who is the owner (${me}), not "${change[1]}"`);
});

test('signing out ends the session: a protected page then shows sign-in', async ({ world, page }) => {
  const signIn = new SignInPage(page);
  await signIn.open(world.demoUrl);
  await signIn.signIn(DEMO_USERS.clinician1);
  const shell = new Shell(page);
  await shell.waitUntilSignedIn();
  await shell.signOut();
  await visible(signIn.heading(), 'the sign-in page after signing out');
  await page.goto(world.demoUrl + '/clients');
  await visible(signIn.heading(), 'the sign-in page on a protected address');
  assert(page.url().includes('/sign-in?next=%2Fclients'), `the address remembers where to go back to (${page.url()})`);
  const status = await page.request.get(world.demoUrl + '/api/clients');
  assert(status.status() === 401, `the API answers 401 after sign-out, not ${status.status()}`);
  // Signing in again returns to the page that was asked for.
  await signIn.signIn(DEMO_USERS.clinician1);
  await visible(page.getByRole('heading', { level: 1, name: 'Clients' }), 'the Clients page after signing in again');
});

test('a wrong password shows a clear message and does not sign in', async ({ world, page }) => {
  const signIn = new SignInPage(page);
  await signIn.open(world.demoUrl);
  await signIn.signIn(DEMO_USERS.owner, 'not-the-password');
  await visible(signIn.error(), 'an error message');
  const text = (await signIn.error().textContent())?.trim() ?? '';
  assert(/password|details|email/i.test(text), `the message says what is wrong: "${text}"`);
  assert(!(await new Shell(page).nav().isVisible()), 'not signed in');
});

test('a client named <script>alert(1)</script> is shown as text and never run', async ({ world, page }) => {
  const signIn = new SignInPage(page);
  await signIn.open(world.demoUrl);
  await signIn.signIn(DEMO_USERS.clinician1);
  const shell = new Shell(page);
  await shell.waitUntilSignedIn();
  await shell.go('Clients');
  const name = '<script>alert(1)</script>';
  await new ClientsPage(page).addClient({ name, dob: '04/07/2015', postcode: 'ZZ99 3AA' });
  await new ClientRecordPage(page).waitFor(name);
  assert((await page.locator('script').filter({ hasText: 'alert(1)' }).count()) === 0, 'no script element was made from the name');
});

test("a clinician opening another clinician's client by its address gets a plain not-found message", async ({ world, page }) => {
  const signIn = new SignInPage(page);
  await signIn.open(world.demoUrl);
  await signIn.signIn(DEMO_USERS.clinician2);
  const shell = new Shell(page);
  await shell.waitUntilSignedIn();
  const me = (await shell.userName().textContent())?.trim() ?? '';
  await shell.go('Clients');
  const clients = new ClientsPage(page);
  await clients.waitForList();
  // A client led by clinician2 that clinician1 has no case on (shared work would make it visible).
  const visibleToClinician1 = await clientIdsVisibleTo(world.demoUrl, DEMO_USERS.clinician1);
  const led = clients
    .table()
    .locator('tbody tr')
    .filter({ has: page.locator('td:nth-child(5)', { hasText: me }) });
  let href: string | null = null;
  for (let i = 0; i < (await led.count()) && !href; i++) {
    const h = await led.nth(i).getByRole('link').first().getAttribute('href');
    if (h && !visibleToClinician1.has(h.replace('/clients/', ''))) href = h;
  }
  assert(href?.startsWith('/clients/'), `a client led by ${me} and not on clinician1's caseload is listed`);
  await shell.signOut();
  await visible(signIn.heading(), 'the sign-in page');

  await page.goto(world.demoUrl + href);
  await visible(signIn.heading(), 'the sign-in page for a protected address');
  await signIn.signIn(DEMO_USERS.clinician1);
  await shell.waitUntilSignedIn();
  await visible(shell.alert().filter({ hasText: /no client|not found|could not be found/i }), 'a plain not-found message');
  assert((await page.getByRole('tablist', { name: 'Client record' }).count()) === 0, 'no part of the record is shown');
});

/** The client ids a demo user can see, asked of the API directly (the browser stays signed in as someone else). */
async function clientIdsVisibleTo(baseUrl: string, email: string): Promise<Set<string>> {
  const login = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: baseUrl },
    body: JSON.stringify({ email, password: DEMO_PASSWORD }),
  });
  assert(login.ok, `${email} signs in through the API`);
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
  const list = (await (await fetch(`${baseUrl}/api/clients?limit=100000`, { headers: { cookie } })).json()) as { clients: { id: string }[] };
  return new Set(list.clients.map((c) => c.id));
}
