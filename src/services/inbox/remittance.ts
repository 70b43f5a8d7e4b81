/**
 * A remittance read from the inbox becomes a proposed payment: each amount goes to the open
 * invoice it names (by number first, then a client's single open invoice of exactly that
 * amount). Nothing is guessed: an amount that matches no invoice stays unallocated and is
 * listed with the reason, and what is more than an invoice owes stays as the payer's credit,
 * exactly as the billing service keeps it.
 */
import { formatPounds } from '../../domain/money/pence.js';
import type { Db } from '../context.js';
import type { TriageRecord } from './triage-files.js';

export interface PlannedAllocation {
  invoice_id: string;
  number: string;
  client_name: string;
  amount_pence: number;
  outstanding_pence: number;
  matched_by: 'invoice number' | 'client and amount';
}

export interface UnallocatedAmount {
  label: string;
  amount_pence: number | null;
  reason: string;
}

export interface RemittancePayload {
  amount_pence: number;
  received_on: string | null;
  payer_org_id: string | null;
  client_id: string | null;
  payer_name: string;
  method: string;
  reference: string;
  allocations: PlannedAllocation[];
  unallocated: UnallocatedAmount[];
  /** Kept as the payer's credit on the payment: amount − allocations. */
  credit_pence: number;
}

interface Candidate {
  id: string;
  number: string;
  client_id: string;
  client_name: string;
  payer_org_id: string | null;
  payer_kind: string;
  payer_name: string;
  status: string;
  kind: string;
  outstanding_pence: number;
}

interface Payer {
  org: string | null;
  client: string | null;
  name: string;
}

const norm = (s: string) =>
  s
    .toLowerCase()
    .replace(/^(?:mr|mrs|ms|miss|mx|dr)\.?\s+/, '')
    .replace(/\s+/g, ' ')
    .trim();

function invoices(db: Db) {
  return db
    .selectFrom('invoices')
    .innerJoin('clients', 'clients.id', 'invoices.client_id')
    .select([
      'invoices.id',
      'invoices.number',
      'invoices.client_id',
      'clients.name as client_name',
      'invoices.payer_org_id',
      'invoices.payer_kind',
      'invoices.payer_name',
      'invoices.status',
      'invoices.kind',
      'invoices.outstanding_pence',
    ]);
}

const payerOf = (i: Candidate): Payer =>
  i.payer_org_id ? { org: i.payer_org_id, client: null, name: i.payer_name } : { org: null, client: i.client_id, name: i.payer_name };
const samePayer = (i: Candidate, p: Payer) => (p.org ? i.payer_org_id === p.org : !i.payer_org_id && i.payer_kind === 'self_pay' && i.client_id === p.client);

