/**
 * Signing that shows: a user's qualifications, professional bodies and HCPC number reach the
 * signed version's sign-off block in DOCX, HTML and Markdown, with the date and time of
 * signing; the CLI edits a block and signs; filling a placeholder in review keeps it in review.
 */
import { strFromU8, unzipSync } from 'fflate';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { UNSIGNED_TEXT } from '../../src/drafting/index.js';
import { openCase } from '../../src/services/cases/open-case.js';
import { addClient } from '../../src/services/clients/add-client.js';
import type { ServiceContext } from '../../src/services/context.js';
import { draftDocument } from '../../src/services/documents/draft-document.js';
import { editBlock } from '../../src/services/documents/edit-block.js';
import { getDocument } from '../../src/services/documents/get-document.js';
import { renderDocument } from '../../src/services/documents/render-document.js';
import { signDocument } from '../../src/services/documents/sign-document.js';
import { submitForReview } from '../../src/services/documents/submit-for-review.js';
import { updateMyDetails } from '../../src/services/users/update-my-details.js';
import { updateUser } from '../../src/services/users/update-user.js';
import { cliHarness, type CliHarness } from '../support/cli.js';
import { as, openTestDb, seedPractice, type Seeded, type TestDb } from '../services/support.js';
import { DIALECTS } from '../support/stores.js';

const QUALS = 'BSc (Hons) Occupational Therapy; MSc Hand Therapy';
const BODIES = 'Royal College of Occupational Therapists';

