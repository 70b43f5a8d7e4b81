/** Sections several templates share: front sheets, scores, goals, provision, sessions, sign-off. */
import { NEED_AREA_LABELS, type NeedArea } from '../../domain/documents/kinds.js';
import { summariseCopm } from '../../domain/outcomes/copm.js';
import { GAS_LEVEL_LABELS, gasTScore, isGasLevel } from '../../domain/outcomes/gas.js';
import { formatAdministration, formatScore } from '../../domain/outcomes/scores.js';
import { formatPounds } from '../../domain/money/pence.js';
import { formatNhsNumber } from '../../domain/people/nhs-number.js';
import { formatUkDate } from '../../domain/calendar/local-date.js';
import { longDate, type Composer } from '../composer.js';
import { SIGN_OFF_TAG, UNSIGNED_TEXT } from '../signature.js';
import type { SourceAssessment, SourceProvision } from '../source.js';

export function areaLabel(area: string | null): string {
  if (!area) return 'General';
  return (NEED_AREA_LABELS as Record<string, string>)[area] ?? area;
}

/** An NHS number as it is printed: 3-3-4 ("485 777 3456"). */
export function nhsNumber(c: Composer): string {
  const n = c.src.client?.nhs_number?.replace(/\s/g, '');
  if (n && /^\d{10}$/.test(n)) {
    c.uses('client.nhs_number');
    return formatNhsNumber(n);
  }
  return c.f(c.src.client?.nhs_number, 'client.nhs_number', 'NHS number');
}

/** A recorded code word as words: "council_tenant" reads "council tenant". */
export function words(value: string | null | undefined): string | null | undefined {
  return value && /^[a-z]+(_[a-z]+)+$/.test(value) ? value.replace(/_/g, ' ') : value;
}

export function clientName(c: Composer): string {
  return c.f(c.src.client?.name, 'client.name', "client's name");
}

/** First name after the front sheet, which has already named the client in full. */
export function firstName(c: Composer): string {
  const n = c.src.client?.name?.trim();
  if (!n) return c.need('client.name', "client's name");
  c.uses('client.name');
  return n.split(/\s+/)[0]!;
}

export function clientRows(c: Composer): [string, string][] {
  const cl = c.src.client;
  return [
    ['Name', c.f(cl?.name, 'client.name', "client's name")],
    ['Date of birth', c.date(cl?.dob, 'client.dob', 'date of birth')],
    ['NHS number', nhsNumber(c)],
  ];
}

export function authorRows(c: Composer): [string, string][] {
  const a = c.src.author;
  return [
    ['Report by', c.f(a?.name, 'author.name', "author's name")],
    ['Role', c.f(a?.role, 'author.role', "author's role")],
    ['HCPC number', c.f(a?.hcpc_number, 'author.hcpc_number', "author's HCPC number")],
  ];
}

export function reportDateRow(c: Composer): [string, string] {
  c.uses('today');
  return ['Report date', longDate(c.src.today)];
}

export function assessedDates(c: Composer): string {
  const dates = [
    ...new Set([...c.src.assessments.map((a) => a.test_date), ...c.src.observations.map((o) => o.on_date)].filter((d): d is string => !!d)),
  ].sort();
  if (dates.length === 0) return c.need('assessment.dates', 'date(s) assessed');
  c.uses('assessments', 'observations');
  return dates.map(longDate).join(', ');
}

export function narrative(c: Composer, heading: string, key: Parameters<Composer['note']>[0], level: 1 | 2 = 1, tags?: string[]): void {
  c.heading(heading, level);
  c.para(c.note(key), tags);
}

