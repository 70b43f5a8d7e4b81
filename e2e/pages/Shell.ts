import type { Page } from 'playwright-core';
import { AssertionError, visible } from '../harness.js';

/** The signed-in frame: navigation, global search, the user and sign-out. */
export class Shell {
  constructor(private readonly page: Page) {}

  nav() {
    return this.page.getByRole('navigation', { name: 'Main' });
  }

  async waitUntilSignedIn(): Promise<void> {
    await visible(this.nav(), 'the main navigation (signed in)', 15_000);
  }

  async navLabels(): Promise<string[]> {
    return (await this.nav().getByRole('link').allTextContents()).map((s) => s.trim());
  }

  /** The button that folds the navigation away on a tablet; hidden on a wide screen. */
  menuButton() {
    return this.nav().getByRole('button', { name: /menu/i });
  }

  /** Opens the navigation menu when the screen is narrow enough to fold it away. */
  async openMenuIfFolded(): Promise<void> {
    const toggle = this.menuButton();
    if ((await toggle.isVisible()) && (await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
  }

  async go(label: 'Today' | 'Clients' | 'Organisations' | 'Settings'): Promise<void> {
    await this.openMenuIfFolded();
    await this.nav().getByRole('link', { name: label, exact: true }).click();
    await visible(this.page.getByRole('heading', { level: 1, name: label }), `the ${label} page`);
  }

  userName() {
    return this.page.getByTestId('user-name');
  }

  userRole() {
    return this.page.getByTestId('user-role');
  }

  alert() {
    return this.page.locator('.notice-region[role="alert"]');
  }

  /** Types into the global search and opens the first result with the keyboard (arrow keys and Enter). */
  async searchAndOpen(term: string, expectTitle: string): Promise<void> {
    const box = this.page.getByRole('combobox', { name: 'Search clients and organisations' });
    await box.click();
    await box.fill(term);
    const option = this.page.getByRole('option').filter({ hasText: expectTitle }).first();
    await visible(option, `a search result for "${expectTitle}"`);
    const options = this.page.getByRole('option');
    const count = await options.count();
    let index = -1;
    for (let i = 0; i < count; i++) {
      if ((await options.nth(i).textContent())?.includes(expectTitle)) {
        index = i;
        break;
      }
    }
    if (index < 0) throw new AssertionError(`no search result named ${expectTitle}`);
    // The first result starts active; move to the wanted one with the arrow keys.
    for (let i = 0; i < index; i++) await box.press('ArrowDown');
    await box.press('Enter');
  }

  async signOut(): Promise<void> {
    await this.page.getByRole('button', { name: 'Sign out' }).click();
  }
}
