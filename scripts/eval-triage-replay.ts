/**
 * Replays labelled corpora (labels.json, format v1) as a practice would receive them, to measure
 * learning from corrections and how well the confidences separate right from wrong:
 *
 *   npx tsx scripts/eval-triage-replay.ts DIR [--practice FILE] [DIR [--practice FILE]]… [--verbose]
 *
 * Each corpus is a practice of its own: its documents are read in received order; each is
 * triaged twice, without and with the corrections learnt so far, and then the gold label plays
 * the person correcting what Steve proposed (with learning), which becomes a correction for the
 * letters after it. Prints, per corpus and together, the scores of the letters that had earlier
 * corrections to learn from, without and with learning, and for each kind of proposal how often
 * a "check this" mark fell on a wrong one and a confident one was right.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { practiceIdentity } from '../src/contract/practice.js';
import type { LocalDate } from '../src/domain/calendar/local-date.js';
import { parseInput } from '../src/contract/common.js';
import type { PracticeIdentity } from '../src/domain/practice/identity.js';
import { isTriageError, triageDocument, type TriageRecord } from '../src/triage/triage.js';
import { dateKey, distinctive, referenceShape, senderKey, sentenceWords, type LearnedCorrection } from '../src/triage/learning.js';

interface Label {
  file: string;
  category: string;
  received: string;
  client: { name: string; dob: string | null } | null;
  sender_org: string | null;
  references: { kind: string; value: string }[];
  dates: { role: string; date: string; stated: boolean }[];
}

const args = process.argv.slice(2);
const verbose = args.includes('--verbose');
const usage = 'Usage: npx tsx scripts/eval-triage-replay.ts DIR [--practice FILE] [DIR [--practice FILE]]… [--verbose]';
// Each corpus is its own practice: `--practice FILE` after a DIR is that practice's identity.
const corpora: { dir: string; practice: PracticeIdentity | undefined }[] = [];
for (let i = 0; i < args.length; i++) {
  const a = args[i]!;
  if (a === '--practice') {
    const file = args[++i];
    const last = corpora[corpora.length - 1];
    if (!file || !last) {
      console.error(usage);
      process.exit(2);
    }
    last.practice = parseInput(practiceIdentity, JSON.parse(readFileSync(file, 'utf8')));
  } else if (!a.startsWith('-')) corpora.push({ dir: resolve(a), practice: undefined });
}
if (!corpora.length) {
  console.error(usage);
  process.exit(2);
}

const norm = (s: string | null | undefined) => (s ?? '').toLowerCase().replace(/\s+/g, ' ').trim();

interface Tally {
  n: number;
  cat: number;
  client: number;
  d: { tp: number; fp: number; fn: number };
  r: { tp: number; fp: number; fn: number };
}
const tally = (): Tally => ({ n: 0, cat: 0, client: 0, d: { tp: 0, fp: 0, fn: 0 }, r: { tp: 0, fp: 0, fn: 0 } });
const f1 = (x: { tp: number; fp: number; fn: number }) => (2 * x.tp === 0 && x.fp + x.fn === 0 ? 1 : (2 * x.tp) / (2 * x.tp + x.fp + x.fn));

function score(t: Tally, r: TriageRecord, l: Label): void {
  t.n++;
  if (r.category === l.category) t.cat++;
  if (norm(r.client?.name) === norm(l.client?.name)) t.client++;
  const want = new Set(l.dates.map((x) => `${x.role}:${x.date}`));
  const got = new Set(r.dates.map((x) => `${x.role}:${x.date}`));
  for (const g of got)
    if (want.has(g)) t.d.tp++;
    else t.d.fp++;
  for (const w of want) if (!got.has(w)) t.d.fn++;
  const wantR = new Set(l.references.map((x) => `${x.kind}:${x.value}`));
  const gotR = new Set(r.references.map((x) => `${x.kind}:${x.value}`));
  for (const g of gotR)
    if (wantR.has(g)) t.r.tp++;
    else t.r.fp++;
  for (const w of wantR) if (!gotR.has(w)) t.r.fn++;
}

/** What a person correcting this record to the gold label would tell Steve. */
function corrections(r: TriageRecord, l: Label): LearnedCorrection[] {
  const { sender, domain } = senderKey(r.sender_email, r.sender_org);
  const base = { sender, domain, on: l.received };
  const out: LearnedCorrection[] = [];
  if (r.category !== l.category)
    out.push({
      ...base,
      field: 'category',
      pattern:
        r.references
          .map((x) => referenceShape(x.value))
          .filter(distinctive)
          .join(' ') || null,
      proposed: r.category,
      corrected: l.category,
    });
  if (norm(r.client?.name) !== norm(l.client?.name) && l.client) {
    out.push({ ...base, field: 'client', pattern: null, proposed: r.client?.name ?? '', corrected: l.client.name });
    for (const ref of l.references)
      if (ref.kind !== 'invoice_number')
        out.push({ ...base, field: 'client', pattern: `${ref.kind}:${ref.value}`, proposed: r.client?.name ?? '', corrected: l.client.name });
  }
  const want = new Set(l.dates.map((x) => `${x.role}:${x.date}`));
  for (const d of r.dates) {
    if (want.has(`${d.role}:${d.date}`)) continue;
    const other = l.dates.find((x) => x.date === d.date);
    out.push({ ...base, field: 'date', pattern: sentenceWords(d.reason), proposed: dateKey(d), corrected: other?.role ?? '' });
  }
  const wantR = new Set(l.references.map((x) => `${x.kind}:${x.value}`));
  for (const ref of r.references) {
    if (wantR.has(`${ref.kind}:${ref.value}`)) continue;
    const other = l.references.find((x) => x.value === ref.value);
    out.push({ ...base, field: 'reference', pattern: referenceShape(ref.value), proposed: ref.kind, corrected: other?.kind ?? '' });
  }
  for (const ref of l.references)
    if (!r.references.some((x) => x.value === ref.value))
      out.push({ ...base, field: 'reference', pattern: referenceShape(ref.value), proposed: '', corrected: ref.kind });
  return out;
}

