import type { Page } from 'playwright-core';
import { visible } from '../harness.js';

export class SetupPage {
  constructor(private readonly page: Page) {}

  async open(baseUrl: string): Promise<void> {
    await this.page.goto(baseUrl + '/');
    await visible(this.page.getByRole('heading', { level: 1, name: 'Set up your practice' }), 'the first-run setup page');
  }

  async createPractice(f: { practice: string; name: string; email: string; password: string }): Promise<void> {
    const form = this.page.getByRole('form', { name: 'Set up your practice' });
    await form.getByLabel('Practice name').fill(f.practice);
    await form.getByLabel('Your name').fill(f.name);
    await form.getByLabel('Your email').fill(f.email);
    await form.getByLabel('Password', { exact: true }).fill(f.password);
    await form.getByLabel('Confirm password').fill(f.password);
    await form.getByRole('button', { name: 'Create practice and sign in' }).click();
  }
}
