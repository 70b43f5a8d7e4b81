import type { Page } from 'playwright-core';
import { AssertionError, visible } from '../harness.js';

/** A page a person lives in: where it is, and the heading that says it has loaded. */
export interface MainPage {
  /** A short name for screenshots and messages. */
  name: string;
  path: string;
  heading: string | RegExp;
}

/** The top-level pages the owner can open, in the order of the navigation, and Account. */
export const MAIN_PAGES: readonly MainPage[] = [
  { name: 'today', path: '/', heading: 'Today' },
  { name: 'clients', path: '/clients', heading: 'Clients' },
  { name: 'ehcp', path: '/ehcp', heading: 'EHCP register' },
  { name: 'documents', path: '/documents', heading: 'Documents' },
  { name: 'inbox', path: '/inbox', heading: 'Inbox' },
  { name: 'referrals', path: '/referrals', heading: 'Referrals' },
  { name: 'referrers', path: '/referrers', heading: 'Referrers' },
  { name: 'money', path: '/money', heading: 'Money' },
  { name: 'organisations', path: '/organisations', heading: 'Organisations' },
  { name: 'compliance', path: '/compliance', heading: 'Compliance' },
  { name: 'settings', path: '/settings', heading: 'Settings' },
  { name: 'account', path: '/account', heading: 'Your account' },
];

/**
 * Record pages reached from the lists (a client, a child's EHCP timeline, an invoice), found
 * by following the first link of each list, so they work on any demo practice.
 */
export async function recordPages(page: Page, baseUrl: string): Promise<MainPage[]> {
  const found: MainPage[] = [];
  const follow = async (name: string, listPath: string, link: string) => {
    await page.goto(baseUrl + listPath);
    const first = page.locator(link).first();
    await visible(first, `a link to a ${name} on ${listPath}`);
    const href = await first.getAttribute('href');
    if (!href) throw new AssertionError(`the first ${name} link on ${listPath} has no address`);
    const heading = (await first.textContent())?.trim() ?? '';
    found.push({ name, path: href, heading: new RegExp(heading.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) });
  };
  await follow('client', '/clients', 'main table a[href^="/clients/"]');
  await follow('ehcp-child', '/ehcp', 'main table a[href^="/ehcp/"]');
  await follow('invoice', '/money', 'main table a[href^="/invoices/"]');
  return found;
}

/** Opens a page by its address and waits for its main heading. */
export async function openPage(page: Page, baseUrl: string, p: MainPage): Promise<void> {
  await page.goto(baseUrl + p.path);
  await visible(page.getByRole('heading', { level: 1, name: p.heading }), `the ${p.name} page heading`, 15_000);
  // The page's data has arrived (no request in flight), so a screenshot shows the page, not "Loading…".
  await page.waitForLoadState('networkidle').catch(() => {});
  await page
    .locator('main .loading, main [role="status"]:text-matches("^Loading")')
    .first()
    .waitFor({ state: 'hidden', timeout: 10_000 })
    .catch(() => {});
}

/** How many pixels the document is wider than the window (0 or less: nothing scrolls sideways). */
export function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}
