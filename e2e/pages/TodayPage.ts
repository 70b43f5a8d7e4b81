import type { Locator, Page } from 'playwright-core';
import { AssertionError, visible } from '../harness.js';

/** Today: the briefing's sections of tasks, each row with Done, Snooze and History. */
export class TodayPage {
  constructor(private readonly page: Page) {}

  async waitForBriefing(): Promise<void> {
    await visible(this.page.getByRole('heading', { level: 1, name: 'Today' }), 'the Today page');
    await visible(this.page.getByText(/^Good day, .* It is \d\d\/\d\d\/\d{4}\.$/), 'the briefing date');
  }

  /** The briefing's date as ISO, read from "It is dd/mm/yyyy." */
  async dateIso(): Promise<string> {
    const text = (await this.page.getByText(/It is \d\d\/\d\d\/\d{4}\./).textContent()) ?? '';
    const m = /It is (\d\d)\/(\d\d)\/(\d{4})\./.exec(text);
    if (!m) throw new AssertionError(`no briefing date in "${text}"`);
    return `${m[3]}-${m[2]}-${m[1]}`;
  }

  section(title: string): Locator {
    return this.page.getByRole('table', { name: `${title} tasks` });
  }

  /** The first row of a section whose deadline is hard (statutory or court) or soft. */
  async firstRow(sectionTitle: string, hard: boolean): Promise<{ row: Locator; title: string }> {
    const rows = this.section(sectionTitle)
      .locator('tbody tr')
      .filter({ has: this.page.locator(hard ? '.badge.hard' : '.badge.soft') });
    // A task whose title is the only one of its kind on the page, so it can be followed after it moves.
    await visible(rows.first(), `a ${hard ? 'hard' : 'soft'} task in ${sectionTitle}`);
    const n = await rows.count();
    for (let k = 0; k < n; k++) {
      const row = rows.nth(k);
      const title = ((await row.locator('.task-title').textContent()) ?? '').trim();
      if ((await this.rowFor(title).count()) === 1) return { row: this.rowFor(title), title };
    }
    throw new AssertionError(`no ${hard ? 'hard' : 'soft'} task in ${sectionTitle} has a title of its own`);
  }

  rowFor(title: string): Locator {
    return this.page.locator('main tbody tr').filter({ has: this.page.locator('.task-title', { hasText: title }) });
  }

  /** The confirmation at the foot of the window, with its Undo and Dismiss. */
  toast(): Locator {
    return this.page.locator('.toast-region');
  }
}
