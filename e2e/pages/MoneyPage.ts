import type { Page } from 'playwright-core';
import { AssertionError, visible } from '../harness.js';

/** The Money pages, an invoice, and a case's sessions and money. */
export class MoneyPage {
  constructor(private readonly page: Page) {}

  async open(tab: 'Invoices' | 'Record a payment' | 'Aged debt' | 'Authorisations' | 'Medico-legal' = 'Invoices'): Promise<void> {
    const nav = this.page.getByRole('navigation', { name: 'Main' });
    await nav.getByRole('link', { name: 'Money', exact: true }).click();
    await visible(this.page.getByRole('heading', { level: 1, name: 'Money' }), 'the Money page');
    if (tab !== 'Invoices') await this.page.getByRole('navigation', { name: 'Money' }).getByRole('link', { name: tab, exact: true }).click();
    const heading = {
      Invoices: 'Invoices',
      'Record a payment': 'Record a payment',
      'Aged debt': 'Aged debt by payer',
      Authorisations: 'Insurer authorisations',
      'Medico-legal': 'Medico-legal instructions',
    }[tab];
    await visible(this.page.getByRole('heading', { level: 2, name: heading, exact: true }), `the ${tab} view`);
  }

  // ---- a case's sessions and money ----

  async openCaseFromClientRecord(caseTitle: string): Promise<void> {
    await this.page.getByRole('tab', { name: /^Cases/ }).click();
    await this.page.getByRole('link', { name: `Sessions and money: ${caseTitle}` }).click();
    await visible(this.page.getByRole('heading', { level: 1, name: /sessions and money$/ }), 'the case’s sessions and money');
  }

  usage() {
    return this.page.getByTestId('auth-usage');
  }

  warnings() {
    return this.page.getByTestId('auth-warnings');
  }

  sessionForm() {
    return this.page.getByRole('form', { name: 'Record a session' });
  }

  async fillSession(on: string, minutes: number, kind: string, attendance = 'Attended'): Promise<void> {
    const f = this.sessionForm();
    await f.getByLabel('Session date').fill(on);
    await f.getByLabel('Duration (minutes)').fill(String(minutes));
    await f.getByLabel('Kind').selectOption({ label: kind });
    await f.getByLabel('Attendance').selectOption({ label: attendance });
  }

  async recordSession(on: string, minutes: number, kind: string): Promise<void> {
    await this.fillSession(on, minutes, kind);
    await this.sessionForm().getByRole('button', { name: 'Record session' }).click();
    await visible(this.page.getByRole('status').filter({ hasText: `Session on ${on} recorded` }), `the session on ${on} recorded`);
  }

  /** Creates an invoice to the funder from the preselected unbilled sessions; returns its number. */
  async createInvoice(): Promise<string> {
    const form = this.page.getByRole('form', { name: 'Create an invoice' });
    await form.getByLabel('Bill to').selectOption({ value: 'funder' });
    await form.getByRole('button', { name: 'Create invoice' }).click();
    const status = this.page.getByRole('status').filter({ hasText: /^Invoice \S+ for £/ });
    await visible(status, 'the invoice created message');
    const m = /^Invoice (\S+) for/.exec((await status.first().textContent())?.trim() ?? '');
    if (!m) throw new AssertionError('no invoice number in the message');
    return m[1]!;
  }

  // ---- payments and aged debt ----

  async recordPayment(payer: string, invoices: string[], amount: string, reference: string): Promise<void> {
    const form = this.page.getByRole('form', { name: 'Record a payment' });
    await form.getByLabel('Paid by').selectOption({ label: payer });
    const table = form.getByRole('table', { name: 'Invoices this payment can pay' });
    await visible(table, `the invoices ${payer} owes`);
    for (const n of invoices) await table.getByRole('button', { name: `Pay ${n} in full` }).click();
    await form.getByLabel('Amount received (£)').fill(amount);
    await form.getByLabel('Remittance reference').fill(reference);
    await visible(this.page.getByTestId('allocation-summary').filter({ hasText: `Allocated £${amount}` }), `£${amount} allocated`);
    await form.getByRole('button', { name: 'Record payment' }).click();
    await visible(this.page.getByRole('status').filter({ hasText: 'recorded against' }), 'the payment recorded message');
  }

  /** The payer's total on the aged-debt table, in pence (0 when the payer owes nothing). */
  async payerTotal(payer: string): Promise<number> {
    const table = this.page.getByRole('table', { name: 'Aged debt by payer' });
    await visible(table, 'the aged debt table');
    const row = table
      .locator('tbody tr')
      .filter({ has: this.page.getByRole('rowheader', { name: new RegExp(`^${payer.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} ·`) }) });
    if ((await row.count()) === 0) return 0;
    const text = (await row.locator('td').nth(5).textContent()) ?? '';
    return Math.round(Number(text.replace(/[£,]/g, '')) * 100);
  }
}
