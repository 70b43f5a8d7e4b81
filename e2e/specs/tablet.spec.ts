/**
 * Every main page on a tablet (820 px) and on a laptop (1280 px): the document never scrolls
 * sideways, the navigation folds into a menu, each page has its own title, and screenshots of
 * both widths are kept in e2e/screenshots for a person to look at.
 */
import { assert, assertEqual, test, visible } from '../harness.js';
import { horizontalOverflow, MAIN_PAGES, openPage, recordPages } from '../pages/main-pages.js';
import { Shell } from '../pages/Shell.js';
import { DEMO_USERS, SignInPage } from '../pages/SignInPage.js';

test('Every main page fits an 820 px tablet without sideways scrolling, with its own title', async ({ world, page, shot }) => {
  const signIn = new SignInPage(page);
  await signIn.open(world.demoUrl);
  assertEqual(await page.title(), 'Sign in — Steve', 'the sign-in page title');
  await signIn.signIn(DEMO_USERS.owner);
  const shell = new Shell(page);
  await shell.waitUntilSignedIn();
  const pages = [...MAIN_PAGES, ...(await recordPages(page, world.demoUrl))];
  const problems: string[] = [];
  for (const p of pages) {
    await page.setViewportSize({ width: 1280, height: 800 });
    await openPage(page, world.demoUrl, p);
    const heading = (await page.getByRole('heading', { level: 1 }).first().textContent())?.trim();
    const title = await page.title();
    if (title !== `${heading} — Steve`) problems.push(`${p.name}: title "${title}" for heading "${heading}"`);
    await shot(`layout-1280-${p.name}`);
    await page.setViewportSize({ width: 820, height: 1180 });
    await page.waitForTimeout(150);
    const over = await horizontalOverflow(page);
    if (over > 0) problems.push(`${p.name}: the page is ${over} px wider than 820 px`);
    await shot(`layout-820-${p.name}`);
  }
  assert(problems.length === 0, problems.join('; '));

  // On the tablet the navigation is a menu: folded until asked for, and it takes you places.
  await openPage(page, world.demoUrl, MAIN_PAGES[0]!);
  const links = shell.nav().getByRole('link', { name: 'Clients', exact: true });
  assert(!(await links.isVisible()), 'the navigation links are folded away at 820 px');
  await shell.menuButton().click();
  await visible(links, 'the Clients link in the opened menu');
  await shot('layout-820-menu-open');
  await links.click();
  await visible(page.getByRole('heading', { level: 1, name: 'Clients' }), 'the Clients page from the menu');
  assert(!(await links.isVisible()), 'the menu folds again after moving to another page');
  assertEqual(await page.title(), 'Clients — Steve', 'the Clients page title');
});

test('Today works on a 768 px tablet without the page scrolling sideways', async ({ world, page, shot }) => {
  await page.setViewportSize({ width: 768, height: 1024 });
  const signIn = new SignInPage(page);
  await signIn.open(world.demoUrl);
  await signIn.signIn(DEMO_USERS.clinician1);
  await new Shell(page).waitUntilSignedIn();
  await visible(page.getByRole('heading', { level: 1, name: 'Today' }), 'the Today page');
  await visible(page.getByRole('heading', { level: 2, name: 'Next four weeks' }), 'the next four weeks section');
  const overflow = await horizontalOverflow(page);
  assert(overflow <= 0, `the page is ${overflow} px wider than the tablet screen`);
  await shot('today-tablet');
});
