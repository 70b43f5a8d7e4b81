/**
 * Scores triage against labelled corpora (labels.json, format v1), each separately and all together:
 *
 *   npm run eval:triage -- DIR [--practice FILE] [DIR [--practice FILE]]… [--verbose]
 *
 * Each DIR holds the labelled documents and their labels.json. `--practice FILE` (JSON, the
 * contract's practiceIdentity: what the practice types into its own settings) belongs to the
 * DIR before it; one given before any DIR is used for every DIR without its own. Prints, per
 * corpus, category accuracy, action-date F1 (role and date), reference F1 (kind and value),
 * client name and date-of-birth accuracy and the secondary fields, then a summary table;
 * exits 1 when any corpus falls below a target.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { parseInput } from '../src/contract/common.js';
import { practiceIdentity } from '../src/contract/practice.js';
import type { LocalDate } from '../src/domain/calendar/local-date.js';
import type { PracticeIdentity } from '../src/domain/practice/identity.js';
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

interface Counts {
  n: number;
  cat: number;
  name: number;
  dob: number;
  received: number;
  sender: number;
  facts: number;
  errors: number;
  d: { tp: number; fp: number; fn: number };
  rf: { tp: number; fp: number; fn: number };
  ms: number;
}

/** The targets every corpus must reach on its own. */
const TARGETS = { category: 0.97, dates: 0.95, references: 0.97, name: 0.97, dob: 0.97 };

const usage = 'Usage: npm run eval:triage -- DIR [--practice FILE] [DIR [--practice FILE]]… [--verbose]   (DIR holds labels.json and the documents it labels)';
const args = process.argv.slice(2);
const verbose = args.includes('--verbose') || args.includes('-v');
const corpora: { dir: string; practiceFile: string | null }[] = [];
let defaultPractice: string | null = null;
for (let i = 0; i < args.length; i++) {
  const a = args[i]!;
  if (a === '--practice') {
    const file = args[++i];
    if (!file) {
      console.error(usage);
      process.exit(2);
    }
    const last = corpora[corpora.length - 1];
    if (last) last.practiceFile = file;
    else defaultPractice = file;
  } else if (!a.startsWith('-')) corpora.push({ dir: resolve(a), practiceFile: null });
}
if (corpora.length === 0) {
  console.error(usage);
  process.exit(2);
}

function loadPractice(file: string | null): PracticeIdentity | undefined {
  if (!file) return undefined;
  return parseInput(practiceIdentity, JSON.parse(readFileSync(file, 'utf8')));
}

const today = new Date().toISOString().slice(0, 10) as LocalDate;
const norm = (s: string | null | undefined) => (s ?? '').toLowerCase().replace(/\s+/g, ' ').trim();
const f1 = ({ tp, fp, fn }: { tp: number; fp: number; fn: number }) => {
  const p = tp + fp === 0 ? 1 : tp / (tp + fp);
  const r = tp + fn === 0 ? 1 : tp / (tp + fn);
  return { p, r, f: p + r === 0 ? 0 : (2 * p * r) / (p + r) };
};

async function evaluate(dir: string, practice: PracticeIdentity | undefined): Promise<Counts> {
  const labels: Label[] = JSON.parse(readFileSync(join(dir, 'labels.json'), 'utf8'));
  const byFile = new Map(labels.map((l) => [l.file, l]));
  const files = readdirSync(dir)
    .filter((f) => /\.(eml|txt|pdf)$/i.test(f))
    .sort();
  const c: Counts = {
    n: 0,
    cat: 0,
    name: 0,
    dob: 0,
    received: 0,
    sender: 0,
    facts: 0,
    errors: 0,
    d: { tp: 0, fp: 0, fn: 0 },
    rf: { tp: 0, fp: 0, fn: 0 },
    ms: 0,
  };
  const t0 = performance.now();
  for (const file of files) {
    const label = byFile.get(file);
    if (!label) continue;
    c.n++;
    const result = await triageDocument(file, readFileSync(join(dir, file)), { today, practice });
    const problems: string[] = [];
    if (isTriageError(result)) {
      c.errors++;
      c.d.fn += label.dates.length;
      c.rf.fn += label.references.length;
      console.log(`${file}: error: ${result.error}`);
      continue;
    }
    const r: TriageRecord = result;
    if (r.category === label.category) c.cat++;
    else problems.push(`category ${r.category} ≠ ${label.category}`);
    if (norm(r.client?.name) === norm(label.client?.name)) c.name++;
    else problems.push(`client ${r.client?.name ?? 'null'} ≠ ${label.client?.name ?? 'null'}`);
    if ((r.client?.dob ?? null) === (label.client?.dob ?? null)) c.dob++;
    else problems.push(`dob ${r.client?.dob ?? 'null'} ≠ ${label.client?.dob ?? 'null'}`);
    if (r.received === label.received) c.received++;
    else problems.push(`received ${r.received} ≠ ${label.received}`);
    if (norm(r.sender_org) === norm(label.sender_org)) c.sender++;
    else problems.push(`sender ${r.sender_org ?? 'null'} ≠ ${label.sender_org ?? 'null'}`);
    const score = (want: Set<string>, got: Set<string>, acc: { tp: number; fp: number; fn: number }, what: string) => {
      for (const g of got)
        if (want.has(g)) acc.tp++;
        else {
          acc.fp++;
          problems.push(`extra ${what} ${g}`);
        }
      for (const w of want)
        if (!got.has(w)) {
          acc.fn++;
          problems.push(`missed ${what} ${w}`);
        }
    };
    score(new Set(label.dates.map((x) => `${x.role}:${x.date}`)), new Set(r.dates.map((x) => `${x.role}:${x.date}`)), c.d, 'date');
    score(new Set(label.references.map((x) => `${x.kind}:${x.value}`)), new Set(r.references.map((x) => `${x.kind}:${x.value}`)), c.rf, 'ref');
    const wantF = JSON.stringify(Object.fromEntries(Object.entries(label.facts).sort()));
    const gotF = JSON.stringify(Object.fromEntries(Object.entries(r.facts).sort()));
    if (wantF === gotF) c.facts++;
    else problems.push(`facts ${gotF} ≠ ${wantF}`);
    if (verbose && problems.length) console.log(`${file}: ${problems.join('; ')}`);
  }
  c.ms = performance.now() - t0;
  return c;
}

