/** The Today page on a tablet (768 px): no sideways scrolling of the whole page. */
import { assert, test, visible } from '../harness.js';
import { Shell } from '../pages/Shell.js';
import { DEMO_USERS, SignInPage } from '../pages/SignInPage.js';

test('Today works on a 768 px tablet without the page scrolling sideways', async ({ world, page, shot }) => {
  await page.setViewportSize({ width: 768, height: 1024 });
  const signIn = new SignInPage(page);
  await signIn.open(world.demoUrl);
  await signIn.signIn(DEMO_USERS.clinician1);
  await new Shell(page).waitUntilSignedIn();
  await visible(page.getByRole('heading', { level: 1, name: 'Today' }), 'the Today page');
  await visible(page.getByRole('heading', { level: 2, name: 'Next four weeks' }), 'the next four weeks section');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert(overflow <= 0, `the page is ${overflow} px wider than the tablet screen`);
  await shot('today-tablet');
});
