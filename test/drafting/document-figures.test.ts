/**
 * Figures that add up: for every kind drafted from the demo practice, each figure on the page
 * equals what the service that owns it reports elsewhere (authorisation use as
 * `steve authorisations` counts it, COPM and GAS as the findings show them, attendance as the
 * session list has it, costs as recorded), percentiles never take a wrong ordinal, and
 * baseline documents show baseline scores only.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { disabledLanguageModel } from '../../src/adapters/disabled-language-model.js';
import { disabledMail } from '../../src/adapters/disabled-mail.js';
import { fixedClock } from '../../src/adapters/system-clock.js';
import type { Store } from '../../src/db/connect.js';
import { DOCUMENT_KINDS, type DocumentKind } from '../../src/domain/documents/kinds.js';
import { formatPounds } from '../../src/domain/money/pence.js';
import { cliActor, type ServiceContext } from '../../src/services/context.js';
import { buildDemoPractice } from '../../src/services/demo/build-demo-practice.js';
import { draftDocument } from '../../src/services/documents/draft-document.js';
import { getFindings } from '../../src/services/findings/get-findings.js';
import { listAuthorisations } from '../../src/services/sessions/authorisations.js';
import { addSession } from '../../src/services/sessions/add-session.js';
import { listSessions } from '../../src/services/sessions/list-sessions.js';
import { DIALECTS, freshStore } from '../support/stores.js';

const TODAY = '2026-11-27';
type Doc = Awaited<ReturnType<typeof draftDocument>>;
type Block = Doc['blocks'][number];
type Group = 'ehcp' | 'insurer' | 'medico_legal' | 'housing' | 'workplace';
interface Pick {
  case_id: string;
  ctx: ServiceContext;
}

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

/** Baseline documents: what was found at the start, before anything was re-rated. */
const BASELINE_KINDS = new Set<DocumentKind>(['initial-assessment', 'ina-report']);

const fieldsOf = (doc: Doc) => new Map(doc.blocks.filter((b) => b.type === 'fields').flatMap((b) => (b.rows ?? []).map((r) => [r[0]!, r[1]!] as const)));
const tagged = (doc: Doc, tag: string): Block[] => doc.blocks.filter((b) => b.tags?.includes(tag));
const textOf = (doc: Doc) => doc.blocks.flatMap((b) => [b.text ?? '', ...(b.items ?? []), ...(b.header ?? []), ...(b.rows ?? []).flatMap((r) => r)]).join('\n');
const pair = (a: number | null, b: number | null) => `${a ?? '—'} / ${b ?? '—'}`;
const signed = (n: number | null) => (n === null ? '—' : n > 0 ? `+${n}` : String(n));

