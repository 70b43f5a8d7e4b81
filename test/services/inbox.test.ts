import { disabledLanguageModel } from '../../src/adapters/disabled-language-model.js';
import { disabledMail } from '../../src/adapters/disabled-mail.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/adapters/system-clock.js';
import type { Store } from '../../src/db/connect.js';
import { openCase } from '../../src/services/cases/open-case.js';
import { addClient } from '../../src/services/clients/add-client.js';
import { cliActor, type ServiceContext } from '../../src/services/context.js';
import { getEhcpTimeline } from '../../src/services/ehcp/ehcp-register.js';
import { acceptProposal, getOriginal, importInbox, listInbox, rejectProposal } from '../../src/services/inbox/inbox.js';
import { addOrganisation } from '../../src/services/organisations/add-organisation.js';
import { initPractice } from '../../src/services/practice/init-practice.js';
import { DIALECTS, freshStore } from '../support/stores.js';
import { email } from '../triage/support.js';

const invitation = email(
  {
    From: 'SENCo <senco@brookside.sch.test>',
    To: 'office@practice.test',
    Subject: 'Annual review invitation - Ada Testchild',
    Date: 'Mon, 23 Nov 2026 09:00:00 +0000',
    'Message-ID': '<ar-1@brookside.sch.test>',
  },
  `Dear Therapist,\n\nPupil: Ada Testchild   DOB: 02/04/2016\nLA ref: NS/EHCP/0042\n\nYou are invited to Ada's annual review meeting on Tuesday 19 January 2027 at 1.30pm.\nPlease send your written report at least two weeks before the meeting.\n\nKind regards\n\nJo Reed\nSENCo\nBrookside Primary School\n`,
);

