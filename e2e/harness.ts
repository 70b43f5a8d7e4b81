/**
 * A small test harness for the browser specs: playwright-core has no test runner, and the
 * `playwright` package (which has one) downloads browsers on install, which cannot work here.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Locator, Page } from 'playwright-core';

export interface World {
  /** A server over the demo practice. */
  demoUrl: string;
  /** A server over an empty data folder, for first-run setup. */
  emptyUrl: string;
  context: BrowserContext;
  screenshotsDir: string;
}

export interface TestContext {
  world: World;
  page: Page;
  /** Saves a full-window screenshot as e2e/screenshots/<name>.png. */
  shot: (name: string) => Promise<void>;
}

export interface Spec {
  name: string;
  run: (t: TestContext) => Promise<void>;
}

const specs: Spec[] = [];
export function test(name: string, run: (t: TestContext) => Promise<void>): void {
  specs.push({ name, run });
}
export function registeredSpecs(): readonly Spec[] {
  return specs;
}

export class AssertionError extends Error {}

export function assert(condition: unknown, message: string): asserts condition {
  if (!condition) throw new AssertionError(message);
}

export function assertEqual<T>(actual: T, expected: T, what: string): void {
  if (actual !== expected) throw new AssertionError(`${what}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
}

/** Waits until the locator is visible, with a message that says what was missing. */
export async function visible(locator: Locator, what: string, timeout = 10_000): Promise<Locator> {
  try {
    await locator.first().waitFor({ state: 'visible', timeout });
  } catch {
    throw new AssertionError(`expected to see ${what}`);
  }
  return locator;
}

export async function hidden(locator: Locator, what: string, timeout = 10_000): Promise<void> {
  try {
    await locator.first().waitFor({ state: 'hidden', timeout });
  } catch {
    throw new AssertionError(`expected not to see ${what}`);
  }
}

export interface Outcome {
  name: string;
  ok: boolean;
  ms: number;
  error?: string;
}

export async function runSpecs(world: World, only?: RegExp): Promise<Outcome[]> {
  mkdirSync(world.screenshotsDir, { recursive: true });
  const outcomes: Outcome[] = [];
  for (const spec of specs) {
    if (only && !only.test(spec.name)) continue;
    await world.context.clearCookies();
    const page = await world.context.newPage();
    await page.setViewportSize({ width: 1280, height: 800 });
    page.setDefaultTimeout(10_000);
    const pageErrors: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    const started = Date.now();
    const shot = async (name: string) => {
      await page.screenshot({ path: join(world.screenshotsDir, `${name}.png`) });
    };
    try {
      await spec.run({ world, page, shot });
      if (pageErrors.length) throw new AssertionError(`the page threw: ${pageErrors.join('; ')}`);
      if (dialogs.length) throw new AssertionError(`a dialog opened (script ran?): ${dialogs.join('; ')}`);
      outcomes.push({ name: spec.name, ok: true, ms: Date.now() - started });
      console.log(`  ✓ ${spec.name} (${Date.now() - started} ms)`);
    } catch (e) {
      const message = e instanceof Error ? (e instanceof AssertionError ? e.message : (e.stack ?? e.message)) : String(e);
      outcomes.push({ name: spec.name, ok: false, ms: Date.now() - started, error: message });
      console.log(`  ✗ ${spec.name}\n      ${message.split('\n').join('\n      ')}`);
      const safe = spec.name.replace(/[^a-z0-9]+/gi, '-').toLowerCase();
      await page.screenshot({ path: join(world.screenshotsDir, `failed-${safe}.png`) }).catch(() => {});
    } finally {
      await page.close().catch(() => {});
    }
  }
  return outcomes;
}

/** Every visible form control has a label (a <label>, aria-label or aria-labelledby), and every button has a name. */
export async function assertAccessibleControls(page: Page, where: string): Promise<void> {
  const problems = await page.evaluate(() => {
    const out: string[] = [];
    for (const el of Array.from(document.querySelectorAll<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>('input, select, textarea'))) {
      if (el.type === 'hidden' || el.offsetParent === null) continue;
      const labelled = (el.labels && el.labels.length > 0) || el.getAttribute('aria-label') || el.getAttribute('aria-labelledby');
      if (!labelled) out.push(`${el.tagName.toLowerCase()}[name=${el.getAttribute('name') ?? ''}] has no label`);
    }
    for (const b of Array.from(document.querySelectorAll('button'))) {
      if (!(b.textContent ?? '').trim() && !b.getAttribute('aria-label')) out.push('a button has no name');
    }
    for (const tag of ['header', 'nav', 'main']) if (!document.querySelector(tag)) out.push(`no <${tag}> landmark`);
    return out;
  });
  assert(problems.length === 0, `accessibility problems on ${where}: ${problems.join('; ')}`);
}

/** Distinguishes records made by this run, so a spec also passes against a long-lived server. */
export const RUN_ID = Date.now().toString(36).slice(-5);
