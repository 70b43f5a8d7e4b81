import type { Page } from 'playwright-core';
import { visible } from '../harness.js';

export class ClientsPage {
  constructor(private readonly page: Page) {}

  table() {
    return this.page.getByRole('table', { name: 'Clients' });
  }

  async waitForList(): Promise<void> {
    await visible(this.table(), 'the list of clients');
  }

  async rowCount(): Promise<number> {
    return this.table().locator('tbody tr').count();
  }

  /** The cells of row i as shown: name, date of birth, NHS number, postcode, lead clinician. */
  async row(i: number): Promise<string[]> {
    return (await this.table().locator('tbody tr').nth(i).locator('td').allTextContents()).map((s) => s.trim());
  }

  async filter(text: string): Promise<void> {
    await this.page.getByLabel('Find a client').fill(text);
  }

  async addClient(f: { name: string; dob: string; postcode?: string }): Promise<void> {
    await this.page.getByRole('button', { name: 'Add client' }).click();
    const form = this.page.getByRole('form', { name: 'Add client' });
    await form.getByLabel('Full name').fill(f.name);
    await form.getByLabel('Date of birth').fill(f.dob);
    if (f.postcode) await form.getByLabel('Postcode').fill(f.postcode);
    await form.getByRole('button', { name: 'Add client' }).click();
  }
}
