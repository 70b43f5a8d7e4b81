/**
 * Benchmark of drafting: a full expert report to DOCX (< 300 ms) and every
 * document of the demo practice (< 30 s), on SQLite. Builds the default demo through the
 * real CLI, records a full set of findings on every case through the services (the demo
 * generator has no findings yet), then drafts each case's kinds and renders each to DOCX.
 * Run: npx tsx bench/documents.ts   (prints a Markdown section for bench/RESULTS.md)
 */
import { disabledLanguageModel } from '../src/adapters/disabled-language-model.js';
import { disabledMail } from '../src/adapters/disabled-mail.js';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fixedClock } from '../src/adapters/system-clock.js';
import { openStore } from '../src/db/connect.js';
import type { DocumentKind } from '../src/domain/documents/kinds.js';
import { NOTE_KEYS } from '../src/domain/documents/notes.js';
import { composeDocument, renderDocx } from '../src/drafting/index.js';
import { cliActor, type ServiceContext } from '../src/services/context.js';
import { draftDocument } from '../src/services/documents/draft-document.js';
import { renderDocument } from '../src/services/documents/render-document.js';
import { loadDraftSource } from '../src/services/documents/draft-source.js';
import { addFinding } from '../src/services/findings/add-finding.js';
import { setNote } from '../src/services/findings/set-note.js';

const root = resolve(import.meta.dirname, '..');
const TODAY = '2026-11-27';
const CLIENTS = Number(process.env.BENCH_DOCS_CLIENTS ?? 60);
const dir = mkdtempSync(join(tmpdir(), 'steve-bench-docs-'));

const KINDS_BY_LINE: Record<string, DocumentKind[]> = {
  paediatric: ['ehcp-advice', 'annual-review-contribution', 'annual-review-summary', 'initial-assessment', 'progress-report'],
  adult_neuro: ['initial-assessment', 'progress-report', 'insurer-report', 'discharge-summary'],
  mental_health: ['initial-assessment', 'progress-report', 'insurer-report'],
  workplace: ['workplace-report', 'progress-report'],
  housing: ['dfg-recommendation', 'initial-assessment'],
  medico_legal: ['expert-report', 'ina-report'],
  other: ['initial-assessment', 'discharge-summary'],
};
const LETTERS: DocumentKind[] = ['referral-acknowledgement', 'report-back', 'chaser'];

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

