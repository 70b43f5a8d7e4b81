/** The Documents page (list and new draft) and one document beside its checks and still-needed list. */
import type { Download, Locator, Page } from 'playwright-core';
import { visible } from '../harness.js';

export class DocumentsPage {
  constructor(private readonly page: Page) {}

  async draft(kindName: string): Promise<void> {
    const form = this.page.getByRole('form', { name: 'Draft a document' });
    await form.getByLabel('Kind of document').selectOption({ value: kindName });
    await form.getByRole('button', { name: 'Draft', exact: true }).click();
    await visible(this.page.getByRole('complementary', { name: 'Checks and still needed' }), 'the drafted document with its checks');
  }

  checks(): Locator {
    return this.page.getByRole('list', { name: 'Check results' }).locator('li');
  }

  provisionWarnings(): Locator {
    return this.checks().filter({ hasText: 'Section F specificity' });
  }

  stillNeeded(): Locator {
    return this.page.getByRole('list', { name: 'Still needed' }).locator('li');
  }

  preview(): Locator {
    return this.page.getByRole('article', { name: 'Preview' });
  }

  version(): Locator {
    return this.page.getByTestId('doc-version');
  }

  async press(name: 'Redraft from findings' | 'Move to review' | 'Sign' | 'Mark sent'): Promise<void> {
    await this.page.getByRole('button', { name, exact: true }).click();
  }

  /** Fills one still-needed item in the draft itself (a new version). */
  async fillIn(label: string, value: string): Promise<void> {
    await this.page.getByRole('button', { name: `Fill in ${label}` }).click();
    const form = this.page.getByRole('form', { name: `Fill in ${label}` });
    await form.getByLabel(label, { exact: true }).fill(value);
    await form.getByRole('button', { name: 'Put in the draft' }).click();
    await visible(this.page.getByRole('status').filter({ hasText: `Filled in: ${label}.` }), `"${label}" filled in`);
  }

  async downloadDocx(): Promise<Download> {
    const [download] = await Promise.all([this.page.waitForEvent('download'), this.page.getByRole('link', { name: 'Download DOCX' }).click()]);
    return download;
  }
}
