import { unzipSync, strFromU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { DOCUMENT_KINDS } from '../../src/domain/documents/kinds.js';
import { composeDocument, emptySource, plainText, renderDocx, renderHtml, renderMarkdown, type LaProfile } from '../../src/drafting/index.js';
import { DUTY_DECLARATION, fullSource, STATEMENT_OF_TRUTH, TODAY } from './fixtures.js';

function documentXml(buf: Buffer): string {
  const files = unzipSync(new Uint8Array(buf));
  expect(Object.keys(files)).toContain('word/document.xml');
  return strFromU8(files['word/document.xml']!);
}

/** Word splits nothing we write, but XML escapes &, < and >: compare on unescaped text. */
function xmlText(xml: string): string {
  return [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)]
    .map((m) =>
      m[1]!
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&quot;/g, '"')
        .replace(/&apos;/g, "'")
        .replace(/&amp;/g, '&'),
    )
    .join('\n');
}

describe.each(DOCUMENT_KINDS)('%s', (kind) => {
  it('renders from a fully recorded case with no placeholder, and the DOCX is a valid zip holding the text', async () => {
    const model = composeDocument(kind, fullSource());
    expect(model.still_needed).toEqual([]);
    expect(plainText(model)).not.toContain('[STILL NEEDED');
    const buf = await renderDocx(model);
    expect(buf.subarray(0, 4).toString('binary')).toBe('PK\u0003\u0004');
    const text = xmlText(documentXml(buf));
    expect(text).toContain(model.title);
    const firstPara = model.blocks.find((b) => b.type === 'paragraph')!;
    expect(text).toContain(firstPara.text!.split('\n')[0]);
  });

  it('drafts from an empty case without crashing, full of visible placeholders', async () => {
    const model = composeDocument(kind, emptySource(TODAY));
    expect(model.still_needed.length).toBeGreaterThan(0);
    const text = plainText(model);
    for (const n of model.still_needed) expect(text).toContain(`[STILL NEEDED: ${n.label}]`);
    expect(renderHtml(model)).toContain('class="still-needed"');
    expect(renderMarkdown(model)).toContain('**[STILL NEEDED:');
    expect((await renderDocx(model)).length).toBeGreaterThan(1000);
  });

  it('is deterministic: the same recorded fields give the same document', () => {
    expect(composeDocument(kind, fullSource())).toEqual(composeDocument(kind, fullSource()));
  });

  it('every block composed from the record names its sources', () => {
    const model = composeDocument(kind, fullSource());
    const sourced = model.blocks.filter((b) => b.type !== 'heading');
    expect(sourced.length).toBeGreaterThan(0);
    for (const b of sourced.filter((x) => x.type === 'table' || x.type === 'fields')) expect(b.sources.length, `${b.id} ${b.type}`).toBeGreaterThan(0);
  });
});

describe('never invent', () => {
  it('a missing note becomes a placeholder and a still-needed entry, and nothing else is said about it', () => {
    const s = fullSource();
    delete s.notes['views.child'];
    const m = composeDocument('ehcp-advice', s);
    expect(m.still_needed).toEqual([{ field: 'note:views.child', label: "The client's (or child's) own views" }]);
    const b = m.blocks.find((x) => x.sources.includes('note:views.child'))!;
    expect(b.text).toBe("[STILL NEEDED: The client's (or child's) own views]");
  });
  it('a provision line missing who and how long lists both, with the line named', () => {
    const s = fullSource();
    s.provision[0]!.who = null;
    s.provision[0]!.duration = null;
    const labels = composeDocument('ehcp-advice', s).still_needed.map((n) => n.field);
    expect(labels).toEqual(['provision:p1.who', 'provision:p1.duration']);
  });
});

describe('expert report (CPR Part 35)', () => {
  it('carries the statement of truth and the declaration character for character, in the DOCX too', async () => {
    const model = composeDocument('expert-report', fullSource());
    const text = xmlText(documentXml(await renderDocx(model)));
    expect(text).toContain(STATEMENT_OF_TRUTH);
    expect(text).toContain(DUTY_DECLARATION);
    expect(STATEMENT_OF_TRUTH).toBe(
      'I confirm that I have made clear which facts and matters referred to in this report are within my own knowledge and which are not. Those that are within my own knowledge I confirm to be true. The opinions I have expressed represent my true and complete professional opinions on the matters to which they refer. I understand that proceedings for contempt of court may be brought against anyone who makes, or causes to be made, a false statement in a document verified by a statement of truth without an honest belief in its truth.',
    );
  });
  it('is addressed to the court', () => {
    expect(plainText(composeDocument('expert-report', fullSource()))).toContain('Addressed to the court (PD35 3.1).');
  });
});

