/** The demo practice's inbox: real imports waiting for a decision, and they can be decided. */
import { disabledLanguageModel } from '../../src/adapters/disabled-language-model.js';
import { disabledMail } from '../../src/adapters/disabled-mail.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/adapters/system-clock.js';
import type { Store } from '../../src/db/connect.js';
import { cliActor, type ServiceContext } from '../../src/services/context.js';
import { buildDemoPractice } from '../../src/services/demo/build-demo-practice.js';
import { acceptProposal, listInbox } from '../../src/services/inbox/inbox.js';
import type { RemittancePayload } from '../../src/services/inbox/remittance.js';
import { DIALECTS, freshStore } from '../support/stores.js';

describe.each(DIALECTS)('demo inbox on %s', (dialect) => {
  let store: Store;
  let ctx: ServiceContext;
  beforeEach(async () => {
    store = await freshStore(dialect);
    ctx = { db: store.db, dialect: store.dialect, clock: fixedClock('2026-11-27'), mail: disabledMail, languageModel: disabledLanguageModel, actor: cliActor };
    await buildDemoPractice(ctx, { seed: 3, today: '2026-11-27' });
  });
  afterEach(async () => store?.close());

  it('holds a review invitation, an insurer authorisation and a remittance, each linked and with a pending proposal', async () => {
    const items = await listInbox(ctx);
    expect(items.map((i) => i.category).sort()).toEqual(['ehcp_annual_review', 'insurer_authorisation', 'payment']);
    const kinds = Object.fromEntries(items.map((i) => [i.category, i.proposals.map((p) => p.kind)]));
    expect(kinds.ehcp_annual_review).toEqual(['ehcp_event']);
    expect(kinds.insurer_authorisation).toContain('authorisation');
    expect(kinds.payment).toEqual(['payment']);
    for (const i of items.filter((x) => x.category !== 'payment')) expect(i.match).toBe('name and date of birth');
  });

  it('accepting the demo remittance pays exactly the planned amounts on the demo invoices', async () => {
    const item = (await listInbox(ctx)).find((i) => i.category === 'payment')!;
    const p = item.proposals[0]!;
    const plan = p.payload as unknown as RemittancePayload;
    expect(plan.allocations.length).toBeGreaterThan(0);
    const before = await store.db
      .selectFrom('invoices')
      .select(['id', 'outstanding_pence'])
      .where(
        'id',
        'in',
        plan.allocations.map((a) => a.invoice_id),
      )
      .execute();
    await acceptProposal(ctx, p.id);
    for (const a of plan.allocations) {
      const now = await store.db.selectFrom('invoices').select('outstanding_pence').where('id', '=', a.invoice_id).executeTakeFirstOrThrow();
      expect(Number(now.outstanding_pence)).toBe(Number(before.find((b) => b.id === a.invoice_id)!.outstanding_pence) - a.amount_pence);
    }
  });
});