function scoreRow(c: Composer, a: SourceAssessment): string[] {
  c.uses(`assessment:${a.id}`);
  return [
    a.edition ? `${a.test_name} (${a.edition})` : a.test_name,
    a.subtest ?? '—',
    a.test_date ? formatUkDate(a.test_date) : c.need(`assessment:${a.id}.test_date`, `test date of ${a.test_name}`),
    a.examiner
      ? `${a.examiner}${a.examiner_qualification ? `, ${a.examiner_qualification}` : ''}`
      : c.need(`assessment:${a.id}.examiner`, `examiner of ${a.test_name}`),
    formatScore(a) || c.need(`assessment:${a.id}.score`, `score of ${a.test_name}`),
  ];
}

export const SCORE_HEADER = ['Test', 'Subtest or scale', 'Date', 'Examiner', 'Result'];

/** The score table plus one plain-English sentence per result, which must be the clinician's own. */
/** The first administration of each test and subtest: what a baseline document reports. */
export function baselineAssessments(list: readonly SourceAssessment[]): SourceAssessment[] {
  const first = new Map<string, SourceAssessment>();
  for (const a of list) {
    const key = `${a.test_name}|${a.subtest ?? ''}`;
    const seen = first.get(key);
    if (!seen || (a.test_date ?? '9999') < (seen.test_date ?? '9999')) first.set(key, a);
  }
  return list.filter((a) => [...first.values()].includes(a));
}

export function scores(c: Composer, opts: { table?: boolean; sentences?: boolean; area?: string | null; baselineOnly?: boolean } = {}): void {
  const all = opts.baselineOnly ? baselineAssessments(c.src.assessments) : c.src.assessments;
  const list = opts.area === undefined ? all : all.filter((a) => (a.area ?? null) === opts.area);
  if (list.length === 0) {
    if (opts.area === undefined) c.para(c.need('assessments', 'standardised assessment results'));
    return;
  }
  if (opts.table !== false)
    c.table(
      SCORE_HEADER,
      list.map((a) => scoreRow(c, a)),
      ['scores'],
    );
  if (opts.sentences !== false) {
    for (const a of list) {
      c.uses(`assessment:${a.id}`);
      const meaning = c.f(a.interpretation, `assessment:${a.id}.interpretation`, `what the ${a.test_name} result means for function`);
      c.para(
        `${formatAdministration({ ...a, test_date: null })}${a.test_date ? `, tested ${longDate(a.test_date)}` : ''}: ${formatScore(a) || c.need(`assessment:${a.id}.score`, `score of ${a.test_name}`)}. ${meaning}`,
      );
    }
  }
}

export function observations(c: Composer, area?: string | null): void {
  const list = area === undefined ? c.src.observations : c.src.observations.filter((o) => (o.area ?? null) === area);
  for (const o of list) {
    c.uses(`observation:${o.id}`);
    const where = [o.setting, o.on_date ? longDate(o.on_date) : null].filter(Boolean).join(', ');
    c.para(where ? `Observed (${where}): ${o.text}` : `Observed: ${o.text}`);
  }
}

/** Findings grouped by area: observations and scores of each area together. */
export function findingsByArea(c: Composer, opts: { baselineOnly?: boolean } = {}): void {
  const areas = [...new Set([...c.src.observations.map((o) => o.area ?? null), ...c.src.assessments.map((a) => a.area ?? null)])];
  if (areas.length === 0) {
    c.para(c.need('observations', 'observations and assessment findings'));
    return;
  }
  for (const area of areas) {
    c.heading(areaLabel(area), 2);
    observations(c, area);
    scores(c, { table: false, area, ...(opts.baselineOnly ? { baselineOnly: true } : {}) });
  }
}

export function needsList(c: Composer, opts: { numbered?: boolean } = {}): void {
  if (c.src.needs.length === 0) {
    c.para(c.need('needs', 'presenting needs by area'));
    return;
  }
  c.uses('needs');
  c.list(
    c.src.needs.map((n, i) => `${opts.numbered ? `N${i + 1}. ` : ''}${n.text} (${areaLabel(n.area)})`),
    ['needs'],
  );
}