try {
  const r = spawnSync(join(root, 'bin', 'steve.js'), ['demo', '--data', dir, '--today', TODAY, '--clients', String(CLIENTS), '--json'], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, STEVE_DATABASE_URL: '' },
  });
  if (r.status !== 0) throw new Error(`steve demo failed: ${r.stderr}`);
  const store = await openStore({ kind: 'sqlite', file: join(dir, 'steve.sqlite') });
  const ctx: ServiceContext = {
    db: store.db,
    dialect: store.dialect,
    clock: fixedClock(TODAY),
    mail: disabledMail,
    languageModel: disabledLanguageModel,
    actor: cliActor,
  };
  const cases = await store.db.selectFrom('cases').select(['id', 'service_line']).orderBy('id').execute();

  const t0 = performance.now();
  for (const c of cases) {
    for (const key of NOTE_KEYS) await setNote(ctx, c.id, { key, text: `Recorded ${key} for this case, in the clinician's own words.` });
    await addFinding(ctx, c.id, 'item', { kind: 'need', area: 'sensory_physical', text: 'Needs to complete written work legibly within the lesson.' });
    await addFinding(ctx, c.id, 'item', {
      kind: 'observation',
      area: 'sensory_physical',
      text: 'Tired after five minutes of writing.',
      on_date: '2026-11-02',
      setting: 'classroom',
    });
    await addFinding(ctx, c.id, 'item', { kind: 'recommendation', text: 'A writing slope for written work.' });
    await addFinding(ctx, c.id, 'assessment', {
      test_name: 'Beery VMI',
      edition: '6th edition',
      test_date: '2026-11-02',
      examiner: 'Demo Clinician',
      metric: 'standard',
      derived_score: 82,
      percentile: 12,
      band: 'Below average',
      area: 'sensory_physical',
      interpretation: 'Copying is slow and effortful.',
    });
    await addFinding(ctx, c.id, 'goal', { kind: 'smart', text: 'Will write three legible sentences.', target_date: '2027-07-20' });
    await addFinding(ctx, c.id, 'goal', {
      kind: 'copm',
      text: 'Dressing',
      importance: 8,
      performance_baseline: 3,
      satisfaction_baseline: 2,
      performance_followup: 6,
      satisfaction_followup: 7,
    });
    await addFinding(ctx, c.id, 'goal', { kind: 'gas', text: 'Fastens coat', gas_baseline: -1, gas_outcome: 1 });
    await addFinding(ctx, c.id, 'provision', {
      section: 'F',
      need_ref: 'N1',
      what: 'Handwriting programme',
      who: 'Teaching assistant',
      qualification: 'trained by the OT',
      frequency: '3 times a week',
      duration: '20 minutes',
      group_size: '1:1',
      delivery: 'direct',
      location: 'classroom',
      review: 'termly',
      cost_pence: 45_000,
      cost_basis: 'TA time, 2026 rates',
    });
  }
  const seedMs = performance.now() - t0;

  // 1. A full expert report: compose from the recorded source and render to DOCX.
  const ml = cases.find((c) => c.service_line === 'medico_legal') ?? cases[0]!;
  const source = await loadDraftSource(store.db, { today: TODAY, caseId: ml.id, authorId: null, letter: {} });
  const pure: number[] = [];
  for (let i = 0; i < 8; i++) {
    const s = performance.now();
    await renderDocx(composeDocument('expert-report', source));
    if (i > 0) pure.push(performance.now() - s);
  }
  const viaService: number[] = [];
  for (let i = 0; i < 8; i++) {
    const s = performance.now();
    const d = await draftDocument(ctx, { kind: 'expert-report', case_id: ml.id });
    await renderDocument(ctx, d.id, 'docx');
    if (i > 0) viaService.push(performance.now() - s);
  }

  // 2. Every document of the demo practice, drafted (with checks) and rendered to DOCX.
  let docs = 0;
  const t1 = performance.now();
  for (const c of cases) {
    for (const kind of [...(KINDS_BY_LINE[c.service_line] ?? KINDS_BY_LINE.other!), ...LETTERS]) {
      const d = await draftDocument(ctx, { kind, case_id: c.id, ...(kind === 'chaser' ? { level: 1 } : {}) });
      await renderDocument(ctx, d.id, 'docx');
      docs++;
    }
  }
  const allMs = performance.now() - t1;
  await store.close();

  const out = [
    '## documents',
    '',
    `Run ${TODAY} on ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, Node ${process.version}, SQLite; \`npx tsx bench/documents.ts\` (demo of ${CLIENTS} clients, ${cases.length} cases, full findings recorded on each in ${(seedMs / 1000).toFixed(1)} s).`,
    '',
    '| what | target | median | result |',
    '|---|---|---|---|',
    `| full expert report: compose + DOCX (pure) | < 300 ms | ${median(pure).toFixed(1)} ms | ${median(pure) < 300 ? 'pass' : 'FAIL'} |`,
    `| full expert report: draft through the service (load, compose, checks, store) + DOCX | < 300 ms | ${median(viaService).toFixed(1)} ms | ${median(viaService) < 300 ? 'pass' : 'FAIL'} |`,
    `| every document of the demo practice (${docs} drafts with checks, each rendered to DOCX) | < 30 s | ${(allMs / 1000).toFixed(1)} s total | ${allMs < 30_000 ? 'pass' : 'FAIL'} |`,
    '',
  ].join('\n');
  console.log(out);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
