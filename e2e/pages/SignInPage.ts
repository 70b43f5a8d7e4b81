import type { Page } from 'playwright-core';
import { visible } from '../harness.js';

export const DEMO_PASSWORD = 'demo-password';
export const DEMO_USERS = {
  owner: 'owner@demo.steve.test',
  clinician1: 'clinician1@demo.steve.test',
  clinician2: 'clinician2@demo.steve.test',
  clinician3: 'clinician3@demo.steve.test',
  admin: 'admin@demo.steve.test',
} as const;

export class SignInPage {
  constructor(private readonly page: Page) {}

  heading() {
    return this.page.getByRole('heading', { name: 'Sign in', level: 1 });
  }

  async open(baseUrl: string, path = '/'): Promise<void> {
    await this.page.goto(baseUrl + path);
    await visible(this.heading(), 'the sign-in page');
  }

  async fill(email: string, password: string): Promise<void> {
    await this.page.getByLabel('Email').fill(email);
    await this.page.getByLabel('Password').fill(password);
  }

  /** Signs in by pressing Enter in the password field, as a keyboard user would. */
  async signIn(email: string, password = DEMO_PASSWORD): Promise<void> {
    await this.fill(email, password);
    await this.page.getByLabel('Password').press('Enter');
  }

  error() {
    return this.page.getByRole('form', { name: 'Sign in' }).getByRole('alert');
  }
}
