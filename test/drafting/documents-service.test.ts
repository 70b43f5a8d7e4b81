import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DOCUMENT_KINDS } from '../../src/domain/documents/kinds.js';
import { NOTE_KEYS } from '../../src/domain/documents/notes.js';
import { STATEMENT_OF_TRUTH } from '../../src/drafting/index.js';
import { openCase } from '../../src/services/cases/open-case.js';
import { addClient } from '../../src/services/clients/add-client.js';
import type { ServiceContext } from '../../src/services/context.js';
import { draftDocument } from '../../src/services/documents/draft-document.js';
import { editBlock } from '../../src/services/documents/edit-block.js';
import { getDocument } from '../../src/services/documents/get-document.js';
import { listDocuments } from '../../src/services/documents/list-documents.js';
import { redraftDocument } from '../../src/services/documents/redraft-document.js';
import { renderDocument } from '../../src/services/documents/render-document.js';
import { sendDocument } from '../../src/services/documents/send-document.js';
import { signDocument } from '../../src/services/documents/sign-document.js';
import { submitForReview } from '../../src/services/documents/submit-for-review.js';
import { saveLaProfile } from '../../src/services/documents/la-profiles.js';
import { addFinding } from '../../src/services/findings/add-finding.js';
import { getFindings } from '../../src/services/findings/get-findings.js';
import { setNote } from '../../src/services/findings/set-note.js';
import { updateFinding } from '../../src/services/findings/update-finding.js';
import { updateMyDetails } from '../../src/services/users/update-my-details.js';
import { addOrganisation } from '../../src/services/organisations/add-organisation.js';
import { as, openTestDb, seedPractice, type Seeded, type TestDb } from '../services/support.js';
import { DIALECTS } from '../support/stores.js';

