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
// County Court claim numbers ("K5QZ2218", "F00MA123"), High Court ("KB-2026-000123") and older shapes.
const COURT = /\b((?:KB|QB|HQ|CL|IL|BL|HC|PT)-?\d{4}-?\d{6}|[A-Z]\d{1,2}[A-Z]{2}\d{3,4}|\d[A-Z]{2}\d{5}|[A-Z]{2}\d{2}[A-Z]\d{5})\b/g;
// A local authority's SEND case reference carries SEN, SEND, EHC or EHCP between its parts
// ("WYV SEN 2026 0297", "OMBC.SEN.26.0841", "SEN\\25\\2290", "LBE-EHCP/2026-1142").
// Disabled Facilities Grant references likewise carry DFG ("rbk/dfg/26/0412", "HIA-DFG 26/0077").
const SEND_CASE =
  /(?<![\w/\\.-])((?:[A-Z]{2,5} |(?:[A-Za-z]{2,6}[./\\-]){1,2})?(?:SEN|SEND|EHC|EHCP|EHCNA|DFG|sen|send|ehc|ehcp|dfg)(?:[./\\-][A-Za-z]{2,4})?[ ./\\-]\d{2,6}(?:[ ./\\-]\d{2,6})*)\b(?![./\\-]\w)/g;
// A labelled value: one token, then further upper-case or digit tokens after single spaces ("HA 26/1187", "AVH 6620019843").
const LABELLED_VALUE = String.raw`([A-Za-z0-9]+(?:[\/\\.-][A-Za-z0-9]+)*(?: (?:[A-Z]{2,6}|\d[\dA-Z]*)(?:[\/\\.-][A-Z0-9]+)*)*)`;
// "Our ref:", "Claimant's solicitors' ref:", "Authorisation code:", "NHS no. ......", "(their ref …)".
// Case-sensitive so that a value's upper-case parts are told from the sentence's words.
const LABEL = new RegExp(
  String.raw`((?:\b[A-Za-z][A-Za-z'’]*\.?[ \t]+){0,4}?)\b([Rr]ef(?:erence)?|REF(?:ERENCE)?|[Nn]o|NO|[Nn]umber|NUMBER|[Cc]ode|CODE|ID|[Qq]uoted)\b\.?(?:[ \t]*\.{2,}[ \t]*|[ \t]*[:#][ \t]*|[ \t]+(?:for [^.\n]{0,30}? )?is[ \t]+|[ \t]+)` +
    LABELLED_VALUE,
  'g',
);