export function recommendations(c: Composer): void {
  if (c.src.recommendations.length === 0) {
    c.para(c.need('recommendations', 'recommendations'));
    return;
  }
  c.uses('recommendations');
  c.list(c.src.recommendations.map((r) => r.text));
}

export function smartOutcomes(c: Composer): void {
  const smart = c.src.goals.filter((g) => g.kind === 'smart');
  if (smart.length === 0) {
    c.para(c.need('goals.smart', 'outcomes (SMART, with a target date)'));
    return;
  }
  c.list(
    smart.map((g) => {
      c.uses(`goal:${g.id}`);
      const by = g.target_date ? `By ${longDate(g.target_date)}: ` : `${c.need(`goal:${g.id}.target_date`, `target date for "${g.text.slice(0, 40)}"`)} `;
      return `${by}${g.text}`;
    }),
    ['outcomes'],
  );
}

const rating = (n: number | null): string => (n === null ? '—' : String(n));
const signed = (n: number | null): string => (n === null ? '—' : n > 0 ? `+${n}` : String(n));

export function copmTable(c: Composer, opts: { baselineOnly?: boolean } = {}): void {
  const copm = c.src.goals.filter((g) => g.kind === 'copm');
  if (copm.length === 0) return;
  c.uses(...copm.map((g) => `goal:${g.id}`));
  const summary = summariseCopm(
    copm.map((g) => ({
      problem: g.text,
      importance: g.importance,
      performance_baseline: g.performance_baseline,
      satisfaction_baseline: g.satisfaction_baseline,
      performance_followup: opts.baselineOnly ? null : g.performance_followup,
      satisfaction_followup: opts.baselineOnly ? null : g.satisfaction_followup,
    })),
  );
  const pair = (a: number | null, b: number | null) => `${rating(a)} / ${rating(b)}`;
  if (opts.baselineOnly || summary.compared === 0) {
    const rows = copm.map((g) => [g.text, rating(g.importance), pair(g.performance_baseline, g.satisfaction_baseline)]);
    rows.push(['Average', '', pair(summary.performance_baseline, summary.satisfaction_baseline)]);
    c.table(['COPM problem', 'Importance', 'Baseline performance / satisfaction'], rows, ['copm']);
    c.uses(...copm.map((g) => `goal:${g.id}`));
    c.para('Canadian Occupational Performance Measure: ratings 1–10, to be repeated at review; a change of 2 or more will be clinically important.');
    return;
  }
  const rows = copm.map((g, i) => {
    const ch = summary.problems[i]!;
    return [
      g.text,
      rating(g.importance),
      pair(g.performance_baseline, g.satisfaction_baseline),
      pair(g.performance_followup, g.satisfaction_followup),
      `${signed(ch.performance_change)}${ch.performance_important ? ' *' : ''} / ${signed(ch.satisfaction_change)}${ch.satisfaction_important ? ' *' : ''}`,
    ];
  });
  rows.push([
    'Average',
    '',
    pair(summary.performance_baseline, summary.satisfaction_baseline),
    pair(summary.performance_followup, summary.satisfaction_followup),
    `${signed(summary.performance_change)}${summary.performance_important ? ' *' : ''} / ${signed(summary.satisfaction_change)}${summary.satisfaction_important ? ' *' : ''}`,
  ]);
  c.table(['COPM problem', 'Importance', 'Baseline performance / satisfaction', 'Follow-up performance / satisfaction', 'Change'], rows, ['copm']);
  c.uses(...copm.map((g) => `goal:${g.id}`));
  const rated = copm.filter((g) => g.performance_baseline !== null).length;
  c.para(
    `Canadian Occupational Performance Measure: ratings 1–10; a change of 2 or more (marked *) is clinically important.${summary.compared < rated ? ` The averages compare the ${summary.compared} problems rated at both times.` : ''}${summary.mixed ? ' Changes went in different directions for different problems, so the average should be read with the per-problem figures.' : ''}`,
  );
}

