/**
 * Identifiers in a document, by kind. A reference is found by its label ("Membership
 * number:", "Our ref:", "Claim No:") or by a shape nobody else uses (tribunal appeal
 * numbers, court claim numbers); the kind of an "Our ref" depends on who wrote it: a
 * council's is the LA reference, a solicitor's the claim reference, anyone else's is
 * their own file number and not listed.
 */
import { isValidNhsNumber } from '../domain/people/nhs-number.js';

export const REFERENCE_KINDS = ['la_ref', 'nhs_number', 'insurer_auth', 'policy_number', 'claim_ref', 'court_ref', 'tribunal_ref', 'invoice_number'] as const;
export type ReferenceKind = (typeof REFERENCE_KINDS)[number];
export interface Reference {
  kind: ReferenceKind;
  value: string;
}

export type SenderKind = 'council' | 'law' | 'insurer' | 'other';

// A reference value: letters and digits joined by / - . or one space before digits ("EHCNA 2026/0532").
const VALUE = String.raw`([A-Z0-9][A-Z0-9]*(?:(?:[\/\-.]|\s(?=\d{3,4}\/))[A-Z0-9]+)*)`;
const TRIBUNAL = /\b(EH\d{3}\/\d{2}\/\d{3,6})\b/g;
const COURT = /\b((?:KB|QB|HQ|CL|IL|BL|HC|PT)-?\d{4}-?\d{6}|[A-Z]\d{2}[A-Z]{2}\d{3}|\d[A-Z]{2}\d{5}|[A-Z]{2}\d{2}[A-Z]\d{5})\b/g;
// Two-part numbers ("MOT-2026-0388") and a prefix with a long counter ("INV-000012").
const INVOICE = /\binvoice(?:s)?(?:\s+(?:number|no\.?|ref(?:erence)?))?\s*[:#]?\s*,?\s*([A-Z]{2,6}[-/]?\d{2,4}[-/]\d{2,6}|[A-Z]{2,6}-\d{5,8})\b/gi;

function hasDigit(v: string): boolean {
  return /\d/.test(v) && v.length >= 4;
}

export interface ReferenceInput {
  text: string;
  subject: string;
  sender: SenderKind;
  /** Column-aligned table rows, header → cell. */
  rows: Record<string, string>[];
}

export function findReferences(input: ReferenceInput): Reference[] {
  const out = new Map<string, Reference>();
  const add = (kind: ReferenceKind, raw: string | undefined) => {
    if (!raw) return;
    const value = raw.trim().replace(/[.,;:)\]]+$/, '');
    if (!hasDigit(value)) return;
    if (kind === 'nhs_number') {
      const digits = value.replace(/[\s-]/g, '');
      if (!isValidNhsNumber(digits)) return;
      out.set(`${kind}:${digits}`, { kind, value: digits });
      return;
    }
    if (!out.has(`court_ref:${value}`) && !out.has(`tribunal_ref:${value}`)) out.set(`${kind}:${value}`, { kind, value });
  };
  const text = `${input.subject}\n${input.text}`;
  const lab = (labels: string, flags = 'gi') =>
    new RegExp(String.raw`\b(?:${labels})\b\.?\s*(?:no\.?|number|code|reference|ref\.?)?\s*[:#]?\s*` + VALUE, flags);

  for (const m of text.matchAll(/\bNHS\s*(?:number|no\.?|#)?\s*[:-]?\s*(\d{3}[\s-]?\d{3}[\s-]?\d{4})\b/gi)) add('nhs_number', m[1]);
  for (const m of text.matchAll(TRIBUNAL)) add('tribunal_ref', m[1]);
  for (const m of text.matchAll(COURT)) {
    // A court number shape after a claim label, or one of the unmistakable court formats.
    const before = text.slice(Math.max(0, m.index! - 40), m.index!);
    if (/court|claim\s*(?:no|number)|case\s*no|\bv\b|[-–]\s*$/i.test(before) || /^(?:KB|QB|HQ)-/.test(m[1]!))
      out.set(`court_ref:${m[1]}`, { kind: 'court_ref', value: m[1]! });
  }
  for (const m of text.matchAll(lab(String.raw`(?:pre-?)?authori[sz]ation|auth`, 'gi'))) {
    if (/^(?:valid|expires|ends|until|from)/i.test(m[1]!)) continue;
    add('insurer_auth', m[1]);
  }
  for (const m of text.matchAll(lab(String.raw`membership|policy|member\s+(?:no|number)`))) add('policy_number', m[1]);
  for (const m of text.matchAll(lab(String.raw`claim|insurer['’]s|compensator['’]s|claimant['’]s sols|claimant['’]s solicitors`))) {
    const v = m[1]!;
    if (out.has(`court_ref:${v}`)) continue;
    add('claim_ref', v);
  }
  for (const m of text.matchAll(new RegExp(String.raw`\b(?:Solicitors|LLP|sols)\b[^\n]{0,30}?\(?\bref\.?\s*[:#]?\s*` + VALUE, 'g'))) add('claim_ref', m[1]);
  // "Calloway Stead (ref CS/PL/0093)" in a letter about solicitors: the firm's claim reference.
  if (/\bsolicitors?\b/i.test(text)) {
    for (const m of text.matchAll(new RegExp(String.raw`\b[A-Z][a-z]+(?:\s+(?:&\s+)?[A-Z][a-z]+){0,3}\s+\(ref\.?\s*[:#]?\s*` + VALUE, 'g')))
      add('claim_ref', m[1]);
  }
  // "Insurer's ref: Calderbrook Insurance plc, MTR-2024-558213": the identifier later on the line.
  for (const m of text.matchAll(
    /\b(?:insurer|compensator|defendant)['’]s\s+(?:ref(?:erence)?|claim\s+(?:no|number))\.?\s*:[^\n]*?,\s*([A-Z0-9][A-Z0-9/-]+\d[A-Z0-9/-]*)/gi,
  ))
    add('claim_ref', m[1]);
  for (const m of text.matchAll(lab(String.raw`(?:LA|council|SEND|local authority)(?:['’]s)?\s*(?:case\s*)?`))) add('la_ref', m[1]);
  for (const m of text.matchAll(lab(String.raw`(?:[A-Z][a-z]+\s+)?SEND`, 'g'))) add('la_ref', m[1]);
  for (const m of text.matchAll(INVOICE)) add('invoice_number', m[1]);
  // "Our ref": whose reference it is depends on who writes.
  if (input.sender === 'council' || input.sender === 'law') {
    const kind: ReferenceKind = input.sender === 'council' ? 'la_ref' : 'claim_ref';
    for (const m of text.matchAll(new RegExp(String.raw`\b(?:our|my)\s+ref(?:erence)?\.?\s*[:#]?\s*` + VALUE, 'gi'))) add(kind, m[1]);
    if (input.sender === 'council') for (const m of text.matchAll(new RegExp(String.raw`^\s*ref(?:erence)?\.?\s*:\s*` + VALUE, 'gim'))) add(kind, m[1]);
    // A reference quoted in a council or law firm's subject line in brackets is theirs.
    for (const m of input.subject.matchAll(new RegExp(String.raw`[[(]` + VALUE + String.raw`[\])]`, 'g'))) if (/[/-]/.test(m[1]!)) add(kind, m[1]);
  }
  // Table columns: membership → policy, claim → claim, invoice → invoice.
  for (const row of input.rows) {
    for (const [h, v] of Object.entries(row)) {
      const cell = v.split(/\s/)[0]!;
      if (!/^[A-Z0-9]/i.test(cell)) continue;
      if (/membership|policy/i.test(h)) add('policy_number', cell);
      else if (/^claim\b(?!ed)/i.test(h)) add('claim_ref', cell);
      else if (/invoice/i.test(h)) add('invoice_number', cell);
      else if (/auth/i.test(h)) add('insurer_auth', cell);
    }
  }
  // The same identifier in another kind's shape wins once, in this order of specificity.
  const seen = new Set<string>();
  const order: ReferenceKind[] = ['tribunal_ref', 'court_ref', 'nhs_number', 'insurer_auth', 'policy_number', 'invoice_number', 'la_ref', 'claim_ref'];
  const result: Reference[] = [];
  for (const kind of order) {
    for (const r of out.values()) {
      if (r.kind !== kind || seen.has(r.value)) continue;
      seen.add(r.value);
      result.push(r);
    }
  }
  return result;
}

/** Whitespace-aligned tables (remittances, statements): each row as header → cell. */
export function findTableRows(text: string): Record<string, string>[] {
  const lines = text.split('\n');
  const rows: Record<string, string>[] = [];
  for (let i = 0; i < lines.length; i++) {
    const headers = lines[i]!.trim().split(/\s{2,}/);
    if (headers.length < 3 || !headers.every((h) => /^[A-Za-z][A-Za-z .'’]*$/.test(h))) continue;
    let j = i + 1;
    if (/^[\s-]+$/.test(lines[j] ?? '') && (lines[j] ?? '').includes('---')) j++;
    for (; j < lines.length; j++) {
      const line = lines[j]!;
      if (!line.trim() || /^\s/.test(line)) break;
      const cells = line.trim().split(/\s{2,}/);
      if (cells.length < headers.length - 1) break;
      const row: Record<string, string> = {};
      headers.forEach((h, k) => (row[h] = cells[k] ?? ''));
      rows.push(row);
    }
  }
  return rows;
}
