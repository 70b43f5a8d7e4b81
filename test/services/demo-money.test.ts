/**
 * The demo practice's money: invoices to insurers and solicitors from the demo's
 * attended sessions, debt in every age bucket, part payments, a remittance paying several
 * invoices, a credit kept, a fee deferred to settlement, and invoice numbers that carry on.
 */
import { disabledLanguageModel } from '../../src/adapters/disabled-language-model.js';
import { disabledMail } from '../../src/adapters/disabled-mail.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/adapters/system-clock.js';
import type { Store } from '../../src/db/connect.js';
import { agedDebt } from '../../src/services/billing/aged-debt.js';
import { createInvoice } from '../../src/services/billing/create-invoice.js';
import { cliActor, type ServiceContext } from '../../src/services/context.js';
import { buildDemoPractice } from '../../src/services/demo/build-demo-practice.js';
import { DIALECTS, freshStore } from '../support/stores.js';

const TODAY = '2026-11-27';

describe.each(DIALECTS)('demo money on %s', (dialect) => {
  let store: Store;
  let ctx: ServiceContext;
  beforeEach(async () => {
    store = await freshStore(dialect);
    ctx = { db: store.db, dialect: store.dialect, clock: fixedClock(TODAY), mail: disabledMail, languageModel: disabledLanguageModel, actor: cliActor };
    await buildDemoPractice(ctx, { seed: 3, today: TODAY });
  });
  afterEach(async () => {
    await store.close();
  });

  it('bills insurers and solicitors, with debt in every bucket past due, a deferred fee held apart and a credit kept', async () => {
    const invoices = await ctx.db.selectFrom('invoices').selectAll().execute();
    const kinds = new Set(invoices.map((i) => i.payer_kind));
    expect(kinds).toContain('insurer');
    expect(kinds).toContain('solicitor');
    // Every invoice adds up: lines = total; total = paid + outstanding.
    for (const i of invoices) expect(Number(i.total_pence)).toBe(Number(i.paid_pence) + Number(i.outstanding_pence));
    const debt = await agedDebt(ctx);
    expect(debt.days_1_30).toBeGreaterThan(0);
    expect(debt.days_31_60 + debt.days_61_90 + debt.days_90_plus).toBeGreaterThan(0);
    expect(debt.total).toBe(debt.current + debt.days_1_30 + debt.days_31_60 + debt.days_61_90 + debt.days_90_plus);
    expect(debt.deferred.invoices).toBeGreaterThanOrEqual(1);
    expect(invoices.some((i) => Number(i.paid_pence) > 0 && Number(i.outstanding_pence) > 0)).toBe(true);
    const allocations = await ctx.db.selectFrom('payment_allocations').select(['payment_id']).execute();
    const perPayment = new Map<string, number>();
    for (const a of allocations) perPayment.set(a.payment_id, (perPayment.get(a.payment_id) ?? 0) + 1);
    expect(Math.max(...perPayment.values())).toBeGreaterThanOrEqual(2);
    expect(debt.credits.total).toBeGreaterThan(0);
  });

  it('leaves the current month unbilled, and the next invoice number follows the demo’s last', async () => {
    const numbers = (await ctx.db.selectFrom('invoices').select('number').execute()).map((r) => r.number).sort();
    const unbilled = await ctx.db
      .selectFrom('sessions')
      .innerJoin('cases', 'cases.id', 'sessions.case_id')
      .select(['sessions.case_id'])
      .where('cases.funder_kind', '=', 'insurer')
      .where('sessions.attendance', '=', 'attended')
      .where('sessions.kind', 'in', ['assessment', 'therapy', 'review'])
      .where('sessions.on_date', '>=', '2026-11-01')
      .where((eb) => eb.not(eb.exists(eb.selectFrom('invoice_lines').select('invoice_lines.id').whereRef('invoice_lines.session_id', '=', 'sessions.id'))))
      .executeTakeFirst();
    expect(unbilled).toBeDefined();
    const made = await createInvoice(ctx, { case_id: unbilled!.case_id });
    expect(numbers).not.toContain(made.invoice.number);
    expect(made.invoice.number).toBe(`MOT-${String(numbers.length + 1).padStart(6, '0')}`);
  });
});
