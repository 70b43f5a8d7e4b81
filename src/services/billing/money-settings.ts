/**
 * The practice's money settings (defaults in domain/money/settings.ts, overrides stored in
 * money_settings) and the invoice number counters. Numbers come from a counter, never from
 * "the highest so far", so a void or deleted-by-accident invoice can never give its number away.
 */
import type { z } from 'zod';
import { parseInput } from '../../contract/common.js';
import { moneySettingsInput } from '../../contract/money.js';
import { invalid } from '../../domain/errors.js';
import { settingsFromRows, SCALAR_SETTINGS, validateLadder } from '../../domain/money/settings.js';
import type { FunderKind } from '../../domain/vocabulary.js';
import { requirePermission } from '../access.js';
import { appendAudit } from '../audit/append-audit.js';
import type { Db, ServiceContext } from '../context.js';

export type LoadedMoneySettings = ReturnType<typeof settingsFromRows>;

export async function loadMoneySettings(db: Db): Promise<LoadedMoneySettings> {
  const rows = await db.selectFrom('money_settings').selectAll().where('name', 'not like', 'seq:%').execute();
  return settingsFromRows(rows.map((r) => ({ name: r.name, value: Number(r.value) })));
}

export function termsDaysFor(s: LoadedMoneySettings, payerKind: FunderKind, orgId: string | null): number {
  return (orgId && s.org_terms_days[orgId] !== undefined ? s.org_terms_days[orgId] : s.terms_days[payerKind]) ?? 30;
}

export async function getMoneySettings(ctx: ServiceContext) {
  return loadMoneySettings(ctx.db);
}

async function put(db: Db, name: string, value: number): Promise<void> {
  await db
    .insertInto('money_settings')
    .values({ name, value })
    .onConflict((oc) => oc.column('name').doUpdateSet({ value }))
    .execute();
}

export async function updateMoneySettings(ctx: ServiceContext, input: z.input<typeof moneySettingsInput>) {
  requirePermission(ctx.actor, 'money_settings.change');
  const data = parseInput(moneySettingsInput, input);
  await ctx.db.transaction().execute(async (trx) => {
    const merged = {
      ...(await loadMoneySettings(trx)),
      ...Object.fromEntries(Object.entries(data).filter(([k]) => (SCALAR_SETTINGS as readonly string[]).includes(k))),
    };
    const ladder = validateLadder(merged);
    if (ladder) throw invalid(ladder, 'chase_firm_days');
    for (const k of SCALAR_SETTINGS) if (data[k] !== undefined) await put(trx, k, data[k]);
    for (const [k, v] of Object.entries(data.terms_days ?? {})) if (v !== undefined) await put(trx, `terms_days:${k}`, v);
    for (const [orgId, v] of Object.entries(data.org_terms_days ?? {})) {
      const org = await trx.selectFrom('organisations').select('id').where('id', '=', orgId).executeTakeFirst();
      if (!org) throw invalid(`No organisation with id ${orgId}.`, 'org_terms_days');
      await put(trx, `terms_days:org:${orgId}`, v);
    }
    await appendAudit(trx, ctx, { action: 'update', entity: 'money_settings', detail: Object.keys(data).join(',') });
  });
  return loadMoneySettings(ctx.db);
}

/** Takes the next number of a series inside the caller's transaction (row-locked on PostgreSQL). */
export async function nextSequence(db: Db, series: 'invoice' | 'credit_note'): Promise<number> {
  const name = `seq:${series}`;
  await db
    .insertInto('money_settings')
    .values({ name, value: 0 })
    .onConflict((oc) => oc.column('name').doNothing())
    .execute();
  const row = await db
    .updateTable('money_settings')
    .set((eb) => ({ value: eb('value', '+', 1) }))
    .where('name', '=', name)
    .returning('value')
    .executeTakeFirstOrThrow();
  return Number(row.value);
}

/** The next free number for a series: skips any number typed in by hand earlier. */
export async function nextInvoiceNumber(db: Db, series: 'invoice' | 'credit_note', prefix: string): Promise<string> {
  for (;;) {
    const n = await nextSequence(db, series);
    const number = `${series === 'credit_note' ? 'CN-' : prefix}${String(n).padStart(6, '0')}`;
    const taken = await db.selectFrom('invoices').select('id').where('number', '=', number).executeTakeFirst();
    if (!taken) return number;
  }
}