describe.each(DIALECTS)('documents service (%s)', (dialect) => {
  let t: TestDb;
  let people: Seeded;
  let cara: ServiceContext;
  let caseId: string;
  let laId: string;

  beforeEach(async () => {
    t = await openTestDb(dialect);
    people = await seedPractice(t.ctx);
    cara = as(t.ctx, people.clinician);
    laId = (await addOrganisation(t.ctx, { name: 'Exampleshire County Council', kind: 'local_authority' })).id;
    const client = await addClient(t.ctx, { name: 'Sam Testworth', dob: '2017-05-03', lead_clinician_id: people.clinician.id });
    await addClient(t.ctx, { name: 'Riley Otherchild', dob: '2016-01-09' });
    caseId = (
      await openCase(t.ctx, {
        client_id: client.id,
        service_line: 'paediatric',
        clinician_id: people.clinician.id,
        opened_on: '2026-10-01',
        ehcp: { la_org_id: laId, la_reference: 'EX/1234', year_group: 'Year 4', advice_requested_on: '2026-10-20' },
      })
    ).id;
  });
  afterEach(async () => t.store.close());

  async function recordEverything(): Promise<string> {
    for (const key of NOTE_KEYS) await setNote(cara, caseId, { key, text: `Recorded ${key}.` });
    await addFinding(cara, caseId, 'item', { kind: 'need', area: 'sensory_physical', text: 'Sam needs to write legibly for a whole lesson' });
    await addFinding(cara, caseId, 'item', {
      kind: 'observation',
      area: 'sensory_physical',
      text: 'Fisted grip; tired after five minutes.',
      on_date: '2026-11-02',
      setting: 'classroom',
    });
    await addFinding(cara, caseId, 'assessment', {
      test_name: 'Beery VMI',
      edition: '6th edition',
      test_date: '2026-11-02',
      examiner: 'Cara Clinician',
      metric: 'standard',
      derived_score: 78,
      percentile: 7,
      band: 'Low',
      area: 'sensory_physical',
      interpretation: 'Copying from the board is slow.',
    });
    await addFinding(cara, caseId, 'goal', { kind: 'smart', text: 'Sam will write three legible sentences.', target_date: '2027-07-20' });
    await addFinding(cara, caseId, 'goal', {
      kind: 'copm',
      text: 'Dressing for PE',
      importance: 8,
      performance_baseline: 3,
      satisfaction_baseline: 2,
      performance_followup: 6,
      satisfaction_followup: 7,
    });
    await addFinding(cara, caseId, 'goal', { kind: 'gas', text: 'Fastens coat', gas_baseline: -1, gas_outcome: 1 });
    const p = await addFinding(cara, caseId, 'provision', {
      section: 'F',
      need_ref: 'N1',
      what: 'Handwriting programme with regular support',
      who: 'Teaching assistant',
      qualification: 'trained by the OT',
      frequency: null,
      duration: '20 minutes',
      group_size: '1:1',
      delivery: 'direct',
      location: 'classroom',
      review: 'termly by the OT',
    });
    return p.id;
  }

  it('findings: COPM change and GAS T-score are worked out from what was recorded', async () => {
    await recordEverything();
    const f = await getFindings(cara, caseId);
    expect(f.copm).toMatchObject({ performance_change: 3, performance_important: true, satisfaction_change: 5 });
    expect(f.gas).toEqual({ baseline_t: 40, outcome_t: 60 });
    expect(f.notes.strengths).toBe('Recorded strengths.');
  });

  it('refuses impossible scores with a clear message', async () => {
    await expect(addFinding(cara, caseId, 'goal', { kind: 'copm', text: 'x', performance_baseline: 11 })).rejects.toThrow(/Performance baseline must be 1–10/);
    await expect(addFinding(cara, caseId, 'goal', { kind: 'gas', text: 'x', gas_outcome: 3 })).rejects.toThrow(/must be −2 to \+2/);
    await expect(setNote(cara, caseId, { key: 'made.up', text: 'x' })).rejects.toThrow(/not a known findings field/);
  });

  it('draft → fix what the checks flag → review → sign → edit makes a new version → send logs correspondence', async () => {
    const provisionId = await recordEverything();
    let doc = await draftDocument(cara, { kind: 'ehcp-advice', case_id: caseId });
    expect(doc.status).toBe('draft');
    expect(doc.version).toBe(1);
    expect(doc.checks.filter((c) => c.check === 'provision')).toHaveLength(1);
    expect(doc.still_needed.map((n) => n.field)).toEqual([
      'client.nhs_number',
      'ehcp.school',
      'client.parents',
      `provision:${provisionId}.frequency`,
      'author.qualifications',
    ]);
    await submitForReview(cara, doc.id);
    await expect(signDocument(cara, doc.id)).rejects.toThrow(/Cara Clinician has no qualifications recorded/);
    await updateMyDetails(cara, { qualifications: 'BSc (Hons) Occupational Therapy' });
    await expect(signDocument(cara, doc.id)).rejects.toThrow(/Cannot sign yet: 5 problems/);

    // Fix at the source: the provision line gets its frequency; the missing front-sheet facts are typed in.
    await updateFinding(cara, 'provision', provisionId, { frequency: '3 times a week', what: 'Handwriting programme' });
    doc = await redraftDocument(cara, doc.id);
    expect(doc.version).toBe(2);
    expect(doc.checks.filter((c) => c.check === 'provision')).toEqual([]);
    const front = doc.blocks.find((b) => b.type === 'fields')!;
    const rows = front
      .rows!.map((r) => r.join(' | '))
      .join('\n')
      .replace('[STILL NEEDED: school or setting]', 'Fictional Primary School')
      .replace('[STILL NEEDED: NHS number]', 'not known to the family')
      .replace('[STILL NEEDED: people with parental responsibility]', 'Alex Testworth');
    doc = await editBlock(cara, doc.id, { block_id: front.id, text: rows });
    const sign = doc.blocks.filter((b) => b.type === 'fields').at(-1)!;
    doc = await editBlock(cara, doc.id, {
      block_id: sign.id,
      text: sign
        .rows!.map((r) => r.join(' | '))
        .join('\n')
        .replace("[STILL NEEDED: author's qualifications]", 'BSc (Hons) Occupational Therapy'),
    });
    expect(doc.version).toBe(4);
    expect(doc.still_needed).toEqual([]);
    expect(doc.composed_by.clinician).toEqual([front.id, sign.id]);
    expect(doc.checks.filter((c) => c.severity === 'error')).toEqual([]);

    await expect(signDocument(cara, doc.id)).rejects.toThrow(/Send the draft for review/);
    doc = await submitForReview(cara, doc.id);
    expect(doc.can_sign).toBe(true);
    await expect(signDocument(cara, doc.id, { content_hash: '0'.repeat(64) })).rejects.toThrow(/changed after you reviewed it/);
    const signed = await signDocument(cara, doc.id, { content_hash: doc.content_hash });
    expect(signed).toMatchObject({
      status: 'signed',
      version: 4,
      signed_by: people.clinician.id,
      signed_by_name: 'Cara Clinician',
      signed_at: '2026-11-27T09:00:00.000Z',
    });
    expect(signed.content_hash).toMatch(/^[0-9a-f]{64}$/);
    await expect(signDocument(cara, doc.id)).rejects.toThrow(/already signed/);

    const signedDocx = await renderDocument(cara, doc.id, 'docx');
    expect(signedDocx.signed).toBe(true);

    // Editing the signed document leaves version 4 exactly as signed.
    const edited = await editBlock(cara, doc.id, { block_id: 'b3', text: 'Changed after signing.' });
    expect(edited).toMatchObject({ version: 5, status: 'draft', signed_by: null });
    const v4 = await getDocument(cara, doc.id, { version: 4 });
    expect(v4).toMatchObject({ status: 'signed', content_hash: signed.content_hash });
    expect(v4.blocks.find((b) => b.id === 'b3')!.text).not.toBe('Changed after signing.');
    await expect(sendDocument(cara, doc.id)).rejects.toThrow(/Only a signed document/);

    // Sign version 5 and send it.
    await submitForReview(cara, doc.id);
    await signDocument(cara, doc.id);
    const sent = await sendDocument(cara, doc.id, { channel: 'email' });
    expect(sent.status).toBe('sent');
    const corr = await t.store.db.selectFrom('correspondence').selectAll().where('id', '=', sent.correspondence_id!).executeTakeFirstOrThrow();
    expect(corr).toMatchObject({
      direction: 'out',
      channel: 'email',
      party_name: 'Exampleshire County Council',
      on_date: '2026-11-27',
      case_id: caseId,
      subject: sent.title,
    });
    expect(corr.summary).toContain(sent.content_hash);
    await expect(sendDocument(cara, doc.id)).rejects.toThrow(/already been sent/);
  });

  it("another client's name pasted into a draft is an error that stops signing", async () => {
    await recordEverything();
    await updateFinding(cara, 'provision', (await getFindings(cara, caseId)).provision[0]!.id, { frequency: 'daily' });
    const doc = await draftDocument(cara, { kind: 'report-back', case_id: caseId });
    const para = doc.blocks.find((b) => b.type === 'paragraph' && b.text?.startsWith('Recorded update.done'))!;
    const edited = await editBlock(cara, doc.id, { block_id: para.id, text: 'Riley Otherchild was seen at school. Date of birth: 09/01/2016.' });
    const found = edited.checks.filter((c) => c.check === 'other_client').map((c) => c.message);
    expect(found).toEqual([
      'Names another client, Riley Otherchild: is this text copied from their document?',
      "Gives a date of birth (09/01/2016) that is not this client's; it is another client's date of birth.",
    ]);
    await submitForReview(cara, doc.id);
    await updateMyDetails(cara, { qualifications: 'BSc (Hons) Occupational Therapy' });
    await expect(signDocument(cara, doc.id)).rejects.toThrow(/Cannot sign yet/);
  });

  it('a case with almost no findings still drafts every kind, full of placeholders', async () => {
    for (const kind of DOCUMENT_KINDS) {
      const d = await draftDocument(cara, { kind, case_id: caseId });
      expect(d.still_needed.length, kind).toBeGreaterThan(0);
      expect(
        d.checks.some((c) => c.check === 'placeholders'),
        kind,
      ).toBe(true);
      const docx = await renderDocument(cara, d.id, 'docx');
      expect((docx.content as Buffer).subarray(0, 2).toString()).toBe('PK');
    }
    expect(await listDocuments(cara, { case_id: caseId })).toHaveLength(DOCUMENT_KINDS.length);
  });

  it('the expert report carries the statement of truth verbatim through the service', async () => {
    const d = await draftDocument(cara, { kind: 'expert-report', case_id: caseId });
    expect(d.blocks.some((b) => b.text === STATEMENT_OF_TRUTH)).toBe(true);
    expect(d.checks.filter((c) => c.check === 'pd35')).toHaveLength(8);
  });

  it("follows the child's LA profile", async () => {
    await saveLaProfile(cara, {
      organisation_id: laId,
      name: 'Exampleshire template',
      section_order: ['front_sheet', 'needs'],
      headings: { needs: 'Needs in your own area' },
      front_sheet_fields: ['forename', 'surname', 'dob'],
      reference_format: 'AA-####',
    });
    const d = await draftDocument(cara, { kind: 'ehcp-advice', case_id: caseId });
    expect(d.blocks[2]).toMatchObject({ type: 'heading', text: '1. Needs in your own area' });
    expect(d.blocks[1]!.rows!.map((r) => r[0])).toEqual(['Forename', 'Surname', 'Date of birth']);
    expect(d.checks.filter((c) => c.check === 'la_profile').map((c) => c.message)).toEqual([
      'The LA reference "EX/1234" does not follow Exampleshire template\'s format AA-####.',
    ]);
  });

  it('admins never see findings or drafts; another clinician gets not found', async () => {
    const admin = as(t.ctx, people.admin);
    const dev = as(t.ctx, people.otherClinician);
    const d = await draftDocument(cara, { kind: 'progress-report', case_id: caseId });
    await expect(getFindings(admin, caseId)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(getDocument(admin, d.id)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(listDocuments(admin)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(draftDocument(admin, { kind: 'progress-report', case_id: caseId })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(getFindings(dev, caseId)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(getDocument(dev, d.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await listDocuments(dev)).toEqual([]);
  });

  it('the CLI signs only as a named active clinician', async () => {
    const d = await draftDocument(t.ctx, { kind: 'marketing-letter', audience: 'SENCOs' });
    await submitForReview(t.ctx, d.id);
    await expect(signDocument(t.ctx, d.id)).rejects.toThrow(/Say who signs/);
    await expect(signDocument(t.ctx, d.id, { signer_id: 'ada@harbour-lane.test' })).rejects.toThrow(/No active clinician/);
  });
});