describe('markup in recorded text stays text', () => {
  const hostile = '<script>alert(1)</script> **Bold** =HYPERLINK("http://x.test") & Co';
  const s = fullSource();
  s.client!.name = hostile;
  const model = composeDocument('report-back', s);

  it('HTML escapes it', () => {
    const html = renderHtml(model);
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });
  it('DOCX keeps it as literal text, never a field or markup', async () => {
    const xml = documentXml(await renderDocx(model));
    expect(xml).not.toContain('<script>');
    expect(xml).not.toMatch(/<w:fldSimple|<w:instrText[^>]*>[^<]*HYPERLINK/);
    expect(xmlText(xml)).toContain(hostile);
  });
  it('Markdown escapes it', () => {
    const md = renderMarkdown(model);
    expect(md).toContain('\\<script\\>');
    expect(md).toContain('\\*\\*Bold\\*\\*');
  });
});

describe('signed and unsigned output', () => {
  it('says DRAFT — not for circulation until signed, with page numbers in the footer', async () => {
    const model = composeDocument('progress-report', fullSource());
    const files = unzipSync(new Uint8Array(await renderDocx(model)));
    const headers = Object.keys(files)
      .filter((f) => /word\/header\d*\.xml/.test(f))
      .map((f) => strFromU8(files[f]!))
      .join('');
    const footers = Object.keys(files)
      .filter((f) => /word\/footer\d*\.xml/.test(f))
      .map((f) => strFromU8(files[f]!))
      .join('');
    expect(headers).toContain('DRAFT — not for circulation');
    expect(headers).toContain('Sam Testworth · date of birth 3 May 2017');
    expect(footers).toMatch(/PAGE/);
    expect(footers).toMatch(/NUMPAGES/);
    const signed = unzipSync(new Uint8Array(await renderDocx(model, { signed: true })));
    expect(
      Object.keys(signed)
        .filter((f) => /header/.test(f))
        .map((f) => strFromU8(signed[f]!))
        .join(''),
    ).not.toContain('DRAFT');
  });
});

describe('EHCP advice follows the LA profile', () => {
  const profile: LaProfile = {
    id: 'p',
    organisation_id: null,
    name: 'Exampleshire health advice template',
    section_order: ['front_sheet', 'needs', 'views', 'findings', 'outcomes', 'provision'],
    headings: { needs: 'Needs in your own area', findings: 'Assessment results explained' },
    front_sheet_fields: ['forename', 'surname', 'dob', 'gender', 'nhs_number'],
    reference_format: 'AA/####',
    provision_layout: 'single',
    scores_in: 'body',
    max_words: null,
    max_pages: null,
    freshness_months: 12,
    return_to: 'SEN area office, sen@exampleshire.test',
  };
  it('uses its section order and headings, its front-sheet fields, and its provision layout', () => {
    const s = fullSource();
    s.la_profile = profile;
    const m = composeDocument('ehcp-advice', s);
    const headings = m.blocks.filter((b) => b.type === 'heading' && b.level === 1).map((b) => b.text);
    expect(headings.slice(0, 4)).toEqual(['Front sheet', '1. Needs in your own area', "2. The child's and parents' views", '3. Assessment results explained']);
    expect(headings.at(-1)).toBe('11. Sign-off');
    expect(m.blocks[1]!.rows!.map((r) => r[0])).toEqual(['Forename', 'Surname', 'Date of birth', 'Gender', 'NHS number']);
    expect(m.still_needed.map((n) => n.field)).toEqual(['client.gender']);
    expect(m.blocks.filter((b) => b.tags?.includes('provision'))).toHaveLength(1);
    expect(plainText(m)).toContain('Return this advice to: SEN area office, sen@exampleshire.test');
  });
  it('without a profile falls back to the SEND Code of Practice layout', () => {
    const m = composeDocument('ehcp-advice', fullSource());
    const headings = m.blocks.filter((b) => b.type === 'heading' && b.level === 1).map((b) => b.text);
    expect(headings).toEqual([
      'Front sheet',
      '1. Purpose and method',
      '2. Background',
      "3. The child's and parents' views",
      '4. Strengths',
      '5. Findings by area',
      '6. Summary of needs (for Section B)',
      '7. Outcomes (for Section E)',
      '8. Provision (for Sections F, G and H)',
      '9. What has been tried already',
      '10. Limits on this opinion',
      '11. Sign-off',
      'Appendix: standardised assessment results',
    ]);
  });
});

describe('chaser levels', () => {
  it.each([1, 2, 3] as const)('level %i has its own title', (level) => {
    const s = fullSource();
    s.letter.level = level;
    expect(composeDocument('chaser', s).title).toBe(['Payment reminder', 'Overdue invoice: payment required', 'Final notice before further action'][level - 1]);
  });
  it('statutory interest for a business payer: £1,200 at 12% for 57 days = £22.49 plus £70 compensation', () => {
    const text = plainText(composeDocument('chaser', fullSource()));
    expect(text).toContain('on £1,200.00 for 57 days = £22.49, plus fixed compensation of £70.00');
  });
  it('no statutory interest for a consumer payer', () => {
    const s = fullSource();
    s.letter.invoice!.business_payer = false;
    expect(plainText(composeDocument('chaser', s))).not.toMatch(/interest/i);
  });
});