describe.each(DIALECTS)('inbox on %s', (dialect) => {
  let store: Store;
  let ctx: ServiceContext;
  let clientId: string;
  let caseId: string;

  beforeEach(async () => {
    store = await freshStore(dialect);
    ctx = { db: store.db, dialect: store.dialect, clock: fixedClock('2026-11-27'), mail: disabledMail, languageModel: disabledLanguageModel, actor: cliActor };
    await initPractice(ctx, { practice: 'Test Practice OT', owner_name: 'Olive Owner', owner_email: 'owner@practice.test', owner_password: 'long-enough-pw' });
    const laId = (await addOrganisation(ctx, { name: 'Northshire County Council', kind: 'local_authority' })).id;
    clientId = (await addClient(ctx, { name: 'Ada Testchild', dob: '2016-04-02' })).id;
    caseId = (
      await openCase(ctx, {
        client_id: clientId,
        service_line: 'paediatric',
        jurisdiction: 'england',
        ehcp: { la_org_id: laId, la_reference: 'NS/EHCP/0042', plan_issued_on: '2026-03-10', year_group: 'Year 5' },
      })
    ).id;
  });
  afterEach(async () => store?.close());

  const count = async (t: 'inbox_items' | 'inbox_files' | 'inbox_proposals' | 'correspondence') =>
    Number(
      (
        await store.db
          .selectFrom(t)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('links a review invitation to the child by name and DOB, logs it, keeps the original and proposes the plan update', async () => {
    const [r] = await importInbox(ctx, [{ name: 'invite.eml', bytes: invitation }]);
    expect(r).toMatchObject({ status: 'imported', category: 'ehcp_annual_review', client_id: clientId, match: 'name and date of birth' });
    const [item] = await listInbox(ctx);
    expect(item!.case_id).toBe(caseId);
    expect(item!.proposals.map((p) => [p.kind, p.rule_id])).toEqual([['ehcp_event', 'EHCP-AR-04']]);
    expect(await count('correspondence')).toBe(1);
    expect((await getOriginal(ctx, item!.id)).bytes.equals(Buffer.from(invitation))).toBe(true);
  });

  it('accepting the proposal sets the meeting and the engine makes the contribution deadline (meeting − 14 days)', async () => {
    await importInbox(ctx, [{ name: 'invite.eml', bytes: invitation }]);
    const [item] = await listInbox(ctx);
    const accepted = await acceptProposal(ctx, item!.proposals[0]!.id);
    expect(accepted.status).toBe('accepted');
    const plan = await store.db.selectFrom('ehcp_plans').selectAll().where('case_id', '=', caseId).executeTakeFirstOrThrow();
    expect(plan.next_review_meeting_on).toBe('2027-01-19');
    const task = await store.db.selectFrom('tasks').selectAll().where('rule_id', '=', 'EHCP-AR-04').where('case_id', '=', caseId).executeTakeFirstOrThrow();
    expect(task.due_on).toBe('2027-01-05');
    const timeline = JSON.stringify(await getEhcpTimeline(ctx, caseId));
    expect(timeline).toContain('2027-01-19');
    expect(timeline).toContain('2027-01-05');
    await expect(acceptProposal(ctx, item!.proposals[0]!.id)).rejects.toThrow(/already accepted/);
  });

  it('importing the same message twice (same bytes, or same Message-ID) adds nothing', async () => {
    await importInbox(ctx, [{ name: 'invite.eml', bytes: invitation }]);
    const before = [await count('inbox_items'), await count('inbox_proposals'), await count('correspondence'), await count('inbox_files')];
    const resent = Buffer.from(Buffer.from(invitation).toString('utf8').replace('Kind regards', 'Kind  regards'));
    const results = await importInbox(ctx, [
      { name: 'again.eml', bytes: invitation },
      { name: 'resent.eml', bytes: resent },
    ]);
    expect(results.map((r) => r.status)).toEqual(['duplicate', 'duplicate']);
    expect([await count('inbox_items'), await count('inbox_proposals'), await count('correspondence'), await count('inbox_files')]).toEqual(before);
  });

  it('a bad file is a per-file error that writes nothing, while the good file is imported', async () => {
    const results = await importInbox(ctx, [
      { name: 'empty.eml', bytes: new Uint8Array() },
      { name: 'junk.eml', bytes: Uint8Array.from({ length: 2048 }, (_, i) => i % 256) },
      { name: 'invite.eml', bytes: invitation },
    ]);
    expect(results.map((r) => r.status)).toEqual(['error', 'error', 'imported']);
    expect([await count('inbox_items'), await count('inbox_files'), await count('correspondence')]).toEqual([1, 1, 1]);
  });

  it('a task proposal can be edited on accept, and a rejected proposal changes nothing', async () => {
    const letter = Buffer.from(
      `Date: 20 November 2026\n\nDear Therapist\n\nChild: Ada Testchild DOB 02/04/2016\n\nWe would be grateful for a brief progress update on her progress by Friday 11 December 2026.\n\nYours sincerely\n\nDr A Hale\nGeneral Practitioner\nHollow Lane Medical Practice\n`,
    );
    await importInbox(ctx, [{ name: 'gp.txt', bytes: letter }]);
    const [item] = await listInbox(ctx);
    const task = item!.proposals.find((p) => p.kind === 'task')!;
    expect(task.due_on).toBe('2026-12-11');
    await acceptProposal(ctx, task.id, { due_on: '2026-12-09' });
    const row = await store.db.selectFrom('tasks').selectAll().where('trigger_ref', '=', item!.id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ due_on: '2026-12-09', client_id: clientId });
    await importInbox(ctx, [{ name: 'invite.eml', bytes: invitation }]);
    const pending = (await listInbox(ctx)).flatMap((i) => i.proposals).find((p) => p.status === 'pending')!;
    const tasksBefore = await store.db.selectFrom('tasks').select('id').execute();
    expect((await rejectProposal(ctx, pending.id, 'meeting already in diary')).status).toBe('rejected');
    expect((await store.db.selectFrom('tasks').select('id').execute()).length).toBe(tasksBefore.length);
    expect(await listInbox(ctx)).toEqual([]);
  });

  it('a referral for an unknown child proposes a new client; accepting creates it and links the letter', async () => {
    const referral = Buffer.from(
      `THE WILLOWS CLINIC\n\n24 November 2026\n\nDear Therapist\n\nRe: Milo NEWMAN   DOB: 03.05.2019\n\nI would be grateful if you would see this boy for an occupational therapy assessment. This is a new referral.\n\nYours sincerely\n\nDr P Rowe\n`,
    );
    const [r] = await importInbox(ctx, [{ name: 'ref.txt', bytes: referral }]);
    expect(r).toMatchObject({ category: 'new_referral', client_id: null });
    const p = (await listInbox(ctx))[0]!.proposals.find((x) => x.kind === 'new_client')!;
    await acceptProposal(ctx, p.id);
    const client = await store.db.selectFrom('clients').selectAll().where('name', '=', 'Milo Newman').executeTakeFirstOrThrow();
    expect(client.dob).toBe('2019-05-03');
    expect((await listInbox(ctx, { status: 'all' }))[0]!.client_id).toBe(client.id);
  });
});
