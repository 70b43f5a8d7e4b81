import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createInvoice } from '../../src/services/billing/create-invoice.js';
import { getInvoice } from '../../src/services/billing/get-invoice.js';
import { openCase } from '../../src/services/cases/open-case.js';
import { addClient } from '../../src/services/clients/add-client.js';
import type { ServiceContext } from '../../src/services/context.js';
import { acceptProposal, importInbox, listInbox, rejectProposal } from '../../src/services/inbox/inbox.js';
import type { RemittancePayload } from '../../src/services/inbox/remittance.js';
import { addOrganisation } from '../../src/services/organisations/add-organisation.js';
import { addSession } from '../../src/services/sessions/add-session.js';
import { DIALECTS } from '../support/stores.js';
import { remittanceLetter } from './remittance-letter.js';
import { as, openTestDb, rowCounts, seedPractice, type Seeded, type TestDb } from './support.js';

describe.each(DIALECTS)('inbox remittances on %s', (dialect) => {
  let t: TestDb;
  let ctx: ServiceContext;
  let people: Seeded;
  let invoices: { number: string; outstanding_pence: number }[];

  beforeEach(async () => {
    t = await openTestDb(dialect);
    ctx = t.ctx;
    people = await seedPractice(ctx);
    const bupa = (await addOrganisation(ctx, { name: 'Bupa', kind: 'insurer' })).id;
    invoices = [];
    for (const [name, dob] of [
      ['Ada Example', '1980-02-03'],
      ['Ben Example', '1975-06-07'],
    ] as const) {
      const client = (await addClient(ctx, { name, dob })).id;
      const c = await openCase(ctx, {
        client_id: client,
        service_line: 'adult_neuro',
        funder_org_id: bupa,
        opened_on: '2026-08-20',
        authorisation: {
          insurer_org_id: bupa,
          membership_number: 'MEM1234567',
          authorisation_code: `AUTH-${name.slice(0, 3)}`,
          sessions_authorised: 6,
          valid_from: '2026-09-01',
          valid_until: '2026-12-20',
        },
      });
      await addSession(ctx, { case_id: c.id, on_date: '2026-09-10', duration_minutes: 60, kind: 'therapy' });
      invoices.push((await createInvoice(ctx, { case_id: c.id, issued_on: '2026-09-11' })).invoice);
    }
  });
  afterEach(async () => t?.store.close());

  async function importRemittance(letter: Buffer) {
    const [r] = await importInbox(ctx, [{ name: 'remittance.txt', bytes: letter }]);
    expect(r).toMatchObject({ status: 'imported', category: 'payment' });
    const [item] = await listInbox(ctx);
    const proposal = item!.proposals.find((p) => p.kind === 'payment')!;
    return { item: item!, proposal, plan: proposal.payload as unknown as RemittancePayload };
  }

  it('a remittance covering several invoices proposes each amount against its invoice by number; accepting records one payment with those allocations', async () => {
    const [a, b] = invoices;
    const { item, proposal, plan } = await importRemittance(
      remittanceLetter([
        { member: 'Ada Example', invoice: a!.number, paid: a!.outstanding_pence },
        { member: 'Ben Example', invoice: b!.number, paid: b!.outstanding_pence - 1000 },
      ]),
    );
    // The payment date is the payment itself, not a task; a letter about two clients is logged on neither.
    expect(item.proposals.map((p) => p.kind)).toEqual(['payment']);
    expect(item).toMatchObject({ client_id: null, match: 'several clients (2)' });
    expect(plan).toMatchObject({
      amount_pence: a!.outstanding_pence + b!.outstanding_pence - 1000,
      payer_name: 'Bupa',
      received_on: '2026-11-24',
      reference: 'BUPA-REM-26-5512',
      unallocated: [],
      credit_pence: 0,
    });
    expect(plan.allocations.map((x) => [x.number, x.amount_pence, x.matched_by])).toEqual([
      [a!.number, a!.outstanding_pence, 'invoice number'],
      [b!.number, b!.outstanding_pence - 1000, 'invoice number'],
    ]);
    expect(proposal.title).toContain(`to ${a!.number}`);

    const accepted = await acceptProposal(ctx, proposal.id);
    expect(accepted.outcome).toMatch(/^payment /);
    const payments = await t.store.db.selectFrom('payments').selectAll().execute();
    expect(payments).toHaveLength(1);
    expect(payments[0]).toMatchObject({ payer_name: 'Bupa', received_on: '2026-11-24', reference: 'BUPA-REM-26-5512', method: 'bacs' });
    expect(Number(payments[0]!.unallocated_pence)).toBe(0);
    expect((await getInvoice(ctx, a!.number)).outstanding_pence).toBe(0);
    expect((await getInvoice(ctx, b!.number)).outstanding_pence).toBe(1000);
  });

  it('an unknown invoice number is left unallocated and shown as such; its money stays as the payer’s credit', async () => {
    const [a] = invoices;
    const { proposal, plan } = await importRemittance(
      remittanceLetter([
        { member: 'Ada Example', invoice: a!.number, paid: a!.outstanding_pence },
        { member: 'Ben Example', invoice: 'INV-000099', paid: 4000 },
      ]),
    );
    expect(plan.allocations.map((x) => x.number)).toEqual([a!.number]);
    expect(plan.unallocated).toEqual([{ label: 'INV-000099 (Ben Example)', amount_pence: 4000, reason: 'no invoice with this number' }]);
    expect(plan.credit_pence).toBe(4000);
    expect(proposal.title).toMatch(/£40\.00 unallocated/);
    await acceptProposal(ctx, proposal.id);
    const [payment] = await t.store.db.selectFrom('payments').selectAll().execute();
    expect(Number(payment!.unallocated_pence)).toBe(4000);
    expect(await t.store.db.selectFrom('payment_allocations').select('invoice_id').execute()).toHaveLength(1);
  });

  it('paying more than an invoice owes allocates what it owes and keeps the rest as credit', async () => {
    const [a] = invoices;
    const { plan } = await importRemittance(remittanceLetter([{ member: 'Ada Example', invoice: a!.number, paid: a!.outstanding_pence + 2500 }]));
    expect(plan.allocations.map((x) => x.amount_pence)).toEqual([a!.outstanding_pence]);
    expect(plan.unallocated[0]).toMatchObject({ amount_pence: 2500, reason: expect.stringContaining('more than the') });
    expect(plan.credit_pence).toBe(2500);
  });

  it('accepting twice is impossible, and a clinician may not record the payment', async () => {
    const [a] = invoices;
    const { proposal } = await importRemittance(remittanceLetter([{ member: 'Ada Example', invoice: a!.number, paid: a!.outstanding_pence }]));
    const before = await rowCounts(t.store.db);
    await expect(acceptProposal(as(ctx, people.clinician), proposal.id)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(await rowCounts(t.store.db)).toEqual(before);
    await acceptProposal(as(ctx, people.admin), proposal.id);
    await expect(acceptProposal(as(ctx, people.admin), proposal.id)).rejects.toThrow(/already accepted/);
    expect(await t.store.db.selectFrom('payments').selectAll().execute()).toHaveLength(1);
    expect(await t.store.db.selectFrom('payment_allocations').selectAll().execute()).toHaveLength(1);
  });

  it('rejecting the proposal records no payment and leaves the invoices owing', async () => {
    const [a] = invoices;
    const { proposal } = await importRemittance(remittanceLetter([{ member: 'Ada Example', invoice: a!.number, paid: a!.outstanding_pence }]));
    await rejectProposal(ctx, proposal.id, 'paid by cheque instead');
    expect(await t.store.db.selectFrom('payments').selectAll().execute()).toHaveLength(0);
    expect((await getInvoice(ctx, a!.number)).outstanding_pence).toBe(a!.outstanding_pence);
  });

  it('a rejection notice (amount payable £0.00) proposes no payment', async () => {
    const notice = Buffer.from(
      `INVOICE REJECTION NOTICE\n\nDate: 20/11/2026\n\nMember:              Ms Ada Example\nDate of birth:       03/02/1980\nMembership number:   MEM1234567\nInvoice number:      ${invoices[0]!.number}\nAmount invoiced:     GBP 90.00\nAmount payable:      GBP 0.00\n\nReason for rejection:\nThe treatment fell after the authorisation ended. The payment will not be made.\n\nBupa\n`,
    );
    await importInbox(ctx, [{ name: 'rejected.txt', bytes: notice }]);
    const [item] = await listInbox(ctx, { status: 'all' });
    expect(item!.category).toBe('payment');
    expect(item!.proposals.filter((p) => p.kind === 'payment')).toEqual([]);
  });
});
