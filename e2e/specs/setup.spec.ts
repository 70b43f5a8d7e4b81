/** First run on an empty data folder: the browser creates the practice and its owner, then is signed in. */
import { assert, assertEqual, test, visible } from '../harness.js';
import { SetupPage } from '../pages/SetupPage.js';
import { Shell } from '../pages/Shell.js';

test('first-run setup on an empty data folder creates the practice and signs the owner in', async ({ world, page, shot }) => {
  const setup = new SetupPage(page);
  await setup.open(world.emptyUrl);
  await shot('setup');
  await setup.createPractice({ practice: 'Hollybush Test OT', name: 'Avery Testowner', email: 'avery@hollybush.steve.test', password: 'first-run-password' });
  const shell = new Shell(page);
  await shell.waitUntilSignedIn();
  assertEqual((await shell.userName().textContent())?.trim(), 'Avery Testowner', 'signed-in name');
  assert((await shell.navLabels()).includes('Settings'), 'the new owner navigation has Settings');
  await visible(page.getByText('Hollybush Test OT'), 'the practice name in the header');
  // Setup happens once: reloading now shows the signed-in app, not the setup form.
  await page.reload();
  await shell.waitUntilSignedIn();
});