interface Row {
  name: string;
  show: (c: Counts) => string;
  value: (c: Counts) => number;
  target: number | null;
}
const rate = (x: number, n: number) => x / Math.max(n, 1);
const ROWS: Row[] = [
  { name: 'category accuracy', value: (c) => rate(c.cat, c.n), show: (c) => `${(100 * rate(c.cat, c.n)).toFixed(1)}%`, target: TARGETS.category },
  {
    name: 'action-date F1 (role+date)',
    value: (c) => f1(c.d).f,
    show: (c) => `${f1(c.d).f.toFixed(3)} (P ${f1(c.d).p.toFixed(3)}, R ${f1(c.d).r.toFixed(3)})`,
    target: TARGETS.dates,
  },
  {
    name: 'reference F1 (kind+value)',
    value: (c) => f1(c.rf).f,
    show: (c) => `${f1(c.rf).f.toFixed(3)} (P ${f1(c.rf).p.toFixed(3)}, R ${f1(c.rf).r.toFixed(3)})`,
    target: TARGETS.references,
  },
  { name: 'client name accuracy', value: (c) => rate(c.name, c.n), show: (c) => `${(100 * rate(c.name, c.n)).toFixed(1)}%`, target: TARGETS.name },
  { name: 'client DOB accuracy', value: (c) => rate(c.dob, c.n), show: (c) => `${(100 * rate(c.dob, c.n)).toFixed(1)}%`, target: TARGETS.dob },
  { name: 'received date accuracy', value: (c) => rate(c.received, c.n), show: (c) => `${(100 * rate(c.received, c.n)).toFixed(1)}%`, target: null },
  { name: 'sender organisation accuracy', value: (c) => rate(c.sender, c.n), show: (c) => `${(100 * rate(c.sender, c.n)).toFixed(1)}%`, target: null },
  { name: 'facts exact match', value: (c) => rate(c.facts, c.n), show: (c) => `${(100 * rate(c.facts, c.n)).toFixed(1)}%`, target: null },
];
const passes = (row: Row, c: Counts) => row.target === null || row.value(c) >= row.target;

const results: { name: string; counts: Counts }[] = [];
for (const { dir, practiceFile } of corpora) {
  const counts = await evaluate(dir, loadPractice(practiceFile ?? defaultPractice));
  results.push({ name: basename(dir), counts });
  console.log(
    `Triage evaluation: ${counts.n} labelled documents in ${dir} (${counts.errors} unreadable, ${counts.ms.toFixed(0)} ms; practice ${practiceFile ?? defaultPractice ?? 'none'})`,
  );
  for (const row of ROWS)
    console.log(`  ${row.name.padEnd(30)} ${row.show(counts).padEnd(34)} ${row.target === null ? '' : passes(row, counts) ? 'PASS' : 'FAIL'}`);
}

if (results.length > 1) {
  const sum = (f: (c: Counts) => number) => results.reduce((s, r) => s + f(r.counts), 0);
  const all: Counts = {
    n: sum((c) => c.n),
    cat: sum((c) => c.cat),
    name: sum((c) => c.name),
    dob: sum((c) => c.dob),
    received: sum((c) => c.received),
    sender: sum((c) => c.sender),
    facts: sum((c) => c.facts),
    errors: sum((c) => c.errors),
    d: { tp: sum((c) => c.d.tp), fp: sum((c) => c.d.fp), fn: sum((c) => c.d.fn) },
    rf: { tp: sum((c) => c.rf.tp), fp: sum((c) => c.rf.fp), fn: sum((c) => c.rf.fn) },
    ms: sum((c) => c.ms),
  };
  const cols = [...results, { name: 'all', counts: all }];
  const width = Math.max(8, ...cols.map((c) => c.name.length + 1));
  console.log(`\nSummary (target per corpus; * = below target)`);
  console.log(`  ${''.padEnd(30)} ${cols.map((c) => c.name.padStart(width)).join(' ')}   target`);
  for (const row of ROWS) {
    const cells = cols.map((c, i) => {
      const v = row.value(c.counts).toFixed(3) + (i < results.length && !passes(row, c.counts) ? '*' : ' ');
      return v.padStart(width);
    });
    console.log(`  ${row.name.padEnd(30)} ${cells.join(' ')}   ${row.target === null ? '' : row.target.toFixed(2)}`);
  }
  console.log(
    `  ${'documents per second'.padEnd(30)} ${cols.map((c) => ((1000 * c.counts.n) / Math.max(c.counts.ms, 1)).toFixed(0).padStart(width)).join(' ')}`,
  );
}
process.exitCode = results.some((r) => ROWS.some((row) => !passes(row, r.counts))) ? 1 : 0;
