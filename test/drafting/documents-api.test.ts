import { unzipSync, strFromU8 } from 'fflate';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openCase } from '../../src/services/cases/open-case.js';
import { addClient } from '../../src/services/clients/add-client.js';
import { testApp, type Agent, type TestApp } from '../server/support.js';
import { DIALECTS } from '../support/stores.js';

describe.each(DIALECTS)('documents API (%s)', (dialect) => {
  let t: TestApp;
  let cara: Agent;
  let caseId: string;

  beforeEach(async () => {
    t = await testApp(dialect);
    const client = await addClient(t.system, { name: '<img src=x onerror=alert(1)> =SUM(A1)', dob: '2017-05-03', lead_clinician_id: t.ids.clinician });
    caseId = (await openCase(t.system, { client_id: client.id, service_line: 'paediatric', clinician_id: t.ids.clinician, opened_on: '2026-10-01' })).id;
    cara = await t.signIn('clinician');
  });
  afterEach(async () => t.close());

  it('admins are refused findings and documents; another clinician gets 404', async () => {
    const admin = await t.signIn('admin');
    expect((await t.call(admin, 'GET', `/api/cases/${caseId}/findings`)).statusCode).toBe(403);
    expect((await t.call(admin, 'GET', '/api/documents')).statusCode).toBe(403);
    expect((await t.call(admin, 'POST', '/api/documents', { kind: 'progress-report', case_id: caseId })).statusCode).toBe(403);
    const colin = await t.signIn('other');
    expect((await t.call(colin, 'GET', `/api/cases/${caseId}/findings`)).statusCode).toBe(404);
  });

  it('findings in, draft, fix, review, sign, download; a signed version cannot be altered', async () => {
    let r = await t.call(cara, 'POST', `/api/cases/${caseId}/findings/provision`, {
      section: 'F',
      what: 'Sensory circuit with regular support',
      who: 'Teaching assistant',
      frequency: null,
      duration: '15 minutes',
      group_size: '1:1',
      delivery: 'direct',
      location: 'hall',
      review: 'termly',
    });
    expect(r.statusCode).toBe(201);
    const provisionId = r.json().id;
    expect((await t.call(cara, 'POST', `/api/cases/${caseId}/findings/goal`, { kind: 'gas', text: 'x', gas_outcome: 5 })).statusCode).toBe(400);

    r = await t.call(cara, 'POST', '/api/documents', { kind: 'report-back', case_id: caseId });
    expect(r.statusCode).toBe(201);
    const doc = r.json();
    expect(doc.still_needed.length).toBeGreaterThan(0);

    r = await t.call(cara, 'PATCH', `/api/findings/provision/${provisionId}`, { frequency: 'every morning' });
    expect(r.json().frequency).toBe('every morning');

    // Replace every block holding a placeholder with the clinician's own words.
    let current = (await t.call(cara, 'POST', `/api/documents/${doc.id}/redraft`)).json();
    for (const b of current.blocks.filter((x: { text?: string; rows?: string[][]; items?: string[] }) => JSON.stringify(x).includes('[STILL NEEDED'))) {
      const text = b.rows
        ? b.rows.map((row: string[]) => row.map((c) => c.replace(/\[STILL NEEDED: [^\]]*\]/g, 'as discussed')).join(' | ')).join('\n')
        : (b.items ? b.items.join('\n') : b.text).replace(/\[STILL NEEDED: [^\]]*\]/g, 'As discussed with the family.');
      current = (await t.call(cara, 'PATCH', `/api/documents/${doc.id}/blocks`, { block_id: b.id, text })).json();
    }
    expect(current.still_needed).toEqual([]);
    expect((await t.call(cara, 'POST', `/api/documents/${doc.id}/review`)).statusCode).toBe(200);
    r = await t.call(cara, 'POST', `/api/documents/${doc.id}/sign`, { content_hash: current.content_hash });
    expect(r.statusCode).toBe(400);
    expect(r.json().error.message).toMatch(/no qualifications recorded.*Your account → Professional details/);
    r = await t.call(cara, 'PATCH', '/api/account/details', { qualifications: 'BSc (Hons) Occupational Therapy' });
    expect(r.json().qualifications).toBe('BSc (Hons) Occupational Therapy');
    r = await t.call(cara, 'POST', `/api/documents/${doc.id}/sign`, { content_hash: current.content_hash });
    expect(r.statusCode).toBe(200);
    expect(r.json().signature).toMatchObject({ name: 'Cara Clinician', qualifications: 'BSc (Hons) Occupational Therapy' });
    const signed = r.json();
    expect(signed.status).toBe('signed');

    // The DOCX of the signed version: a zip without the DRAFT banner, the hostile name as plain text.
    r = await t.call(cara, 'GET', `/api/documents/${doc.id}/file?format=docx`);
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toContain('wordprocessingml');
    expect(r.headers['x-content-hash']).toBe(signed.content_hash);
    const files = unzipSync(new Uint8Array(r.rawPayload));
    const xml = strFromU8(files['word/document.xml']!);
    expect(xml).toContain('&lt;img src=x onerror=alert(1)&gt; =SUM(A1)');
    expect(xml).not.toContain('<img');
    const html = (await t.call(cara, 'GET', `/api/documents/${doc.id}/file?format=html`)).body;
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');

    // Altering: a second signature, a signer override and editing all leave the signed version as it was.
    expect((await t.call(cara, 'POST', `/api/documents/${doc.id}/sign`)).statusCode).toBe(409);
    expect((await t.call(cara, 'POST', `/api/documents/${doc.id}/sign`, { signer_id: t.ids.other })).statusCode).toBe(400);
    r = await t.call(cara, 'PATCH', `/api/documents/${doc.id}/blocks`, { block_id: 'b1', text: 'Rewritten.' });
    expect(r.json()).toMatchObject({ version: signed.version + 1, status: 'draft' });
    const old = (await t.call(cara, 'GET', `/api/documents/${doc.id}?version=${signed.version}`)).json();
    expect(old).toMatchObject({ status: 'signed', content_hash: signed.content_hash, signed_by: t.ids.clinician });
    expect(old.blocks[0].text).not.toBe('Rewritten.');
  });

  it('POST /api/check/provision returns findings', async () => {
    const r = await t.call(cara, 'POST', '/api/check/provision', { text: 'Access to OT as required.\nAn OT for 30 minutes weekly.' });
    expect(r.json()).toEqual({
      findings: [
        {
          line: 1,
          text: 'Access to OT as required.',
          problem: 'vague wording ("access to", "as required") instead of saying what is provided; does not say how often, how long',
        },
      ],
    });
  });
});