export function gasTable(c: Composer, opts: { baselineOnly?: boolean } = {}): void {
  const gas = c.src.goals.filter((g) => g.kind === 'gas');
  if (gas.length === 0) return;
  c.uses(...gas.map((g) => `goal:${g.id}`));
  const level = (n: number | null) => (isGasLevel(n) ? `${signed(n)} (${GAS_LEVEL_LABELS[n]})` : null);
  c.table(
    opts.baselineOnly ? ['GAS goal', 'Weight', 'Baseline'] : ['GAS goal', 'Weight', 'Baseline', 'Outcome'],
    gas.map((g) => [g.text, String(g.gas_weight ?? 1), level(g.gas_baseline) ?? '—', ...(opts.baselineOnly ? [] : [level(g.gas_outcome) ?? 'not yet scored'])]),
    ['gas'],
  );
  const base = gasTScore(gas.filter((g) => isGasLevel(g.gas_baseline)).map((g) => ({ level: g.gas_baseline!, weight: g.gas_weight })));
  const outcome = gasTScore(gas.filter((g) => isGasLevel(g.gas_outcome)).map((g) => ({ level: g.gas_outcome!, weight: g.gas_weight })));
  c.uses(...gas.map((g) => `goal:${g.id}`));
  c.para(
    opts.baselineOnly
      ? `Goal Attainment Scaling T-score (Kiresuk–Sherman, ρ = 0.3; 50 means goals met as expected) at baseline: ${base === null ? 'not scored' : base.toFixed(1)}.`
      : `Goal Attainment Scaling T-score (Kiresuk–Sherman, ρ = 0.3; 50 means goals met as expected): baseline ${base === null ? 'not scored' : base.toFixed(1)}, outcome ${outcome === null ? 'not yet scored' : outcome.toFixed(1)}.`,
  );
}

export function goals(c: Composer, opts: { baselineOnly?: boolean } = {}): void {
  if (c.src.goals.length === 0) {
    c.para(c.need('goals', 'goals (COPM, GAS or SMART)'));
    return;
  }
  if (c.src.goals.some((g) => g.kind === 'smart')) smartOutcomes(c);
  copmTable(c, opts);
  gasTable(c, opts);
}

export const PROVISION_HEADER = ['Need', 'Provision', 'Who (qualification)', 'How often and how long', 'Group or 1:1', 'Where', 'Direct or indirect', 'Review'];

export function provisionRow(c: Composer, p: SourceProvision): string[] {
  c.uses(`provision:${p.id}`);
  const k = `provision:${p.id}`;
  const short = p.what.slice(0, 40);
  const who = p.who ? `${p.who}${p.qualification ? ` (${p.qualification})` : ''}` : c.need(`${k}.who`, `who delivers "${short}"`);
  const often = p.frequency ?? c.need(`${k}.frequency`, `how often "${short}" happens`);
  const long = p.duration ?? c.need(`${k}.duration`, `how long each "${short}" session lasts`);
  return [
    p.need_ref ?? '—',
    p.what,
    who,
    `${often}, ${long}${p.programme_length ? `, for ${p.programme_length}` : ''}`,
    p.group_size ?? c.need(`${k}.group_size`, `group size for "${short}"`),
    p.location ?? c.need(`${k}.location`, `where "${short}" happens`),
    p.delivery ?? c.need(`${k}.delivery`, `whether "${short}" is direct or indirect`),
    p.review ?? c.need(`${k}.review`, `review point for "${short}"`),
  ];
}

const SECTION_TITLES = { F: 'Section F: special educational provision', G: 'Section G: health provision', H: 'Section H: social care provision' } as const;

