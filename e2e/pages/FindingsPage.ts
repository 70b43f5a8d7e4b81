/** The findings editor of a case: narrative fields, needs, assessments, observations, goals, recommendations, provision. */
import type { Locator, Page } from 'playwright-core';
import { visible } from '../harness.js';

export interface ProvisionFields {
  what: string;
  who?: string;
  qualification?: string;
  frequency?: string;
  duration?: string;
  programmeLength?: string;
  groupSize?: string;
  location?: string;
  review?: string;
  delivery?: 'Direct' | 'Indirect';
}

export class FindingsPage {
  constructor(private readonly page: Page) {}

  async open(baseUrl: string, caseId: string): Promise<void> {
    await this.page.goto(`${baseUrl}/cases/${caseId}/findings`);
    await this.waitFor();
  }

  async waitFor(): Promise<void> {
    await visible(this.page.getByRole('heading', { level: 1, name: /findings/i }), 'the findings editor');
  }

  private status(text: string | RegExp) {
    return this.page.getByRole('status').filter({ hasText: text });
  }

  /** Fills narrative fields of one group (by their labels) and saves the group. */
  async saveNotes(group: string, values: Record<string, string>): Promise<void> {
    const form = this.page.getByRole('form', { name: group });
    for (const [label, text] of Object.entries(values)) await form.getByLabel(label, { exact: true }).fill(text);
    await form.getByRole('button', { name: `Save ${group.toLowerCase()}` }).click();
    await visible(this.status(`${group}: saved.`), `the "${group}" saved message`);
  }

  async addNeed(area: string, text: string): Promise<void> {
    const form = this.page.getByRole('form', { name: 'Add need' });
    await form.getByLabel('Area').selectOption({ label: area });
    await form.getByLabel('Need', { exact: true }).fill(text);
    await form.getByRole('button', { name: 'Add need' }).click();
    await visible(this.page.getByRole('list', { name: `Needs: ${area}` }).getByText(text), `the need "${text}" under ${area}`);
  }

  async addObservation(text: string, date: string, setting: string): Promise<void> {
    const form = this.page.getByRole('form', { name: 'Add observation' });
    await form.getByLabel('Observation', { exact: true }).fill(text);
    await form.getByLabel('Date observed').fill(date);
    await form.getByLabel('Setting').fill(setting);
    await form.getByRole('button', { name: 'Add observation' }).click();
    await visible(this.page.getByRole('list', { name: 'Observations' }).getByText(text), `the observation "${text}"`);
  }

  async addRecommendation(text: string): Promise<void> {
    const form = this.page.getByRole('form', { name: 'Add recommendation' });
    await form.getByLabel('Recommendation', { exact: true }).fill(text);
    await form.getByRole('button', { name: 'Add recommendation' }).click();
    await visible(this.page.getByRole('list', { name: 'Recommendations' }).getByText(text), `the recommendation "${text}"`);
  }

  async addAssessment(a: {
    measure: string;
    subtest?: string;
    scoreType: string;
    score: string;
    percentile?: string;
    band?: string;
    date: string;
    examiner: string;
    interpretation?: string;
  }): Promise<void> {
    await this.page.getByRole('button', { name: 'Add assessment' }).click();
    const form = this.page.getByRole('form', { name: 'Add assessment' });
    await form.getByLabel('Measure').fill(a.measure);
    if (a.subtest) await form.getByLabel('Subtest or index').fill(a.subtest);
    await form.getByLabel('Score type').selectOption({ label: a.scoreType });
    await form.getByLabel(/^Score \(/).fill(a.score);
    if (a.percentile) await form.getByLabel('Percentile').fill(a.percentile);
    if (a.band) await form.getByLabel('Descriptive band').fill(a.band);
    await form.getByLabel('Test date').fill(a.date);
    await form.getByLabel('Examiner', { exact: true }).fill(a.examiner);
    if (a.interpretation) await form.getByLabel('Interpretation').fill(a.interpretation);
    await form.getByRole('button', { name: 'Save assessment' }).click();
    await visible(this.page.getByRole('table', { name: 'Assessments' }).getByText(a.measure), `the assessment ${a.measure}`);
  }

  async addGoal(g: {
    kind: 'SMART outcome' | 'COPM problem' | 'GAS goal';
    text: string;
    target?: string;
    copm?: [string, string, string, string];
    gas?: [string, string];
  }): Promise<void> {
    await this.page.getByRole('button', { name: 'Add goal' }).click();
    const form = this.page.getByRole('form', { name: 'Add goal' });
    await form.getByLabel('Kind of goal').selectOption({ label: g.kind });
    await form.getByLabel(g.kind === 'COPM problem' ? 'Problem' : 'Goal', { exact: true }).fill(g.text);
    if (g.target) await form.getByLabel('Target date').fill(g.target);
    if (g.copm) {
      const [pb, pa, sb, sa] = g.copm;
      await form.getByLabel('Performance before (1–10)').fill(pb);
      await form.getByLabel('Performance after (1–10)').fill(pa);
      await form.getByLabel('Satisfaction before (1–10)').fill(sb);
      await form.getByLabel('Satisfaction after (1–10)').fill(sa);
    }
    if (g.gas) {
      await form.getByLabel('Baseline level').selectOption(g.gas[0]);
      await form.getByLabel('Outcome level').selectOption(g.gas[1]);
    }
    await form.getByRole('button', { name: 'Save goal' }).click();
    await visible(this.status('Goal added.'), 'the goal added message');
  }

  provisionTable(): Locator {
    return this.page.getByRole('table', { name: 'Provision lines' });
  }

  private async fillProvision(form: Locator, p: ProvisionFields): Promise<void> {
    const fields: [string, string | undefined][] = [
      ['What is provided', p.what],
      ['Who delivers it', p.who],
      ['Their qualification or training', p.qualification],
      ['How often', p.frequency],
      ['How long each time', p.duration],
      ['For how long in all', p.programmeLength],
      ['Group or 1:1', p.groupSize],
      ['Where', p.location],
      ['Review point', p.review],
    ];
    for (const [label, value] of fields) await form.getByLabel(label, { exact: true }).fill(value ?? '');
    if (p.delivery) await form.getByLabel('Direct or indirect').selectOption({ label: p.delivery });
  }

  async addProvision(p: ProvisionFields): Promise<void> {
    await this.page.getByRole('button', { name: 'Add provision line' }).click();
    const form = this.page.getByRole('form', { name: 'Add provision line' });
    await this.fillProvision(form, p);
    await form.getByRole('button', { name: 'Save provision line' }).click();
    await visible(this.provisionTable().getByText(p.what), `the provision line "${p.what}"`);
  }

  async editProvision(oldWhat: string, p: ProvisionFields): Promise<void> {
    await this.provisionTable()
      .getByRole('button', { name: `Edit provision “${oldWhat.slice(0, 40)}”` })
      .click();
    const form = this.page.getByRole('form', { name: 'Edit provision line' });
    await this.fillProvision(form, p);
    await form.getByRole('button', { name: 'Save provision line' }).click();
    await visible(this.provisionTable().getByText(p.what), `the changed provision line "${p.what}"`);
  }

  async openDocuments(): Promise<void> {
    await this.page.getByRole('link', { name: 'Documents for this case' }).click();
    await visible(this.page.getByRole('heading', { level: 1, name: 'Documents' }), 'the Documents page');
  }
}