/** One probe per figure family a kind may carry; each compares the page with its owning service. */
const PROBES: Record<string, (doc: Doc, pick: Pick, kind: DocumentKind) => Promise<number>> = {
  /** Sessions authorised, used and remaining: as `steve authorisations` reports them. */
  async authorisation(doc, pick) {
    const f = fieldsOf(doc);
    if (!f.has('Used')) return 0;
    const { authorisations } = await listAuthorisations(pick.ctx, { case_id: pick.case_id });
    const auth = authorisations.find((a) => a.authorisation_code === f.get('Authorisation code'));
    expect(auth, 'the authorisation the report names').toBeTruthy();
    expect(f.get('Authorised')).toMatch(new RegExp(`^${auth!.sessions_authorised} sessions`));
    expect(Number(f.get('Used'))).toBe(auth!.sessions_used);
    expect(Number(f.get('Remaining'))).toBe(auth!.sessions_left);
    return 3;
  },
  /** Attendance: as the session list has it. */
  async attendance(doc, pick) {
    const f = fieldsOf(doc);
    if (!f.has('Sessions booked')) return 0;
    const { sessions } = await listSessions(pick.ctx, { case_id: pick.case_id });
    const n = (a: string[]) => sessions.filter((s) => a.includes(s.attendance)).length;
    expect(Number(f.get('Sessions booked'))).toBe(sessions.length);
    expect(Number(f.get('Attended'))).toBe(n(['attended']));
    expect(Number(f.get('Cancelled (including late)'))).toBe(n(['cancelled', 'late_cancellation']));
    expect(Number(f.get('Did not attend'))).toBe(n(['dna']));
    return 4;
  },
  /** COPM: each problem's ratings as recorded and the average row as the findings summarise it, adding up. */
  async copm(doc, pick, kind) {
    const [table] = tagged(doc, 'copm');
    if (!table) return 0;
    const f = await getFindings(pick.ctx, pick.case_id);
    const copm = f.goals.filter((g) => g.kind === 'copm');
    const average = table.rows!.at(-1)!;
    expect(average[0]).toBe('Average');
    if (BASELINE_KINDS.has(kind) || f.copm!.compared === 0) {
      expect(table.header).toEqual(['COPM problem', 'Importance', 'Baseline performance / satisfaction']);
      const mean = (xs: (number | null)[]) => {
        const r = xs.filter((x): x is number => x !== null);
        return r.length ? Math.round((r.reduce((a, b) => a + b, 0) / r.length) * 10) / 10 : null;
      };
      expect(average[2]).toBe(pair(mean(copm.map((g) => g.performance_baseline)), mean(copm.map((g) => g.satisfaction_baseline))));
      return 1 + copm.length;
    }
    const s = f.copm!;
    copm.forEach((g, i) => {
      expect(table.rows![i]![2]).toBe(pair(g.performance_baseline, g.satisfaction_baseline));
      expect(table.rows![i]![3]).toBe(pair(g.performance_followup, g.satisfaction_followup));
    });
    expect(average[2]).toBe(pair(s.performance_baseline, s.satisfaction_baseline));
    expect(average[3]).toBe(pair(s.performance_followup, s.satisfaction_followup));
    expect(average[4]!.replace(/ \*/g, '')).toBe(`${signed(s.performance_change)} / ${signed(s.satisfaction_change)}`);
    // The row adds up: change = follow-up − baseline, to one decimal.
    if (s.performance_change !== null) expect(s.performance_change).toBeCloseTo(s.performance_followup! - s.performance_baseline!, 5);
    if (s.satisfaction_change !== null) expect(s.satisfaction_change).toBeCloseTo(s.satisfaction_followup! - s.satisfaction_baseline!, 5);
    return 3 + 2 * copm.length;
  },
  /** GAS T-scores: as the findings work them out. */
  async gas(doc, pick, kind) {
    const line = doc.blocks.find((b) => b.type === 'paragraph' && b.text?.startsWith('Goal Attainment Scaling T-score'))?.text;
    if (!line) return 0;
    const { gas } = await getFindings(pick.ctx, pick.case_id);
    const t = (n: number | null | undefined) => (n === null || n === undefined ? null : n.toFixed(1));
    if (BASELINE_KINDS.has(kind)) {
      expect(line).toContain(`at baseline: ${t(gas?.baseline_t) ?? 'not scored'}.`);
      expect(line).not.toMatch(/outcome/);
      return 1;
    }
    expect(line).toContain(`baseline ${t(gas?.baseline_t) ?? 'not scored'}, outcome ${t(gas?.outcome_t) ?? 'not yet scored'}.`);
    return 2;
  },
  /** Costed recommendations: the total is the sum of the recorded costs. */
  async costs(doc, pick) {
    const line = doc.blocks.find((b) => b.type === 'paragraph' && b.text?.startsWith('Total of costed recommendations:'))?.text;
    if (!line) return 0;
    const f = await getFindings(pick.ctx, pick.case_id);
    const total = f.provision.reduce((t, p) => t + (p.cost_pence ?? 0), 0);
    expect(line).toBe(`Total of costed recommendations: ${formatPounds(total)}.`);
    return 1;
  },
  /** Standardised scores: each recorded result appears; a baseline document shows only each test's first administration. */
  async scores(doc, pick, kind) {
    const f = await getFindings(pick.ctx, pick.case_id);
    const text = textOf(doc);
    expect(text, 'no fractional ordinal such as "4.2th"').not.toMatch(/\d\.\d+(st|nd|rd|th)\b/);
    let n = 0;
    for (const a of f.assessments) {
      if (a.percentile === null || !text.includes(a.test_name)) continue;
      const words = Number.isInteger(a.percentile) ? `percentile` : `percentile rank ${a.percentile}`;
      expect(text).toContain(words);
      n++;
    }
    if (BASELINE_KINDS.has(kind)) expect(doc.blocks.some((b) => b.header?.some((h) => /follow-up|outcome/i.test(h)))).toBe(false);
    return n + 1;
  },
};

