/** The Referrals page: the intake form and the list with outcome buttons; and Today's rows. */
import type { Page } from 'playwright-core';
import { visible } from '../harness.js';

export interface NewReferral {
  source: string;
  receivedUk: string;
  clientName: string;
  dobUk: string;
  service: string;
}

export class ReferralsPage {
  constructor(private readonly page: Page) {}

  async open(baseUrl: string): Promise<void> {
    await this.page.goto(`${baseUrl}/referrals`);
    await visible(this.page.getByRole('heading', { level: 1, name: 'Referrals' }), 'the Referrals page');
  }

  async record(r: NewReferral): Promise<void> {
    await this.page.getByRole('button', { name: 'Record a referral' }).click();
    const form = this.page.getByRole('form', { name: 'Record a referral' });
    await visible(form, 'the referral form');
    const source = form.getByLabel('Referred by');
    // Wait for the sources to load, then choose the one whose label starts with the name.
    // Options of a closed select are never "visible": wait for the option to be in the page.
    await source.locator('option').filter({ hasText: r.source }).first().waitFor({ state: 'attached', timeout: 10_000 });
    const value = await source.locator('option').filter({ hasText: r.source }).first().getAttribute('value');
    await source.selectOption(value!);
    await form.getByLabel('Date received').fill(r.receivedUk);
    await form.getByLabel('Client’s full name').fill(r.clientName);
    await form.getByLabel('Client’s date of birth').fill(r.dobUk);
    await form.getByLabel('Service asked for').selectOption(r.service);
    await form.getByRole('button', { name: 'Record referral' }).click();
  }

  row(clientName: string) {
    return this.page.getByTestId('referral-row').filter({ hasText: clientName });
  }

  async accept(clientName: string): Promise<void> {
    await this.row(clientName)
      .getByRole('button', { name: `Accept the referral of ${clientName}` })
      .click();
  }
}

/** A task row on Today, by its title and client. */
export function todayTask(page: Page, title: string, clientName: string) {
  return page.locator('table.tasks tr, table tr').filter({ hasText: title }).filter({ hasText: clientName });
}