export function provisionTables(c: Composer, opts: { layout?: 'split' | 'single'; sections?: readonly ('F' | 'G' | 'H')[]; headings?: boolean } = {}): void {
  const sections = opts.sections ?? ['F', 'G', 'H'];
  const lines = c.src.provision.filter((p) => sections.includes(p.section));
  if (lines.length === 0) {
    c.para(c.need('provision', 'provision lines (what, who, how often, how long)'));
    return;
  }
  if (opts.layout === 'single') {
    c.table(
      ['Section', ...PROVISION_HEADER],
      lines.map((p) => [p.section, ...provisionRow(c, p)]),
      ['provision'],
    );
    return;
  }
  for (const s of sections) {
    const of = lines.filter((p) => p.section === s);
    if (of.length === 0) continue;
    if (opts.headings !== false) c.heading(SECTION_TITLES[s], 2);
    c.table(
      PROVISION_HEADER,
      of.map((p) => provisionRow(c, p)),
      ['provision', `provision-${s}`],
    );
  }
}

/** Plan lines for non-EHCP reports: one sentence per line. */
export function planLines(c: Composer): void {
  if (c.src.provision.length === 0) {
    c.para(c.need('provision', 'the plan: type, frequency, session length, number of sessions, setting'));
    return;
  }
  c.list(
    c.src.provision.map((p) => {
      const r = provisionRow(c, p);
      return `${p.what}: ${r[2]}; ${r[3]}; ${r[4]}; ${r[5]}; review ${r[7]}${p.cost_pence !== null ? `; cost ${formatPounds(p.cost_pence)}${p.cost_basis ? ` (${p.cost_basis})` : ''}` : ''}`;
    }),
    ['provision'],
  );
}

export function sessionsSummary(c: Composer): void {
  const s = c.src.sessions;
  if (s.length === 0) {
    c.para(c.need('sessions', 'sessions delivered'));
    return;
  }
  c.uses('sessions');
  const count = (a: string) => s.filter((x) => x.attendance === a).length;
  const first = s.map((x) => x.on_date).sort()[0]!;
  const last = s
    .map((x) => x.on_date)
    .sort()
    .at(-1)!;
  c.fields([
    ['Period', `${longDate(first)} to ${longDate(last)}`],
    ['Sessions booked', String(s.length)],
    ['Attended', String(count('attended'))],
    ['Cancelled (including late)', String(count('cancelled') + count('late_cancellation'))],
    ['Did not attend', String(count('dna'))],
  ]);
}

export function signOff(c: Composer, opts: { tags?: string[]; heading?: string } = {}): void {
  c.heading(opts.heading ?? 'Sign-off', 1);
  const a = c.src.author;
  c.fields(
    [
      ['Name', c.f(a?.name, 'author.name', "author's name")],
      ['Qualifications', c.f(a?.qualifications, 'author.qualifications', "author's qualifications")],
      ...(a?.professional_bodies ? [['Professional bodies', a.professional_bodies] satisfies [string, string]] : []),
      ['Role', c.f(a?.role, 'author.role', "author's role")],
      ['HCPC number', c.f(a?.hcpc_number, 'author.hcpc_number', "author's HCPC number")],
      ['Date(s) seen', assessedDates(c)],
      reportDateRow(c),
      ['Signature', UNSIGNED_TEXT],
    ],
    [...(opts.tags ?? []), SIGN_OFF_TAG],
  );
}

export function greeting(c: Composer, to: string | null | undefined, field: string, label: string): void {
  c.para(`Dear ${c.f(to, field, label)},`);
}

export function letterClose(c: Composer): void {
  c.para('Yours sincerely,');
  const a = c.src.author;
  c.para(
    `${c.f(a?.name, 'author.name', "author's name")}\n${c.f(a?.qualifications, 'author.qualifications', "author's qualifications")}\n${c.f(a?.role, 'author.role', "author's role")}, HCPC registration number ${c.f(a?.hcpc_number, 'author.hcpc_number', "author's HCPC number")}\n${c.f(c.src.practice.name, 'practice.name', 'practice name')}`,
    [SIGN_OFF_TAG],
  );
}

export type NeedAreaKey = NeedArea;
