/**
 * Every document kind drafts and renders from the demo practice's own findings:
 * the demo is what a new user first drafts from, so each kind must come out whole, as a
 * DOCX, and an EHCP child's advice must quantify its Section F provision.
 */
import { disabledLanguageModel } from '../../src/adapters/disabled-language-model.js';
import { disabledMail } from '../../src/adapters/disabled-mail.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/adapters/system-clock.js';
import type { Store } from '../../src/db/connect.js';
import { DOCUMENT_KINDS, type DocumentKind } from '../../src/domain/documents/kinds.js';
import { cliActor, type ServiceContext } from '../../src/services/context.js';
import { buildDemoPractice } from '../../src/services/demo/build-demo-practice.js';
import { draftDocument } from '../../src/services/documents/draft-document.js';
import { renderDocument } from '../../src/services/documents/render-document.js';
import { getFindings } from '../../src/services/findings/get-findings.js';
import { DIALECTS, freshStore } from '../support/stores.js';
import { docxStructure } from './docx-structure.js';

const TODAY = '2026-11-27';

/** Which demo cases suit a kind: the service line whose facts it reports. */
const GROUP_OF: Record<DocumentKind, 'ehcp' | 'insurer' | 'medico_legal' | 'housing' | 'workplace' | null> = {
  'ehcp-advice': 'ehcp',
  'annual-review-contribution': 'ehcp',
  'annual-review-summary': 'ehcp',
  'initial-assessment': 'insurer',
  'progress-report': 'insurer',
  'discharge-summary': 'insurer',
  'insurer-report': 'insurer',
  'expert-report': 'medico_legal',
  'ina-report': 'medico_legal',
  'dfg-recommendation': 'housing',
  'workplace-report': 'workplace',
  'referral-acknowledgement': 'insurer',
  'report-back': 'insurer',
  chaser: 'insurer',
  'marketing-letter': null,
};

