/** Two-step sign-in: once a user has turned it on, sign-in asks for the 6-digit code and accepts the right one. */
import { generate } from 'otplib';
import { assert, test, visible } from '../harness.js';
import { Shell } from '../pages/Shell.js';
import { DEMO_USERS, SignInPage } from '../pages/SignInPage.js';

test('a user with two-step sign-in is asked for the 6-digit code and gets in with it', async ({ world, page }) => {
  const signIn = new SignInPage(page);
  await signIn.open(world.demoUrl);
  await signIn.signIn(DEMO_USERS.clinician3);
  const shell = new Shell(page);
  await shell.waitUntilSignedIn();

  // Turn two-step sign-in on through the API with this browser's session, as the account page would.
  const me = (await (await page.request.get(`${world.demoUrl}/api/auth/me`)).json()) as { csrf_token: string };
  const headers = { 'x-csrf-token': me.csrf_token };
  const setup = await page.request.post(`${world.demoUrl}/api/auth/totp/setup`, { headers, data: {} });
  assert(setup.ok(), `TOTP setup answered ${setup.status()}`);
  const { secret } = (await setup.json()) as { secret: string };
  const enable = await page.request.post(`${world.demoUrl}/api/auth/totp/enable`, { headers, data: { token: await generate({ secret }) } });
  assert(enable.ok(), `TOTP enable answered ${enable.status()}`);

  await shell.signOut();
  await visible(signIn.heading(), 'the sign-in page');
  await signIn.signIn(DEMO_USERS.clinician3);
  const code = page.getByLabel('6-digit code');
  await visible(code, 'the 6-digit code field');
  await code.fill('000000' === (await generate({ secret })) ? '111111' : '000000');
  await code.press('Enter');
  await visible(signIn.error(), 'a message for a wrong code');
  await code.fill(await generate({ secret }));
  await code.press('Enter');
  await shell.waitUntilSignedIn();
});