/** For each proposal kind: [flagged & wrong, flagged & right, confident & wrong, confident & right]. */
type Calib = Record<'category' | 'client' | 'date' | 'reference', [number, number, number, number]>;
const calib = (): Calib => ({ category: [0, 0, 0, 0], client: [0, 0, 0, 0], date: [0, 0, 0, 0], reference: [0, 0, 0, 0] });
function calibrate(c: Calib, r: TriageRecord, l: Label): void {
  const add = (k: keyof Calib, check: boolean, right: boolean) => c[k][(check ? 0 : 2) + (right ? 1 : 0)]!++;
  add('category', r.confidence.category.check, r.category === l.category);
  if (r.client && r.confidence.client) add('client', r.confidence.client.check, norm(r.client.name) === norm(l.client?.name));
  const want = new Set(l.dates.map((x) => `${x.role}:${x.date}`));
  r.dates.forEach((d, i) => add('date', r.confidence.dates[i]!.check, want.has(`${d.role}:${d.date}`)));
  const wantR = new Set(l.references.map((x) => `${x.kind}:${x.value}`));
  r.references.forEach((x, i) => add('reference', r.confidence.references[i]!.check, wantR.has(`${x.kind}:${x.value}`)));
}

const totals = { without: tally(), with: tally(), calib: calib() };
const row = (name: string, t: Tally) =>
  `  ${name.padEnd(18)} n=${String(t.n).padStart(3)}  category ${(t.cat / Math.max(t.n, 1)).toFixed(3)}  dates F1 ${f1(t.d).toFixed(3)}  references F1 ${f1(t.r).toFixed(3)}  client ${(t.client / Math.max(t.n, 1)).toFixed(3)}`;

for (const { dir, practice } of corpora) {
  const labels: Label[] = JSON.parse(readFileSync(join(dir, 'labels.json'), 'utf8'));
  const byFile = new Map(labels.map((l) => [l.file, l]));
  const files = readdirSync(dir)
    .filter((f) => byFile.has(f))
    .sort((a, b) => byFile.get(a)!.received.localeCompare(byFile.get(b)!.received) || a.localeCompare(b));
  const learnt: LearnedCorrection[] = [];
  const without = tally();
  const withL = tally();
  const cal = calib();
  for (const file of files) {
    const label = byFile.get(file)!;
    const bytes = readFileSync(join(dir, file));
    const today = label.received as LocalDate;
    const plain = await triageDocument(file, bytes, { today, practice });
    const taught = await triageDocument(file, bytes, { today, practice, hints: { corrections: learnt } });
    if (isTriageError(plain) || isTriageError(taught)) continue;
    calibrate(cal, plain, label);
    // Only letters with something earlier to learn from can gain; the first letters are the same either way.
    if (learnt.length) {
      score(without, plain, label);
      score(withL, taught, label);
      if (verbose && JSON.stringify(plain) !== JSON.stringify(taught))
        console.log(`${file}: ${taught.notes.filter((n) => /learnt|by a person/.test(n)).join(' | ')}`);
    }
    learnt.push(...corrections(taught, label));
  }
  console.log(`${dir}: ${files.length} documents in received order, ${without.n} with earlier corrections to learn from (${learnt.length} corrections in all)`);
  console.log(row('without learning', without));
  console.log(row('with learning', withL));
  for (const [k, t] of [
    ['without', without],
    ['with', withL],
  ] as const) {
    const T = totals[k];
    T.n += t.n;
    T.cat += t.cat;
    T.client += t.client;
    for (const f of ['tp', 'fp', 'fn'] as const) {
      T.d[f] += t.d[f];
      T.r[f] += t.r[f];
    }
  }
  for (const k of Object.keys(cal) as (keyof Calib)[]) for (let i = 0; i < 4; i++) totals.calib[k][i]! += cal[k][i]!;
}
if (corpora.length > 1) {
  console.log('All corpora together:');
  console.log(row('without learning', totals.without));
  console.log(row('with learning', totals.with));
}
console.log('Confidence (without learning, every document): how the "check this" marks fall');
for (const [k, [fw, fr, cw, cr]] of Object.entries(totals.calib)) {
  console.log(
    `  ${k.padEnd(10)} marked check: ${fw + fr} (${fw} wrong, ${fr} right)   confident: ${cw + cr} (${cw} wrong, ${cr} right)   precision when confident ${(cr / Math.max(cw + cr, 1)).toFixed(3)}, wrong ones caught ${(fw / Math.max(fw + cw, 1)).toFixed(3)}`,
  );
}