describe.each(DIALECTS)('documents drafted from the demo practice (%s)', (dialect) => {
  let store: Store;
  let system: ServiceContext;
  const caseOf = new Map<string, { case_id: string; ctx: ServiceContext }>();

  beforeAll(async () => {
    store = await freshStore(dialect);
    system = { db: store.db, dialect: store.dialect, clock: fixedClock(TODAY), mail: disabledMail, languageModel: disabledLanguageModel, actor: cliActor };
    await buildDemoPractice(system, { seed: 3, today: TODAY });
    const withFindings = (q: ReturnType<typeof base>) =>
      q.where((eb) => eb.exists(eb.selectFrom('finding_items').select('finding_items.id').whereRef('finding_items.case_id', '=', 'cases.id')));
    const base = () =>
      store.db
        .selectFrom('cases')
        .innerJoin('users', 'users.id', 'cases.clinician_id')
        .select(['cases.id', 'users.id as user_id', 'users.role', 'users.name'])
        .orderBy('cases.id')
        .limit(1);
    const picks = {
      ehcp: base().where((eb) => eb.exists(eb.selectFrom('ehcp_plans').select('ehcp_plans.id').whereRef('ehcp_plans.case_id', '=', 'cases.id'))),
      insurer: base()
        .where('cases.funder_kind', '=', 'insurer')
        .where((eb) => eb.exists(eb.selectFrom('invoices').select('invoices.id').whereRef('invoices.case_id', '=', 'cases.id'))),
      medico_legal: base().where('cases.service_line', '=', 'medico_legal'),
      housing: base().where('cases.service_line', '=', 'housing'),
      workplace: base().where('cases.service_line', '=', 'workplace'),
    };
    for (const [group, q] of Object.entries(picks)) {
      const row = await withFindings(q).executeTakeFirst();
      if (!row) continue;
      caseOf.set(group, { case_id: row.id, ctx: { ...system, actor: { kind: 'user', id: row.user_id, role: row.role as never, name: row.name } } });
    }
  }, 120_000);
  afterAll(async () => store.close());

  it('the demo records findings for a case of every kind of report', () => {
    expect([...caseOf.keys()].sort()).toEqual(['ehcp', 'housing', 'insurer', 'medico_legal', 'workplace']);
  });

  it.each(DOCUMENT_KINDS)('%s drafts from a demo case and renders as DOCX, HTML and Markdown', async (kind) => {
    const group = GROUP_OF[kind];
    const pick = group ? caseOf.get(group)! : caseOf.get('insurer')!;
    let extra = {};
    if (kind === 'chaser') {
      const inv = await store.db.selectFrom('invoices').selectAll().where('case_id', '=', pick.case_id).orderBy('number').executeTakeFirstOrThrow();
      extra = {
        level: 1,
        invoice: { number: inv.number, issued_on: inv.issued_on, due_on: inv.due_on ?? inv.issued_on, amount_pence: inv.total_pence, business_payer: true },
      };
    }
    if (kind === 'marketing-letter') extra = { audience: 'SENCOs of fictional schools' };
    const doc = await draftDocument(pick.ctx, { kind, ...(group ? { case_id: pick.case_id } : {}), ...extra });
    expect(doc.kind).toBe(kind);
    expect(doc.blocks.length).toBeGreaterThan(1);
    const docx = await renderDocument(pick.ctx, doc.id, 'docx');
    expect(
      Buffer.from(docx.content as Uint8Array)
        .subarray(0, 2)
        .toString('latin1'),
    ).toBe('PK');
    // The layout survives Word and LibreOffice: checked on the DOCX itself, no LibreOffice needed.
    const x = docxStructure(docx.content);
    expect(x.pageWidth).toBe(11906);
    const textWidth = x.pageWidth - x.margins.left - x.margins.right;
    for (const [i, t] of x.tables.entries()) {
      expect(t.grid.length, `table ${i} has column widths`).toBeGreaterThan(0);
      expect(t.grid.every((w) => w > 0)).toBe(true);
      expect(
        t.grid.reduce((a, b) => a + b, 0),
        `table ${i}'s widths sum to the text width`,
      ).toBe(textWidth);
      expect(
        t.rows.every((r) => r.cantSplit),
        `table ${i}'s rows never split across pages`,
      ).toBe(true);
      expect(t.rows.every((r) => r.cells === t.grid.length)).toBe(true);
    }
    const headed = doc.blocks.filter((b) => (b.type === 'table' || b.type === 'fields') && b.header).length;
    expect(x.tables.filter((t) => t.rows[0]!.header).length, 'header rows repeat on each page').toBe(headed);
    expect(x.runs.filter((r) => /\b\d{4}-\d{2}-\d{2}\b/.test(r))).toEqual([]);
    expect(x.headings.every((h) => h.keepNext)).toBe(true);
    // Recorded code words read as words ("council tenant"), NHS numbers as 3-3-4.
    expect(x.runs.filter((r) => /\b[a-z]+_[a-z_]+\b/.test(r))).toEqual([]);
    const nhs = doc.blocks.flatMap((b) => (b.rows ?? []).filter((r) => r[0] === 'NHS number').map((r) => r[1]!));
    for (const n of nhs) expect(n).toMatch(/^(\d{3} \d{3} \d{4}|\[STILL NEEDED: [^\]]*\])$/);
    // The letterhead once: the first-page header carries the address, the others only a one-line continuation.
    const headers = Object.values(x.headers);
    expect(headers.filter((h) => h.includes('Meadowbank')).length).toBe(2);
    expect(Math.min(...headers.map((h) => h.split('\n').length))).toBeLessThanOrEqual(2);
    const html = await renderDocument(pick.ctx, doc.id, 'html');
    expect(String(html.content)).toContain(doc.title);
    const md = await renderDocument(pick.ctx, doc.id, 'md');
    expect(String(md.content).length).toBeGreaterThan(200);
  });

  it("an EHCP child's advice from the demo findings has no Section F specificity problem", async () => {
    const pick = caseOf.get('ehcp')!;
    const f = await getFindings(pick.ctx, pick.case_id);
    expect(f.provision.filter((p) => p.section === 'F').length).toBeGreaterThan(0);
    expect(new Set(f.needs.map((n) => n.area))).toEqual(new Set(['communication_interaction', 'cognition_learning', 'semh', 'sensory_physical']));
    const doc = await draftDocument(pick.ctx, { kind: 'ehcp-advice', case_id: pick.case_id });
    expect(doc.checks.filter((c) => c.check === 'provision')).toEqual([]);
    const md = String((await renderDocument(pick.ctx, doc.id, 'md')).content);
    expect(md).toContain('3 times a week');
  });
});