/** The kind a label gives its value, or null when such identifiers are not listed. */
function labelKind(label: string, before: string, sender: SenderKind): ReferenceKind | 'court_or_claim' | null {
  const l = label.toLowerCase();
  if (/\byour\b/.test(l)) return null; // the practice's own reference, quoted back to it
  if (
    /\b(?:po|purchase|order|payment|bacs|remittance|transaction|supplier|account|provider|message|access to work|atw|doc|vat|company|charity|kcm|oh|file|phone|tel|mobile)\b/.test(
      l,
    )
  )
    return null;
  if (/\b(?:access to work|atw|dwp)\b[^\n]{0,30}$/i.test(before)) return null;
  if (/\bnhs\b(?!r| resolution)/.test(l)) return 'nhs_number';
  if (/\b(?:appeal|tribunal)\b/.test(l)) return 'tribunal_ref';
  if (/\binvoice\b/.test(l)) return 'invoice_number';
  // The plan's reference is the local authority's, whoever quotes it.
  if (/\b(?:ehcp?|ehc plan|idp|local authority|la|council|borough)\b/.test(l)) return sender === 'law' && /\b(?:our|my)\b/.test(l) ? 'claim_ref' : 'la_ref';
  if (/\b(?:auth|authori[sz]ation|pre-?auth\w*|guarantee|approval)\b/.test(l)) return 'insurer_auth';
  if (/\b(?:policy|membership|member|customer|scheme)\b/.test(l)) return 'policy_number';
  if (/\bclaim\b/.test(l) && /\b(?:no|number)\b/.test(l + ' ' + label)) return 'court_or_claim';
  if (/\b(?:solicitors?|sols|claimant|defendant|insurer|compensator|nhsr|resolution|llp|claim|handler)['’]?s?\b/.test(l)) return 'claim_ref';
  if (/\btheir\b/.test(l)) {
    if (/\b(?:solicitors?|sols|llp|law|insurer|claimant|defendant|legal)\b/i.test(before) || sender === 'law') return 'claim_ref';
    if (/\b(?:council|borough|authority)\b/i.test(before)) return 'la_ref';
    return null;
  }
  if (/\b(?:our|my)\b/.test(l) || /^\s*(?:ref|reference|no|number)\s*$/.test(l))
    return sender === 'council' ? 'la_ref' : sender === 'law' || sender === 'insurer' ? 'claim_ref' : null;
  // "Kerrow Vale ref:", "Housing register no:", "SEND case ref": in a council's letter, the council's.
  if (sender === 'council') return 'la_ref';
  return null;
}

/** Scanned letters read "O" as "0" and "l" as "1" in words ("0ur ref", "fi1e"): labels are mended, values are not. */
function mendLabels(text: string): string {
  return text.replace(/\b0(?=[a-z]{2})/g, 'O').replace(/(?<=[a-z])1(?=[a-z])/g, 'l');
}
// Two-part numbers ("ABC-2027-0142") and a prefix with a long counter ("INV-000012").
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
  /** What the practice's own invoice numbers start with ("KL-INV-", "SCOT/"): any such number is an invoice. */
  invoicePrefix?: string;
}

export function findReferences(input: ReferenceInput): Reference[] {
  const out = new Map<string, Reference>();
  const add = (kind: ReferenceKind, raw: string | undefined) => {
    if (!raw) return;
    const value = raw.trim().replace(/[.,;:)\]]+$/, '');
    if (!hasDigit(value)) return;
    // An age range ("0-25 SEND Service") is no reference.
    if (/^\d{1,2}-\d{1,2}$/.test(value)) return;
    if (kind === 'nhs_number') {
      const digits = value.replace(/[\s-]/g, '');
      if (!isValidNhsNumber(digits)) return;
      out.set(`${kind}:${digits}`, { kind, value: digits });
      return;
    }
    if (!out.has(`court_ref:${value}`) && !out.has(`tribunal_ref:${value}`)) out.set(`${kind}:${value}`, { kind, value });
  };
  const text = `${input.subject}\n${input.text}`;
  const sender = input.sender;
  const labelled = new Map<string, ReferenceKind>();
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
  // "Insurer's ref: Westmoor Insurance plc, WMI-2025-403117": the identifier later on the line.
  for (const m of text.matchAll(
    /\b(?:insurer|compensator|defendant)['’]s\s+(?:ref(?:erence)?|claim\s+(?:no|number))\.?\s*:[^\n]*?,\s*([A-Z0-9][A-Z0-9/-]+\d[A-Z0-9/-]*)/gi,
  ))
    add('claim_ref', m[1]);
  for (const m of text.matchAll(lab(String.raw`(?:LA|council|SEND|local authority)(?:['’]s)?\s*(?:case\s*)?`))) add('la_ref', m[1]);
  for (const m of text.matchAll(lab(String.raw`(?:[A-Z][a-z]+\s+)?SEND`, 'g'))) add('la_ref', m[1]);
  for (const m of text.matchAll(INVOICE)) add('invoice_number', m[1]);
  const prefix = input.invoicePrefix?.trim();
  if (prefix) {
    const esc = prefix.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    for (const m of text.matchAll(new RegExp(String.raw`(?<![A-Za-z0-9])(${esc}[A-Z0-9]*\d[A-Z0-9\/-]*\d|${esc}\d+)\b`, 'g'))) add('invoice_number', m[1]);
  }
  // Identifiers by their label, whoever's format they are in.
  const mended = mendLabels(text);
  // A law firm by its regulator's line or a signature line naming the firm or a solicitor's title.
  const lawFirm =
    sender === 'other' &&
    (/\b(?:regulated by the Solicitors Regulation Authority|SRA (?:number|no|ID)|solicitors for the (?:claimant|defendant))\b/i.test(text) ||
      /^[^\n.]{0,80}\b(?:Solicitors?|LLP|Law)\b[^\n.]{0,60}$/m.test(input.text));
  const who: SenderKind = lawFirm ? 'law' : sender;
  for (const m of mended.matchAll(LABEL)) {
    const valueAt = m.index! + m[0].length - m[3]!.length;
    let value = text.slice(valueAt, valueAt + m[3]!.length);
    // Trailing words without digits belong to the sentence, not the reference.
    value = value.replace(/(?: [A-Z]+)+$/, '');
    if (!/\d/.test(value) || value.length < 4) continue;
    if (!/^[A-Z0-9]/.test(value) && !/[/\\.-]/.test(value)) continue;
    const kind = labelKind(`${m[1]} ${m[2]}`, mended.slice(Math.max(0, m.index! - 120), m.index!), who);
    if (!kind) continue;
    if (kind === 'nhs_number') add('nhs_number', value);
    else if (kind === 'court_or_claim') {
      COURT.lastIndex = 0;
      const court = new RegExp(`^${COURT.source}$`).test(value);
      if (court) out.set(`court_ref:${value}`, { kind: 'court_ref', value });
      else add('claim_ref', value);
    } else if (kind === 'claim_ref' || kind === 'la_ref') labelled.set(value, kind);
    else add(kind, value);
  }
  for (const [value, kind] of labelled) {
    out.delete(`court_ref:${value}`);
    add(kind, value);
  }
  for (const m of text.matchAll(SEND_CASE)) if (/\d{2,4}[ ./\\-]\d|\d{5}/.test(m[1]!) && !out.has(`tribunal_ref:${m[1]}`)) add('la_ref', m[1]);
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
  // A value that is the first part of a longer one of the same kind was cut short ("7719" of "7719 2046 0031").
  const all = [...out.values()];
  for (const kind of order) {
    for (const r of out.values()) {
      if (r.kind !== kind || seen.has(r.value)) continue;
      if (all.some((o) => o.kind === r.kind && o.value !== r.value && o.value.startsWith(`${r.value} `))) continue;
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
