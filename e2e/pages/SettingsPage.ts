import type { Page } from 'playwright-core';
import { visible } from '../harness.js';

export class SettingsPage {
  constructor(private readonly page: Page) {}

  auditTable() {
    return this.page.getByRole('table', { name: 'Audit log' });
  }

  async waitForAudit(): Promise<void> {
    await visible(this.auditTable(), 'the audit log table');
  }

  /** Rows as text cells: when, who, what, record, detail. */
  async auditRows(): Promise<string[][]> {
    const rows = this.auditTable().locator('tbody tr');
    const n = await rows.count();
    const out: string[][] = [];
    for (let i = 0; i < n; i++) out.push((await rows.nth(i).locator('td').allTextContents()).map((s) => s.trim()));
    return out;
  }

  async openSection(name: 'Practice' | 'Users and roles' | 'Audit log'): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Settings sections' }).getByRole('link', { name }).click();
  }
}
