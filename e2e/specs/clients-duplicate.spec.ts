/** Adding a client who may already be on the books: the match is shown and the person decides. */
import { RUN_ID, test, visible } from '../harness.js';
import { ClientRecordPage } from '../pages/ClientRecordPage.js';
import { ClientsPage } from '../pages/ClientsPage.js';
import { Shell } from '../pages/Shell.js';
import { DEMO_USERS, SignInPage } from '../pages/SignInPage.js';

test('adding a client with the same name and date of birth as another asks first, and adds them once confirmed a different person', async ({
  world,
  page,
  shot,
}) => {
  const signIn = new SignInPage(page);
  await signIn.open(world.demoUrl);
  await signIn.signIn(DEMO_USERS.owner);
  const shell = new Shell(page);
  await shell.waitUntilSignedIn();
  const name = `Alex Twinsby ${RUN_ID}`;
  await shell.go('Clients');
  const clients = new ClientsPage(page);
  await clients.addClient({ name, dob: '03/03/2016' });
  await new ClientRecordPage(page).waitFor(name);

  await shell.go('Clients');
  await clients.addClient({ name, dob: '03/03/2016' });
  const form = page.getByRole('form', { name: 'Add client' });
  await visible(form.getByRole('alert').filter({ hasText: `A client called ${name}, born 03/03/2016, already exists` }), 'the duplicate warning');
  await shot('clients-duplicate-warning');
  await form.getByLabel('This is a different person who shares the name and date of birth').check();
  await form.getByRole('button', { name: 'Add client' }).click();
  await new ClientRecordPage(page).waitFor(name);
});