export async function planRemittance(db: Db, r: TriageRecord, link: { client_id: string | null }): Promise<RemittancePayload | null> {
  const rem = r.remittance;
  if (!rem) return null;
  const sender = r.sender_org
    ? await db
        .selectFrom('organisations')
        .select(['id', 'name'])
        .where((eb) => eb(eb.fn('lower', ['name']), '=', r.sender_org!.toLowerCase()))
        .executeTakeFirst()
    : undefined;
  let payer: Payer | null = sender ? { org: sender.id, client: null, name: sender.name } : null;
  const allocations: PlannedAllocation[] = [];
  const unallocated: UnallocatedAmount[] = [];
  const used = new Map<string, number>();
  let left = rem.total_pence;
  const owes = (i: Candidate) => Number(i.outstanding_pence) - (used.get(i.id) ?? 0);
  const allocate = (i: Candidate, amount: number, by: PlannedAllocation['matched_by']) => {
    allocations.push({
      invoice_id: i.id,
      number: i.number,
      client_name: i.client_name,
      amount_pence: amount,
      outstanding_pence: Number(i.outstanding_pence),
      matched_by: by,
    });
    used.set(i.id, (used.get(i.id) ?? 0) + amount);
    left -= amount;
  };
  const refuse = (i: Candidate): string | null => {
    if (i.kind !== 'invoice') return `${i.number} is a credit note`;
    if (i.status !== 'issued') return `${i.number} is ${i.status}`;
    if (owes(i) <= 0) return `${i.number} is already paid in full`;
    if (payer && !samePayer(i, payer)) return `${i.number} is billed to ${i.payer_name}, not ${payer.name}`;
    return null;
  };

  // By invoice number: amounts the document states first, then those it leaves unsaid.
  const unsaid: { line: (typeof rem.lines)[number]; inv: Candidate }[] = [];
  const byNumber = rem.lines.filter((l) => l.invoice_number);
  for (const line of byNumber) {
    const label = `${line.invoice_number}${line.client_name ? ` (${line.client_name})` : ''}`;
    const inv = (await invoices(db).where('invoices.number', '=', line.invoice_number!).executeTakeFirst()) as Candidate | undefined;
    if (!inv) {
      unallocated.push({ label, amount_pence: line.amount_pence, reason: 'no invoice with this number' });
      continue;
    }
    const why = refuse(inv);
    if (why) {
      unallocated.push({ label, amount_pence: line.amount_pence, reason: why });
      continue;
    }
    payer ??= payerOf(inv);
    if (line.amount_pence === null) {
      unsaid.push({ line, inv });
      continue;
    }
    const owed = owes(inv);
    const take = Math.min(line.amount_pence, owed, left);
    if (take > 0) allocate(inv, take, 'invoice number');
    if (line.amount_pence > take)
      unallocated.push({
        label,
        amount_pence: line.amount_pence - take,
        reason: take === owed ? `more than the ${formatPounds(owed)} ${inv.number} owed` : 'more than what is left of the payment',
      });
  }
  const statedUnmatched = unallocated.reduce((s, u) => s + (u.amount_pence ?? 0), 0);
  const room = Math.max(0, left - statedUnmatched);
  if (unsaid.length === 1) {
    const { inv } = unsaid[0]!;
    const take = Math.min(room, owes(inv));
    if (take > 0) allocate(inv, take, 'invoice number');
    else unallocated.push({ label: inv.number, amount_pence: null, reason: 'nothing of the payment is left for it' });
  } else if (unsaid.length > 1) {
    const whole = unsaid.reduce((s, u) => s + owes(u.inv), 0);
    // Several invoices named without amounts are paid in full only when the money is exactly that.
    if (whole === room) for (const u of unsaid) allocate(u.inv, owes(u.inv), 'invoice number');
    else
      for (const u of unsaid)
        unallocated.push({
          label: u.inv.number,
          amount_pence: null,
          reason: `the amount for each invoice is not stated (${formatPounds(room)} for ${formatPounds(whole)} owed)`,
        });
  }

  // By client and amount: a named client's one open invoice of exactly that amount.
  const byClient: { name: string | null; clientId: string | null; amount: number }[] = rem.lines
    .filter((l) => !l.invoice_number && l.amount_pence !== null)
    .map((l) => ({ name: l.client_name, clientId: null, amount: l.amount_pence! }));
  if (rem.lines.length === 0 && link.client_id) byClient.push({ name: r.client?.name ?? null, clientId: link.client_id, amount: rem.total_pence });
  for (const want of byClient) {
    const label = want.name ?? 'payment';
    let q = invoices(db).where('invoices.kind', '=', 'invoice').where('invoices.status', '=', 'issued').where('invoices.outstanding_pence', '=', want.amount);
    if (want.clientId) q = q.where('invoices.client_id', '=', want.clientId);
    const found = ((await q.execute()) as Candidate[]).filter(
      (i) => owes(i) === want.amount && (want.clientId || (want.name && norm(i.client_name) === norm(want.name))) && (!payer || samePayer(i, payer)),
    );
    if (found.length === 1 && want.amount <= left) {
      payer ??= payerOf(found[0]!);
      allocate(found[0]!, want.amount, 'client and amount');
    } else
      unallocated.push({
        label,
        amount_pence: want.amount,
        reason:
          found.length > 1
            ? `${found.length} open invoices of ${formatPounds(want.amount)}: choose by hand`
            : `no open invoice of ${formatPounds(want.amount)}${want.name ? ` for ${want.name}` : ''}`,
      });
  }

  // A payment has to come from someone: without a known payer there is nothing to record.
  if (!payer) return null;
  return {
    amount_pence: rem.total_pence,
    received_on: rem.paid_on,
    payer_org_id: payer.org,
    client_id: payer.org ? null : payer.client,
    payer_name: payer.name,
    method: rem.method,
    reference: rem.reference ?? '',
    allocations,
    unallocated,
    credit_pence: rem.total_pence - allocations.reduce((s, a) => s + a.amount_pence, 0),
  };
}

export function remittanceTitle(p: RemittancePayload): string {
  const paid = p.allocations.map((a) => `${formatPounds(a.amount_pence)} to ${a.number}`).join(', ');
  return `Payment ${formatPounds(p.amount_pence)} from ${p.payer_name}: ${paid || 'no invoice matched'}${p.credit_pence > 0 ? `; ${formatPounds(p.credit_pence)} unallocated` : ''}`;
}
