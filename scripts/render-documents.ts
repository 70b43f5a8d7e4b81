/**
 * npm run docs:render [--out DIR] [--seed N]
 *
 * Builds the demo practice in a throwaway SQLite database, drafts every document kind from it
 * (each from a demo case of the service line it reports on), and writes each draft as DOCX,
 * HTML and Markdown into DIR (default ./docs-render). Where LibreOffice is installed (`soffice`
 * on the PATH) each DOCX is also converted to PDF, and where `pdftoppm` is installed, each PDF
 * to one PNG image per page, so anyone can look at every page of every kind at A4.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { disabledLanguageModel } from '../src/adapters/disabled-language-model.js';
import { disabledMail } from '../src/adapters/disabled-mail.js';
import { fixedClock, systemClock } from '../src/adapters/system-clock.js';
import { openStore, storeTarget } from '../src/db/connect.js';
import { DOCUMENT_KINDS, type DocumentKind } from '../src/domain/documents/kinds.js';
import { cliActor, type ServiceContext } from '../src/services/context.js';
import { buildDemoPractice } from '../src/services/demo/build-demo-practice.js';
import { draftDocument } from '../src/services/documents/draft-document.js';
import { renderDocument } from '../src/services/documents/render-document.js';

type Group = 'ehcp' | 'insurer' | 'medico_legal' | 'housing' | 'workplace';
const GROUP_OF: Record<DocumentKind, Group | null> = {
  'ehcp-advice': 'ehcp',
  'annual-review-contribution': 'ehcp',
  'annual-review-summary': 'ehcp',
  'initial-assessment': 'insurer',
  'progress-report': 'insurer',
  'discharge-summary': 'insurer',
  'insurer-report': 'insurer',
  'expert-report': 'medico_legal',
  'ina-report': 'medico_legal',
  'dfg-recommendation': 'housing',
  'workplace-report': 'workplace',
  'referral-acknowledgement': 'insurer',
  'report-back': 'insurer',
  chaser: 'insurer',
  'marketing-letter': null,
};

/** `-- --out DIR` reaches the script; a bare `--out=DIR` is taken by npm and handed over as npm_config_out. */
function option(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : process.env[`npm_config_${name.slice(2)}`];
}

function has(command: string): boolean {
  return spawnSync(command, ['--version'], { stdio: 'ignore' }).status === 0;
}

const out = resolve(option('--out') ?? 'docs-render');
const seed = Number(option('--seed') ?? 1);
const today = systemClock.today();
mkdirSync(out, { recursive: true });
const dataDir = mkdtempSync(join(tmpdir(), 'steve-docs-render-'));
const store = await openStore(storeTarget({ dataDir }));
try {
  const system: ServiceContext = {
    db: store.db,
    dialect: store.dialect,
    clock: fixedClock(today),
    mail: disabledMail,
    languageModel: disabledLanguageModel,
    actor: cliActor,
  };
  console.log(`Building the demo practice (seed ${seed}, ${today})…`);
  await buildDemoPractice(system, { seed, today });
  const base = () =>
    store.db
      .selectFrom('cases')
      .innerJoin('users', 'users.id', 'cases.clinician_id')
      .select(['cases.id', 'users.id as user_id', 'users.role', 'users.name'])
      .where((eb) => eb.exists(eb.selectFrom('finding_items').select('finding_items.id').whereRef('finding_items.case_id', '=', 'cases.id')))
      .orderBy('cases.id')
      .limit(1);
  const queries: Record<Group, ReturnType<typeof base>> = {
    ehcp: base().where((eb) => eb.exists(eb.selectFrom('ehcp_plans').select('ehcp_plans.id').whereRef('ehcp_plans.case_id', '=', 'cases.id'))),
    insurer: base()
      .where('cases.funder_kind', '=', 'insurer')
      .where((eb) => eb.exists(eb.selectFrom('authorisations').select('authorisations.id').whereRef('authorisations.case_id', '=', 'cases.id'))),
    medico_legal: base().where('cases.service_line', '=', 'medico_legal'),
    housing: base().where('cases.service_line', '=', 'housing'),
    workplace: base().where('cases.service_line', '=', 'workplace'),
  };
  const soffice = has('soffice');
  const pdftoppm = soffice && spawnSync('pdftoppm', ['-v'], { stdio: 'ignore' }).status === 0;
  for (const kind of DOCUMENT_KINDS) {
    const group = GROUP_OF[kind] ?? 'insurer';
    const row = await queries[group].executeTakeFirst();
    if (!row) {
      console.log(`${kind}: no demo case of the ${group} kind, skipped`);
      continue;
    }
    const ctx: ServiceContext = { ...system, actor: { kind: 'user', id: row.user_id, role: row.role as never, name: row.name } };
    let extra = {};
    if (kind === 'chaser') {
      const inv = await store.db.selectFrom('invoices').selectAll().where('case_id', '=', row.id).orderBy('number').executeTakeFirst();
      if (inv)
        extra = {
          level: 1,
          invoice: { number: inv.number, issued_on: inv.issued_on, due_on: inv.due_on ?? inv.issued_on, amount_pence: inv.total_pence, business_payer: true },
        };
    }
    if (kind === 'marketing-letter') extra = { audience: 'SENCOs of fictional schools' };
    const doc = await draftDocument(ctx, { kind, ...(GROUP_OF[kind] ? { case_id: row.id } : {}), ...extra });
    for (const format of ['docx', 'html', 'md'] as const) {
      const r = await renderDocument(ctx, doc.id, format);
      writeFileSync(join(out, `${kind}.${format}`), typeof r.content === 'string' ? r.content : Buffer.from(r.content));
    }
    let pages = '';
    if (soffice) {
      spawnSync('soffice', ['--headless', '--convert-to', 'pdf', '--outdir', out, join(out, `${kind}.docx`)], { stdio: 'ignore' });
      if (pdftoppm) {
        spawnSync('pdftoppm', ['-png', '-r', '70', join(out, `${kind}.pdf`), join(out, `${kind}-page`)], { stdio: 'ignore' });
        pages = `, ${readdirSync(out).filter((f) => f.startsWith(`${kind}-page`)).length} page images`;
      } else pages = ', PDF';
    }
    console.log(`${kind}: ${doc.still_needed.length} still needed, ${doc.checks.length} checks${pages}`);
  }
  if (!soffice) console.log('LibreOffice (soffice) is not installed: wrote DOCX, HTML and Markdown only. Install it to get PDFs and page images.');
  console.log(`Written to ${out}`);
} finally {
  await store.close();
  rmSync(dataDir, { recursive: true, force: true });
}
