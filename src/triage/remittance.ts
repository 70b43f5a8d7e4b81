/**
 * What a remittance says was paid: the total, the date, the payer's reference and, line by
 * line, which invoice (or which client) each amount is for. Only amounts the document ties to
 * a payment are read; an invoice that is mentioned as queried, held or rejected is no line,
 * and a document whose amount paid is nil ("Amount payable: GBP 0.00") pays nothing.
 */
import type { LocalDate } from '../domain/calendar/local-date.js';
import type { ActionDate } from './actions.js';
import type { Reference } from './references.js';

export interface RemittanceLine {
  invoice_number: string | null;
  client_name: string | null;
  /** Null when the document names the invoice as paid without saying how much of it. */
  amount_pence: number | null;
}

export interface Remittance {
  /** The money received, in pence (the stated total, else the sum of the lines). */
  total_pence: number;
  paid_on: LocalDate | null;
  reference: string | null;
  method: 'bacs' | 'card' | 'cheque' | 'cash' | 'other';
  lines: RemittanceLine[];
}

const AMOUNT = /(?:£|GBP\s?)\s*(\d{1,3}(?:,\d{3})+(?:\.\d{1,2})?|\d+(?:\.\d{1,2})?)(?![\d,])/g;
const PAID_WORDS = /\b(?:paid|payment|remit\w*|settle[sd]?|settlement|bacs|cheque|transfer(?:red)?)\b/i;
const NOT_PAID =
  /\b(?:reject\w*|declin\w*|on hold|holding|quer(?:y|ied|ies)|dispute\w*|not (?:been )?paid|unpaid|outstanding|overdue|shortfall|not payable|still owed|chase)\b/i;

function pence(s: string): number {
  const [pounds, p = ''] = s.replace(/,/g, '').split('.');
  return Number(pounds) * 100 + Number(p.padEnd(2, '0') || 0);
}

function amounts(s: string): number[] {
  return [...s.matchAll(AMOUNT)].map((m) => pence(m[1]!));
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The stated amount of the whole payment; 0 when the document says nothing is paid; null when it does not say. */
function statedTotal(text: string): number | null {
  const nil = /\bamount (?:payable|paid)\s*:?\s*(?:£|GBP\s?)\s*0(?:\.00?)?\b/i.exec(text);
  if (nil) return 0;
  for (const line of text.split('\n')) {
    if (!/^\s*(?:total(?:\s+(?:paid|payment|remitted|amount(?: paid)?))?|amount (?:paid|remitted|of payment)|payment amount|total payment)\b/i.test(line))
      continue;
    const a = amounts(line);
    if (a.length) return a[a.length - 1]!;
  }
  for (const sentence of text.split(/(?<=[.?!])\s+|\n\s*\n/)) {
    if (!PAID_WORDS.test(sentence) || NOT_PAID.test(sentence)) continue;
    if (
      !/\b(?:we (?:have|will) (?:paid|pay|made|transferred|remitted)|(?:has|have) been (?:paid|made|transferred|remitted)|(?:enclose|payment of|paid you|paid the sum of|transferred)\b)/i.test(
        sentence,
      )
    )
      continue;
    const a = amounts(sentence);
    if (a.length === 1) return a[0]!;
  }
  return null;
}

function tableLines(rows: Record<string, string>[]): RemittanceLine[] {
  if (!rows.length) return [];
  const headers = Object.keys(rows[0]!);
  const invoiceCol = headers.find((h) => /invoice/i.test(h));
  const paidCol = headers.find((h) => /\b(?:paid|payment|remitted|settled)\b/i.test(h)) ?? headers.find((h) => /\b(?:amount|total)\b/i.test(h));
  const nameCol = headers.find((h) => /\b(?:member|patient|client)\b.*name|^name$|^member$|^patient$|^client$/i.test(h));
  if (!paidCol || (!invoiceCol && !nameCol)) return [];
  const out: RemittanceLine[] = [];
  for (const row of rows) {
    const inv = invoiceCol ? (row[invoiceCol] ?? '').split(/\s/)[0]!.trim() : '';
    const amount = amounts(row[paidCol] ?? '')[0] ?? null;
    if (amount === 0) continue;
    const name = nameCol ? (row[nameCol] ?? '').trim() || null : null;
    if (!inv && (!name || amount === null)) continue;
    out.push({ invoice_number: /\d/.test(inv) ? inv : null, client_name: name, amount_pence: amount });
  }
  return out;
}

/** An invoice named in running text: the amount on its own line, else in a sentence that says it was paid. */
function textLine(text: string, number: string): RemittanceLine | null {
  const re = new RegExp(String.raw`(?<![A-Z0-9])${escape(number)}(?![A-Z0-9])`, 'i');
  for (const line of text.split('\n')) {
    if (!re.test(line) || NOT_PAID.test(line)) continue;
    const a = amounts(line);
    if (a.length === 1 && line.length <= 120 && PAID_WORDS.test(line)) return { invoice_number: number, client_name: null, amount_pence: a[0]! };
  }
  for (const sentence of text.split(/(?<=[.?!])\s+|\n\s*\n/)) {
    if (!re.test(sentence)) continue;
    if (NOT_PAID.test(sentence) || !PAID_WORDS.test(sentence)) continue;
    const a = amounts(sentence);
    return { invoice_number: number, client_name: null, amount_pence: a.length === 1 ? a[0]! : null };
  }
  return null;
}

export function findRemittance(input: {
  text: string;
  rows: Record<string, string>[];
  references: Reference[];
  dates: ActionDate[];
  received: LocalDate | null;
}): Remittance | null {
  const { text } = input;
  const stated = statedTotal(text);
  if (stated === 0) return null;
  const lines = tableLines(input.rows);
  const listed = new Set(lines.map((l) => l.invoice_number).filter(Boolean));
  for (const ref of input.references) {
    if (ref.kind !== 'invoice_number' || listed.has(ref.value)) continue;
    const l = textLine(text, ref.value);
    if (l) lines.push(l);
  }
  const sum = lines.reduce((s, l) => s + (l.amount_pence ?? 0), 0);
  const total = stated ?? (sum > 0 ? sum : null);
  if (total === null || total <= 0) return null;
  // One invoice named as paid and one amount stated: that amount is for that invoice.
  if (lines.length === 1 && lines[0]!.amount_pence === null) lines[0]!.amount_pence = total;
  const reference =
    /\b(?:payment|remittance|bacs|transaction)\s+ref(?:erence)?\.?\s*(?:no\.?|number)?\s*[:#]?\s*([A-Z0-9][A-Z0-9/\-.]*\d[A-Z0-9/-]*)/i.exec(text)?.[1] ?? null;
  const method = /\bcheque\b/i.test(text)
    ? 'cheque'
    : /\b(?:bacs|bank transfer|faster payment|transferred)\b/i.test(text)
      ? 'bacs'
      : /\bcard\b/i.test(text)
        ? 'card'
        : 'bacs';
  const paidOn = input.dates.find((d) => d.role === 'payment_due')?.date ?? input.received;
  return { total_pence: total, paid_on: paidOn, reference, method, lines };
}