describe.each(DIALECTS)('every figure in a drafted document equals its owning service (%s)', (dialect) => {
  let store: Store;
  const caseOf = new Map<Group, Pick>();

  beforeAll(async () => {
    store = await freshStore(dialect);
    const system: ServiceContext = {
      db: store.db,
      dialect: store.dialect,
      clock: fixedClock(TODAY),
      mail: disabledMail,
      languageModel: disabledLanguageModel,
      actor: cliActor,
    };
    await buildDemoPractice(system, { seed: 3, today: TODAY });
    const base = () =>
      store.db
        .selectFrom('cases')
        .innerJoin('users', 'users.id', 'cases.clinician_id')
        .select(['cases.id', 'users.id as user_id', 'users.role', 'users.name'])
        .where((eb) => eb.exists(eb.selectFrom('finding_items').select('finding_items.id').whereRef('finding_items.case_id', '=', 'cases.id')))
        .orderBy('cases.id')
        .limit(1);
    const picks: Record<Group, ReturnType<typeof base>> = {
      ehcp: base().where((eb) => eb.exists(eb.selectFrom('ehcp_plans').select('ehcp_plans.id').whereRef('ehcp_plans.case_id', '=', 'cases.id'))),
      insurer: base()
        .where('cases.funder_kind', '=', 'insurer')
        .where((eb) => eb.exists(eb.selectFrom('authorisations').select('authorisations.id').whereRef('authorisations.case_id', '=', 'cases.id')))
        .where((eb) => eb.exists(eb.selectFrom('sessions').select('sessions.id').whereRef('sessions.case_id', '=', 'cases.id'))),
      medico_legal: base().where('cases.service_line', '=', 'medico_legal'),
      housing: base().where('cases.service_line', '=', 'housing'),
      workplace: base().where('cases.service_line', '=', 'workplace'),
    };
    for (const [group, q] of Object.entries(picks) as [Group, ReturnType<typeof base>][]) {
      const row = await q.executeTakeFirst();
      if (row) caseOf.set(group, { case_id: row.id, ctx: { ...system, actor: { kind: 'user', id: row.user_id, role: row.role as never, name: row.name } } });
    }
    // A late cancellation and a missed session on the insured case: neither is charged to the authorisation, so neither is "used".
    const insured = caseOf.get('insurer')!;
    for (const attendance of ['late_cancellation', 'dna'] as const)
      await addSession(insured.ctx, { case_id: insured.case_id, on_date: '2026-11-20', duration_minutes: 60, kind: 'therapy', attendance });
  }, 180_000);
  afterAll(async () => store.close());

  /** The figure families each kind must carry, so a kind that silently drops its figures fails. */
  const EXPECTED: Record<DocumentKind, string[]> = {
    'ehcp-advice': ['scores'],
    'annual-review-contribution': ['copm', 'gas', 'scores'],
    'annual-review-summary': ['copm', 'gas', 'scores'],
    'initial-assessment': ['copm', 'gas', 'scores'],
    'progress-report': ['attendance', 'copm', 'gas', 'scores'],
    'discharge-summary': ['attendance', 'copm', 'gas', 'scores'],
    'insurer-report': ['authorisation', 'attendance', 'copm', 'gas', 'scores'],
    'expert-report': ['scores'],
    'ina-report': ['gas', 'scores'],
    'dfg-recommendation': ['scores'],
    'workplace-report': ['scores'],
    'referral-acknowledgement': ['scores'],
    'report-back': ['scores'],
    chaser: ['scores'],
    'marketing-letter': ['scores'],
  };

  it.each(DOCUMENT_KINDS)('%s', async (kind) => {
    const group = GROUP_OF[kind];
    const pick = caseOf.get(group ?? 'insurer')!;
    expect(pick, `a demo case for ${group}`).toBeTruthy();
    let extra = {};
    if (kind === 'chaser') {
      const inv = await store.db.selectFrom('invoices').selectAll().orderBy('number').executeTakeFirstOrThrow();
      extra = {
        level: 1,
        invoice: { number: inv.number, issued_on: inv.issued_on, due_on: inv.due_on ?? inv.issued_on, amount_pence: inv.total_pence, business_payer: true },
      };
    }
    if (kind === 'marketing-letter') extra = { audience: 'SENCOs of fictional schools' };
    const doc = await draftDocument(pick.ctx, { kind, ...(group ? { case_id: pick.case_id } : {}), ...extra });
    const checked: string[] = [];
    for (const [name, probe] of Object.entries(PROBES)) if ((await probe(doc, pick, kind)) > 0) checked.push(name);
    for (const family of EXPECTED[kind]) expect(checked, `${kind} carries ${family} figures`).toContain(family);
  });
});
