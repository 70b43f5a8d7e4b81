import type { Page } from 'playwright-core';
import { visible } from '../harness.js';

/** The EHCP register and a child's EHCP timeline. */
export class EhcpPage {
  constructor(private readonly page: Page) {}

  async openRegister(): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'EHCP', exact: true }).click();
    await visible(this.page.getByRole('heading', { level: 1, name: 'EHCP register' }), 'the EHCP register');
    await visible(this.page.getByRole('table', { name: 'Children with EHC plans' }), 'the register table');
  }

  async openChild(name: string): Promise<void> {
    await this.page.getByRole('table', { name: 'Children with EHC plans' }).getByRole('link', { name, exact: true }).first().click();
    await visible(this.page.getByRole('heading', { level: 1, name: `${name}: EHCP timeline` }), `${name}'s EHCP timeline`);
  }

  async recordEvent(kindLabel: string, on: string, meeting?: string): Promise<void> {
    const form = this.page.getByRole('form', { name: 'Record an event' });
    await form.getByLabel('What happened').selectOption({ label: kindLabel });
    await form.getByLabel('Date it happened or arrived').fill(on);
    if (meeting) await form.getByLabel('Meeting date').fill(meeting);
    await form.getByRole('button', { name: 'Record event' }).click();
    await visible(this.page.getByRole('status').filter({ hasText: 'Recorded.' }), 'the recorded message');
  }

  nextMeeting() {
    return this.page.getByTestId('next-meeting');
  }

  deadlines() {
    return this.page.getByRole('list', { name: 'Deadlines' });
  }

  async showList(): Promise<void> {
    await this.page.getByRole('button', { name: 'List', exact: true }).click();
    await visible(this.page.getByRole('table', { name: 'Children with EHC plans' }), 'the register table');
  }

  async showCalendar(): Promise<void> {
    await this.page.getByRole('button', { name: 'Month calendar' }).click();
    await visible(this.page.locator('table.month'), 'the month calendar');
  }
}
