/** The Inbox page: a drop zone for letters and emails, and the proposals with Accept/Reject. */
import type { Page } from 'playwright-core';

export class InboxPage {
  constructor(private readonly page: Page) {}

  async open(baseUrl: string): Promise<void> {
    await this.page.goto(`${baseUrl}/inbox`);
    await this.page.getByRole('heading', { level: 1, name: 'Inbox' }).waitFor();
  }

  /** Drops a file on the drop zone as a browser would: a drop event carrying a DataTransfer. */
  async drop(name: string, content: string, type = 'message/rfc822'): Promise<void> {
    const transfer = await this.page.evaluateHandle(
      ([n, c, t]) => {
        const dt = new DataTransfer();
        dt.items.add(new File([c], n, { type: t }));
        return dt;
      },
      [name, content, type] as const,
    );
    await this.page.getByTestId('inbox-dropzone').dispatchEvent('drop', { dataTransfer: transfer });
  }

  item(fileNameOrSubject: string) {
    return this.page.locator('article.inbox-item').filter({ hasText: fileNameOrSubject });
  }

  async accept(itemText: string, proposalText: string): Promise<void> {
    await this.item(itemText).getByTestId('proposal').filter({ hasText: proposalText }).getByRole('button', { name: 'Accept' }).click();
  }
}
