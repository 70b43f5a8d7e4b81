import type { Page } from 'playwright-core';
import { visible } from '../harness.js';

export class ClientRecordPage {
  constructor(private readonly page: Page) {}

  async waitFor(name: string): Promise<void> {
    await visible(this.page.getByRole('heading', { level: 1, name, exact: true }), `the record of ${name}`);
    await visible(this.page.getByRole('tablist', { name: 'Client record' }), 'the record tabs');
  }

  async tabLabels(): Promise<string[]> {
    return (await this.page.getByRole('tab').allTextContents()).map((s) => s.replace(/\s*\(\d+\)$/, '').trim());
  }

  async openTab(label: string): Promise<void> {
    await this.page.getByRole('tab', { name: new RegExp(`^${label}`) }).click();
  }

  contactsPanel() {
    return this.page.getByRole('region', { name: 'Carers and contacts' });
  }

  contacts() {
    return this.contactsPanel().locator('li.contact');
  }

  async addContact(name: string, relationship: string): Promise<void> {
    await this.contactsPanel().getByRole('button', { name: 'Add carer or contact' }).click();
    const form = this.page.getByRole('form', { name: 'Add a carer or contact' });
    await form.getByLabel('Name').fill(name);
    await form.getByLabel('Relationship').fill(relationship);
    await form.getByLabel('Carer').check();
    await form.getByRole('button', { name: 'Save contact' }).click();
    await visible(this.contacts().filter({ hasText: name }), `the new contact ${name}`);
  }

  /** Opens the edit form of the named contact, changes the phone number and saves with Enter. */
  async editContactPhone(name: string, phone: string): Promise<void> {
    await this.contactsPanel()
      .getByRole('button', { name: `Edit ${name}`, exact: true })
      .click();
    const form = this.page.getByRole('form', { name: `Edit ${name}` });
    await visible(form, `the edit form of ${name}`);
    const field = form.getByLabel('Phone');
    await field.fill(phone);
    await field.press('Enter');
    await visible(this.contacts().filter({ hasText: phone }), `the saved phone number ${phone}`);
  }

  async openAuditLog(): Promise<void> {
    await this.page.getByRole('link', { name: 'Audit log for this client' }).click();
  }
}
