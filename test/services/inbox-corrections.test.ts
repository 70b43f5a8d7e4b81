import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { disabledLanguageModel } from '../../src/adapters/disabled-language-model.js';
import { disabledMail } from '../../src/adapters/disabled-mail.js';
import { fixedClock } from '../../src/adapters/system-clock.js';
import type { Store } from '../../src/db/connect.js';
import { openCase } from '../../src/services/cases/open-case.js';
import { addClient } from '../../src/services/clients/add-client.js';
import { cliActor, type ServiceContext } from '../../src/services/context.js';
import { correctInboxItem } from '../../src/services/inbox/correct-inbox-item.js';
import { acceptProposal, importInbox, listInbox, rejectProposal } from '../../src/services/inbox/inbox.js';
import { readInboxLetter } from '../../src/services/inbox/read-inbox-letter.js';
import { initPractice } from '../../src/services/practice/init-practice.js';
import { DIALECTS, freshStore } from '../support/stores.js';
import { email } from '../triage/support.js';

const vague = (n: number, subject: string) =>
  email(
    {
      From: 'Claims Desk <claims@harbourhealth.test>',
      To: 'office@practice.test',
      Subject: subject,
      Date: `Mon, 0${n} Nov 2026 09:00:00 +0000`,
      'Message-ID': `<v${n}@harbourhealth.test>`,
    },
    `Dear colleague,\n\nPlease find our latest note on file ${n}.\n\nKind regards,\nClaims Desk`,
  );

const moveSession = (n: number, day: string, from = 'Parent <parent@example.com>') =>
  email(
    { From: from, To: 'office@practice.test', Subject: `Session ${n}`, Date: `Mon, 0${n} Nov 2026 09:00:00 +0000`, 'Message-ID': `<m${n}@example.com>` },
    `Hi,\n\nCould we move Ada's session to Friday ${day} 2026 please? She has a school trip.\n\nThanks`,
  );

