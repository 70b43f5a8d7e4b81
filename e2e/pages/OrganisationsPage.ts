import type { Page } from 'playwright-core';
import { visible } from '../harness.js';

export class OrganisationsPage {
  constructor(private readonly page: Page) {}

  async filterKind(label: string): Promise<void> {
    await this.page.getByLabel('Kind', { exact: true }).selectOption({ label });
  }

  groupHeadings() {
    return this.page.getByRole('heading', { level: 2 });
  }

  async openFirstIn(kindLabel: string): Promise<string> {
    const table = this.page.getByRole('table', { name: kindLabel });
    await visible(table, `the ${kindLabel} table`);
    const link = table.getByRole('link').first();
    const name = (await link.textContent())?.trim() ?? '';
    await link.click();
    await visible(this.page.getByRole('heading', { level: 1, name, exact: true }), `the page of ${name}`);
    return name;
  }

  contactsPanel() {
    return this.page.getByRole('region', { name: 'Contacts' });
  }

  async addContact(f: { name: string; role: string; email: string }): Promise<void> {
    await this.contactsPanel().getByRole('button', { name: 'Add contact' }).click();
    const form = this.page.getByRole('form', { name: 'Add a contact' });
    await form.getByLabel('Name').fill(f.name);
    await form.getByLabel('Role').fill(f.role);
    await form.getByLabel('Email').fill(f.email);
    await form.getByRole('button', { name: 'Save contact' }).click();
    await visible(this.contactsPanel().locator('li.contact').filter({ hasText: f.name }), `the new contact ${f.name}`);
  }

  async editContactRole(name: string, role: string): Promise<void> {
    await this.contactsPanel()
      .getByRole('button', { name: `Edit ${name}`, exact: true })
      .click();
    const form = this.page.getByRole('form', { name: `Edit ${name}` });
    await form.getByLabel('Role').fill(role);
    await form.getByRole('button', { name: 'Save contact' }).click();
    await visible(this.contactsPanel().locator('li.contact').filter({ hasText: role }), `the changed role ${role}`);
  }
}
