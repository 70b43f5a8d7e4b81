/**
 * Scores triage against a labelled corpus (labels.json, format v1):
 *
 *   npm run eval:triage -- DIR [--verbose]
 *
 * DIR holds the labelled documents and their labels.json. Prints category accuracy,
 * action-date F1 (role and date), reference F1 (kind and value), client name and date-of-
 * birth accuracy, and the secondary fields; exits 1 when any of the first five falls below 95%.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { LocalDate } from '../src/domain/calendar/local-date.js';
import { isTriageError, triageDocument, type TriageRecord } from '../src/triage/triage.js';

interface Label {
  file: string;
  category: string;
  received: string;
  client: { name: string; dob: string | null } | null;
  sender_org: string | null;
  references: { kind: string; value: string }[];
  dates: { role: string; date: string; stated: boolean }[];
  facts: Record<string, unknown>;
}

const args = process.argv.slice(2);
const verbose = args.includes('--verbose') || args.includes('-v');
const dirArg = args.find((a) => !a.startsWith('-'));
if (!dirArg) {
  console.error('Usage: npm run eval:triage -- DIR [--verbose]   (DIR holds labels.json and the documents it labels)');
  process.exit(2);
}
const dir = resolve(dirArg);
const labels: Label[] = JSON.parse(readFileSync(join(dir, 'labels.json'), 'utf8'));
const byFile = new Map(labels.map((l) => [l.file, l]));
const files = readdirSync(dir)
  .filter((f) => /\.(eml|txt|pdf)$/i.test(f))
  .sort();
const today = new Date().toISOString().slice(0, 10) as LocalDate;

const norm = (s: string | null | undefined) => (s ?? '').toLowerCase().replace(/\s+/g, ' ').trim();
const f1 = (tp: number, fp: number, fn: number) => {
  const p = tp + fp === 0 ? 1 : tp / (tp + fp);
  const r = tp + fn === 0 ? 1 : tp / (tp + fn);
  return { p, r, f: p + r === 0 ? 0 : (2 * p * r) / (p + r) };
};

let n = 0;
let cat = 0;
let name = 0;
let dob = 0;
let received = 0;
let sender = 0;
let facts = 0;
let errors = 0;
const d = { tp: 0, fp: 0, fn: 0 };
const rf = { tp: 0, fp: 0, fn: 0 };
const t0 = performance.now();
for (const file of files) {
  const label = byFile.get(file);
  if (!label) continue;
  n++;
  const result = await triageDocument(file, readFileSync(join(dir, file)), { today, own: ['Meadowside', 'meadowside-ot.co.uk', 'Okafor'] });
  const problems: string[] = [];
  if (isTriageError(result)) {
    errors++;
    problems.push(`error: ${result.error}`);
    d.fn += label.dates.length;
    rf.fn += label.references.length;
    console.log(`${file}: ${problems.join('; ')}`);
    continue;
  }
  const r: TriageRecord = result;
  if (r.category === label.category) cat++;
  else problems.push(`category ${r.category} ≠ ${label.category}`);
  if (norm(r.client?.name) === norm(label.client?.name)) name++;
  else problems.push(`client ${r.client?.name ?? 'null'} ≠ ${label.client?.name ?? 'null'}`);
  if ((r.client?.dob ?? null) === (label.client?.dob ?? null)) dob++;
  else problems.push(`dob ${r.client?.dob ?? 'null'} ≠ ${label.client?.dob ?? 'null'}`);
  if (r.received === label.received) received++;
  else problems.push(`received ${r.received} ≠ ${label.received}`);
  if (norm(r.sender_org) === norm(label.sender_org)) sender++;
  else problems.push(`sender ${r.sender_org ?? 'null'} ≠ ${label.sender_org ?? 'null'}`);
  const want = new Set(label.dates.map((x) => `${x.role}:${x.date}`));
  const got = new Set(r.dates.map((x) => `${x.role}:${x.date}`));
  for (const g of got)
    if (want.has(g)) d.tp++;
    else {
      d.fp++;
      problems.push(`extra date ${g}`);
    }
  for (const w of want)
    if (!got.has(w)) {
      d.fn++;
      problems.push(`missed date ${w}`);
    }
  const wantR = new Set(label.references.map((x) => `${x.kind}:${x.value}`));
  const gotR = new Set(r.references.map((x) => `${x.kind}:${x.value}`));
  for (const g of gotR)
    if (wantR.has(g)) rf.tp++;
    else {
      rf.fp++;
      problems.push(`extra ref ${g}`);
    }
  for (const w of wantR)
    if (!gotR.has(w)) {
      rf.fn++;
      problems.push(`missed ref ${w}`);
    }
  const wantF = JSON.stringify(Object.fromEntries(Object.entries(label.facts).sort()));
  const gotF = JSON.stringify(Object.fromEntries(Object.entries(r.facts).sort()));
  if (wantF === gotF) facts++;
  else problems.push(`facts ${gotF} ≠ ${wantF}`);
  if (verbose && problems.length) console.log(`${file}: ${problems.join('; ')}`);
}
const ms = performance.now() - t0;
const pct = (x: number) => `${((100 * x) / Math.max(n, 1)).toFixed(1)}%`;
const dates = f1(d.tp, d.fp, d.fn);
const refs = f1(rf.tp, rf.fp, rf.fn);
const rows: [string, string, boolean | null][] = [
  ['category accuracy', pct(cat), cat / n >= 0.95],
  ['action-date F1 (role+date)', `${dates.f.toFixed(3)} (P ${dates.p.toFixed(3)}, R ${dates.r.toFixed(3)})`, dates.f >= 0.95],
  ['reference F1 (kind+value)', `${refs.f.toFixed(3)} (P ${refs.p.toFixed(3)}, R ${refs.r.toFixed(3)})`, refs.f >= 0.95],
  ['client name accuracy', pct(name), name / n >= 0.95],
  ['client DOB accuracy', pct(dob), dob / n >= 0.95],
  ['received date accuracy', pct(received), null],
  ['sender organisation accuracy', pct(sender), null],
  ['facts exact match', pct(facts), null],
];
console.log(`Triage evaluation: ${n} labelled documents in ${dir} (${errors} unreadable, ${ms.toFixed(0)} ms)`);
for (const [k, v, ok] of rows) console.log(`  ${k.padEnd(30)} ${v.padEnd(34)} ${ok === null ? '' : ok ? 'PASS' : 'FAIL'}`);
process.exitCode = rows.some(([, , ok]) => ok === false) ? 1 : 0;