/** Every text run of the DOCX body, in order. */
function docxText(content: unknown): string {
  const xml = strFromU8(unzipSync(new Uint8Array(content as Buffer))['word/document.xml']!);
  return [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(' ');
}

describe.each(DIALECTS)('signing that shows (%s)', (dialect) => {
  let t: TestDb;
  let people: Seeded;
  let cara: ServiceContext;
  let caseId: string;

  beforeEach(async () => {
    t = await openTestDb(dialect);
    people = await seedPractice(t.ctx);
    cara = as(t.ctx, people.clinician);
    const client = await addClient(t.ctx, { name: 'Sam Testworth', dob: '2017-05-03', lead_clinician_id: people.clinician.id });
    caseId = (await openCase(t.ctx, { client_id: client.id, service_line: 'paediatric', clinician_id: people.clinician.id, opened_on: '2026-10-01' })).id;
  });
  afterEach(async () => t.store.close());

  it('a clinician records their own qualifications and bodies; an owner can change anyone’s; bad input is refused', async () => {
    const me = await updateMyDetails(cara, { qualifications: QUALS, professional_bodies: BODIES, hcpc_number: 'ot54321' });
    expect(me).toMatchObject({ id: people.clinician.id, qualifications: QUALS, professional_bodies: BODIES, hcpc_number: 'OT54321' });
    const byOwner = await updateUser(t.ctx, 'cara@harbour-lane.test', { qualifications: 'BSc (Hons) Occupational Therapy' });
    expect(byOwner.qualifications).toBe('BSc (Hons) Occupational Therapy');
    await expect(updateMyDetails(cara, { hcpc_number: '12345' })).rejects.toThrow(/OT followed by digits/);
    await expect(updateMyDetails(cara, { qualifications: 'x'.repeat(301) })).rejects.toThrow(/too long/);
    await expect(updateUser(cara, people.otherClinician.id, { qualifications: 'x' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('signing without qualifications is refused, naming where to add them', async () => {
    const d = await draftDocument(cara, { kind: 'report-back', case_id: caseId });
    await submitForReview(cara, d.id);
    await expect(signDocument(cara, d.id)).rejects.toThrow(
      'Cara Clinician has no qualifications recorded, and a signed document must show them. Add them under Your account → Professional details, or with: steve users update cara@harbour-lane.test --qualifications "…"',
    );
  });

  it('filling a placeholder in review keeps it in review with a readable note; any other edit goes back to draft', async () => {
    const d = await draftDocument(cara, { kind: 'progress-report', case_id: caseId });
    const signOff = d.blocks.find((b) => b.tags?.includes('sign-off'))!;
    expect(signOff.rows!.find((r) => r[0] === 'Signature')![1]).toBe(UNSIGNED_TEXT);
    await submitForReview(cara, d.id);
    const filled = await editBlock(cara, d.id, { block_id: signOff.id, text: `Qualifications | ${QUALS}` });
    expect(filled).toMatchObject({ version: 2, status: 'in_review' });
    expect(filled.versions.at(-1)!.change).toBe("Filled in: author's qualifications");
    expect(filled.blocks.find((b) => b.id === signOff.id)!.rows!.find((r) => r[0] === 'Qualifications')![1]).toBe(QUALS);
    expect(filled.still_needed.map((n) => n.field)).not.toContain('author.qualifications');

    const heading = filled.blocks.find((b) => b.type === 'heading')!;
    const rewritten = await editBlock(cara, d.id, { block_id: heading.id, text: 'A heading of my own' });
    expect(rewritten).toMatchObject({ version: 3, status: 'draft' });
    expect(rewritten.versions.at(-1)!.change).toBe('Edited by the clinician: Details');
    expect(rewritten.versions.map((v) => v.change).join(' ')).not.toMatch(/\bb\d+\b/);

    await expect(editBlock(cara, d.id, { block_id: 'b999', text: 'x' })).rejects.toThrow(/This document has no block b999: its blocks are b1 to b\d+/);
  });

  it('the signed version shows signer, qualifications, bodies, registration and the date and time, in DOCX, HTML and Markdown', async () => {
    await updateMyDetails(cara, { qualifications: QUALS, professional_bodies: BODIES, hcpc_number: 'OT54321' });
    const d = await draftDocument(cara, { kind: 'discharge-summary', case_id: caseId });
    const signOff = d.blocks.find((b) => b.tags?.includes('sign-off'))!;
    expect(signOff.rows!.map((r) => r[0])).toEqual([
      'Name',
      'Qualifications',
      'Professional bodies',
      'Role',
      'HCPC number',
      'Date(s) seen',
      'Report date',
      'Signature',
    ]);
    const draftMd = String((await renderDocument(cara, d.id, 'md')).content);
    expect(draftMd).toContain(UNSIGNED_TEXT);

    // Fill every other placeholder so the checks pass; the sign-off block stays as drafted.
    let doc = await getDocument(cara, d.id);
    for (const b of doc.blocks) {
      const lines = b.type === 'list' ? b.items! : b.type === 'table' || b.type === 'fields' ? null : [b.text ?? ''];
      if (b.type === 'fields' || b.type === 'table') {
        if (!b.rows!.some((r) => r.some((c) => c.includes('[STILL NEEDED')))) continue;
        const text = b.rows!.map((r) => r.map((c) => c.replace(/\[STILL NEEDED: [^\]]*\]/g, 'recorded by hand')).join(' | ')).join('\n');
        doc = await editBlock(cara, d.id, { block_id: b.id, text });
      } else if (lines!.some((l) => l.includes('[STILL NEEDED'))) {
        doc = await editBlock(cara, d.id, { block_id: b.id, text: lines!.map((l) => l.replace(/\[STILL NEEDED: [^\]]*\]/g, 'recorded by hand')).join('\n') });
      }
    }
    expect(doc.still_needed).toEqual([]);
    await submitForReview(cara, d.id);
    const signed = await signDocument(cara, d.id);
    expect(signed.signature).toEqual({
      name: 'Cara Clinician',
      role: 'Occupational therapist',
      qualifications: QUALS,
      professional_bodies: BODIES,
      hcpc_number: 'OT54321',
      signed_at: '2026-11-27T09:00:00.000Z',
    });
    const line = 'Signed electronically by Cara Clinician on 27 November 2026 at 09:00 (UK time)';
    const md = String((await renderDocument(cara, d.id, 'md')).content);
    const html = String((await renderDocument(cara, d.id, 'html')).content);
    const docx = docxText((await renderDocument(cara, d.id, 'docx')).content);
    for (const [name, text] of [
      ['md', md],
      ['html', html],
      ['docx', docx],
    ] as const) {
      expect(text, name).toContain(line);
      expect(text, name).toContain(QUALS);
      expect(text, name).toContain(BODIES);
      expect(text, name).toContain('OT54321');
      expect(text, name).not.toContain(UNSIGNED_TEXT);
      expect(text, name).not.toContain('DRAFT — not for circulation');
    }
    // The signature sits in the sign-off, after everything else the clinician wrote.
    expect(docx.indexOf(line)).toBeGreaterThan(docx.indexOf('Sign-off'));

    // Later changes to the signer's details do not rewrite what was signed.
    await updateMyDetails(cara, { qualifications: 'Something else entirely' });
    expect(String((await renderDocument(cara, d.id, 'md')).content)).toContain(QUALS);
  });

  it('a British Summer Time signature shows the UK clock time', async () => {
    const { signedAtText } = await import('../../src/domain/documents/signature.js');
    expect(signedAtText('2026-07-01T08:05:00.000Z')).toBe('1 July 2026 at 09:05');
    expect(signedAtText('2026-12-31T23:30:00.000Z')).toBe('31 December 2026 at 23:30');
  });
});

describe.each(DIALECTS)('signing from the CLI (%s)', (dialect) => {
  let cli: CliHarness;
  beforeEach(async () => {
    cli = await cliHarness(dialect);
    const init = await cli.run(
      'init',
      '--practice',
      'Harbour Lane OT',
      '--owner-name',
      'Olive Owner',
      '--owner-email',
      'olive@harbour-lane.test',
      '--owner-password',
      'owner-password-1',
    );
    expect(init.code).toBe(0);
  });
  afterEach(async () => cli.close());

  it('users update, docs edit (a placeholder, in review) and docs sign with no --by in a one-clinician practice', async () => {
    const d = await cli.json<{ id: string; blocks: { id: string; tags?: string[] }[] }>(
      'draft',
      'marketing-letter',
      '--audience',
      'SENCOs of fictional schools',
    );
    expect((await cli.run('docs', 'review', d.id)).code).toBe(0);

    const refused = await cli.run('docs', 'sign', d.id);
    expect(refused.code).not.toBe(0);
    expect(refused.err.join('\n')).toContain(
      'Olive Owner has no qualifications or HCPC number recorded, and a signed document must show them. Add them under Your account → Professional details, or with: steve users update olive@harbour-lane.test --qualifications "…" --hcpc OT…',
    );

    const updated = await cli.run('users', 'update', 'olive@harbour-lane.test', '--qualifications', QUALS, '--bodies', BODIES, '--hcpc', 'OT12345');
    expect(updated.out).toContain(`Qualifications: ${QUALS}`);
    expect(updated.out).toContain('HCPC number: OT12345');

    const shown = await cli.run('docs', 'show', d.id);
    const signOff = d.blocks.find((b) => b.tags?.includes('sign-off'))!;
    expect(shown.out).toContain(`  - author's qualifications (block ${signOff.id})`);
    const blocks = await cli.run('docs', 'show', d.id, '--blocks');
    expect(blocks.out).toMatch(new RegExp(`${signOff.id} paragraph: Olive Owner`));

    const edited = await cli.run(
      'docs',
      'edit',
      d.id,
      '--block',
      signOff.id,
      '--text',
      `Olive Owner\n${QUALS}\nOccupational therapist, HCPC registration number OT12345\nHarbour Lane OT`,
    );
    expect(edited.code).toBe(0);
    expect(edited.out).toContain('v2: in review');
    expect(edited.out).toContain("Version note: Filled in: author's qualifications, author's HCPC number");
    // The letter's other gaps are filled the same way, one block at a time.
    for (const [block, text] of [
      ['b3', 'What we offer SENCOs of fictional schools: EHC needs assessment advice within the 6-week deadline.'],
      ['b4', 'How to refer: contact us at referrals@harbour-lane.test.'],
    ]) {
      const r = await cli.run('docs', 'edit', d.id, '--block', block!, '--text', text!);
      expect(r.out, block).toContain('in review');
    }

    const signed = await cli.run('docs', 'sign', d.id);
    expect(signed.code).toBe(0);
    expect(signed.out).toMatch(/Signed electronically by Olive Owner on 27 November 2026 at \d\d:\d\d \(UK time\)/);
    const md = await cli.run('docs', 'render', d.id, '--format', 'md');
    expect(md.out).toContain(QUALS);
    expect(md.out).toContain('Royal College of Occupational Therapists');
    expect(md.out).toContain('HCPC registration number OT12345');

    const bad = await cli.run('docs', 'edit', d.id, '--block', 'b999', '--text', 'x');
    expect(bad.err.join('\n')).toMatch(/This document has no block b999/);
    const neither = await cli.run('docs', 'edit', d.id, '--block', 'b1');
    expect(neither.err.join('\n')).toMatch(/Give the new text with --text or --file/);
  });
});