describe.each(DIALECTS)('inbox corrections on %s', (dialect) => {
  let store: Store;
  let ctx: ServiceContext;

  beforeEach(async () => {
    store = await freshStore(dialect);
    ctx = { db: store.db, dialect: store.dialect, clock: fixedClock('2026-11-27'), mail: disabledMail, languageModel: disabledLanguageModel, actor: cliActor };
    await initPractice(ctx, { practice: 'Test Practice OT', owner_name: 'Olive Owner', owner_email: 'owner@practice.test', owner_password: 'long-enough-pw' });
  });
  afterEach(async () => store?.close());

  const corrections = () => store.db.selectFrom('triage_corrections').selectAll().orderBy('created_at').orderBy('id').execute();

  it('keeps a corrected category and reads the next letter from the same sender with it, saying why', async () => {
    const [first] = await importInbox(ctx, [{ name: 'one.eml', bytes: vague(2, 'Your patient') }]);
    expect(first).toMatchObject({ status: 'imported', category: 'other' });
    const corrected = await correctInboxItem(ctx, first!.item_id!, { category: 'insurer_authorisation' });
    expect(corrected.category).toBe('insurer_authorisation');
    expect(corrected.confidence.category).toEqual({ score: 1, evidence: 'set by a person', check: false });
    expect(corrected.corrected).toEqual(['category other → insurer authorisation']);
    expect(await corrections()).toMatchObject([
      {
        field: 'category',
        sender: 'claims@harbourhealth.test',
        domain: 'harbourhealth.test',
        proposed: 'other',
        corrected: 'insurer_authorisation',
        on_date: '2026-11-27',
      },
    ]);

    const [second] = await importInbox(ctx, [{ name: 'two.eml', bytes: vague(3, 'Another patient') }]);
    expect(second!.category).toBe('insurer_authorisation');
    const item = (await listInbox(ctx, { status: 'all' })).find((i) => i.id === second!.item_id)!;
    expect(item.confidence.category?.evidence).toMatch(
      /^learnt: 1 earlier letter from claims@harbourhealth.test .* corrected to insurer authorisation \(last 27\/11\/2026\)$/,
    );
    expect(item.sender_email).toBe('claims@harbourhealth.test');
  });

  it('moves the letter and its log entry to the client a person links, and learns the reference', async () => {
    const clientId = (await addClient(ctx, { name: 'Ada Testchild', dob: '2016-04-02' })).id;
    const caseId = (await openCase(ctx, { client_id: clientId, service_line: 'paediatric', jurisdiction: 'england' })).id;
    const letter = (n: number) =>
      email(
        {
          From: 'Law Office <desk@lawoffice.test>',
          To: 'office@practice.test',
          Subject: `Claim update ${n}`,
          Date: `Mon, 0${n} Nov 2026 09:00:00 +0000`,
          'Message-ID': `<c${n}@lawoffice.test>`,
        },
        `Dear Sirs,\n\nOur ref: LO/2026/4417\n\nPlease let us have your report by 18 December 2026.\n\nYours faithfully,\nLaw Office`,
      );
    const [r] = await importInbox(ctx, [{ name: 'claim.eml', bytes: letter(2) }]);
    expect(r!.client_id).toBeNull();
    const fixed = await correctInboxItem(ctx, r!.item_id!, { client_id: clientId, references: [{ kind: 'claim_ref', value: 'LO/2026/4417' }] });
    expect(fixed).toMatchObject({ client_id: clientId, client_name: 'Ada Testchild', case_id: caseId, match: 'linked by a person' });
    // The references were right: they keep the reader's own confidence.
    expect(fixed.references).toEqual([{ kind: 'claim_ref', value: 'LO/2026/4417', confidence: expect.objectContaining({ check: false }) }]);
    const log = await store.db.selectFrom('correspondence').select(['client_id', 'case_id']).executeTakeFirstOrThrow();
    expect(log).toEqual({ client_id: clientId, case_id: caseId });
    expect((await corrections()).map((c) => [c.field, c.pattern, c.corrected])).toEqual(
      expect.arrayContaining([
        ['client', null, 'Ada Testchild'],
        ['client', 'claim_ref:LO/2026/4417', 'Ada Testchild'],
      ]),
    );
    // The next letter quoting that reference is about the same child, and says who taught it.
    const [next] = await importInbox(ctx, [{ name: 'claim2.eml', bytes: letter(3) }]);
    const item = (await listInbox(ctx, { status: 'all' })).find((i) => i.id === next!.item_id)!;
    expect(item.client_named).toBe('Ada Testchild');
    expect(item).toMatchObject({ client_id: clientId, case_id: caseId });
    expect(item.confidence.client?.evidence).toMatch(/^learnt: a reference in this letter was linked to Ada Testchild by a person/);
  });

  it('a task waiting on a letter follows it to the client a person links', async () => {
    const clientId = (await addClient(ctx, { name: 'Ada Testchild', dob: '2016-04-02' })).id;
    const [r] = await importInbox(ctx, [{ name: 'move.eml', bytes: moveSession(2, '4 December') }]);
    const fixed = await correctInboxItem(ctx, r!.item_id!, { client_id: clientId });
    const task = fixed.proposals.find((p) => p.kind === 'task')!;
    expect(task.payload).toMatchObject({ client_id: clientId });
    await acceptProposal(ctx, task.id);
    expect((await store.db.selectFrom('tasks').select('client_id').where('trigger_ref', '=', r!.item_id!).executeTakeFirstOrThrow()).client_id).toBe(clientId);
  });

  it('a date rejected as not the practice’s is not proposed again from that sender', async () => {
    const [r] = await importInbox(ctx, [{ name: 'p2.eml', bytes: moveSession(2, '4 December') }]);
    const [item] = await listInbox(ctx);
    const task = item!.proposals.find((p) => p.kind === 'task');
    expect(task, 'the reader proposes the date as a task').toBeDefined();
    expect(task!.confidence).not.toBeNull();
    await rejectProposal(ctx, task!.id, "the panel's own date", { notOurs: true });
    expect(await corrections()).toMatchObject([{ field: 'date', sender: 'parent@example.com', corrected: '', item_id: r!.item_id }]);
    const [again] = await importInbox(ctx, [{ name: 'p3.eml', bytes: moveSession(3, '11 December') }]);
    expect(again!.proposals).toBe(0);
    // A plain rejection teaches nothing.
    const [third] = await importInbox(ctx, [{ name: 'other.eml', bytes: moveSession(4, '11 December', 'Another Parent <other@example.org>') }]);
    expect(third!.proposals).toBe(1);
    const thirdItem = (await listInbox(ctx, { status: 'all' })).find((i) => i.id === third!.item_id)!;
    for (const p of thirdItem.proposals) await rejectProposal(ctx, p.id, 'done already');
    expect((await corrections()).length).toBe(1);
  });

  it('a moved due date is kept as a correction of that date', async () => {
    await importInbox(ctx, [{ name: 'p2.eml', bytes: moveSession(2, '4 December') }]);
    const [item] = await listInbox(ctx);
    const task = item!.proposals.find((p) => p.kind === 'task')!;
    await acceptProposal(ctx, task.id, { due_on: '2026-12-02' });
    expect(await corrections()).toMatchObject([{ field: 'date', proposed: expect.stringMatching(/\|stated$/) }]);
  });

  it('shows the letter as text, the HTML part as text and never as markup', async () => {
    const boundary = 'b1';
    const html = email(
      {
        From: 'School <office@school.test>',
        To: 'office@practice.test',
        Subject: 'Hello',
        Date: 'Mon, 02 Nov 2026 09:00:00 +0000',
        'Content-Type': `multipart/alternative; boundary="${boundary}"`,
      },
      `--${boundary}\nContent-Type: text/html; charset=utf-8\n\n<p>Dear OT,</p><script>alert(1)</script><p onclick="x()">We look forward to <b>meeting</b> you.</p>\n--${boundary}--\n`,
    );
    const [r] = await importInbox(ctx, [{ name: 'html.eml', bytes: html }]);
    const letter = await readInboxLetter(ctx, r!.item_id!);
    expect(letter.text).toContain('We look forward to meeting you.');
    expect(letter.text).not.toMatch(/<script|alert\(1\)|onclick|<p>/);
    expect(letter.from).toBe('School <office@school.test>');
    const audit = await store.db.selectFrom('audit_events').select('detail').where('entity_id', '=', r!.item_id!).where('action', '=', 'read').execute();
    expect(audit.map((a) => a.detail)).toContain('letter text');
  });

  it('refuses a correction to an unknown category or item, changing nothing', async () => {
    const [r] = await importInbox(ctx, [{ name: 'one.eml', bytes: vague(2, 'x') }]);
    await expect(correctInboxItem(ctx, r!.item_id!, { category: 'nonsense' as never })).rejects.toThrow(/Category Invalid option/);
    await expect(correctInboxItem(ctx, 'no-such-item', { category: 'payment' })).rejects.toThrow(/inbox item/);
    expect(await corrections()).toEqual([]);
  });
});
