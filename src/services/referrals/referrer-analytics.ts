/**
 * Source health: per referral source, referrals per quarter, conversion to
 * accepted cases, revenue invoiced on referred cases, median working days to acknowledge,
 * report-backs on time, last referral and whether the source has gone dormant. A handful of
 * whole-table reads (no per-source queries), so it stays fast on a large practice.
 */
import { sql } from 'kysely';
import { parseInput } from '../../contract/common.js';
import { referrersInput, type ReferrersInput } from '../../contract/referrals.js';
import type { LocalDate } from '../../domain/calendar/local-date.js';
import {
  dormancyFromDays,
  REF_RULES,
  SOURCE_KIND_LABELS,
  sourceHealthFromTallies,
  workingDaysBetween,
  type SourceHealth,
  type SourceKind,
  type SourceTallies,
} from '../../domain/referrals/referrals.js';
import { requirePermission } from '../access.js';
import type { Db, ServiceContext } from '../context.js';
import { practiceCalendar } from './common.js';
import { listReferralSources } from './list-referral-sources.js';
import type { SourceView } from './referral-source.js';

export interface Referrer extends SourceHealth {
  id: string;
  name: string;
  kind: string;
  kind_label: string;
  organisation_name: string | null;
  expects: string;
}

export interface ReferrerAnalytics {
  date: string;
  /** False when this database has no invoices table yet: revenue_pence is then null for every source. */
  revenue_available: boolean;
  referrers: Referrer[];
}

/** Revenue invoiced (net of credit notes, void invoices left out) per source, or null without an invoices table. */
async function revenueBySource(db: Db, on: string): Promise<Map<string, number> | null> {
  try {
    // Driven from the invoices (summed per case first), so a practice with few invoices pays little.
    const rows = await sql<{ source_id: string; pence: number | string | null }>`
      select r.source_id as source_id, sum(x.pence) as pence
      from (select case_id, sum(total_pence - credited_pence) as pence from invoices
            where case_id is not null and kind = 'invoice' and status <> 'void' and issued_on <= ${on} group by case_id) x
      join referrals r on r.case_id = x.case_id
      group by r.source_id`.execute(db);
    return new Map(rows.rows.map((r) => [r.source_id, Number(r.pence ?? 0)]));
  } catch (e) {
    // The invoices table arrives with migration 0004; before it there is simply no revenue to report.
    if (/invoices/.test(String(e)) && /no such table|does not exist/.test(String(e))) return null;
    throw e;
  }
}

/** Source health for the owner and admin: it carries revenue, which clinicians do not see. */
export async function referrerAnalytics(ctx: ServiceContext, input: ReferrersInput = {}): Promise<ReferrerAnalytics> {
  requirePermission(ctx.actor, 'referrers.analyse');
  const opts = parseInput(referrersInput, input);
  const date = (opts.date ?? ctx.clock.today()) as LocalDate;
  const db = ctx.db;
  const n = (v: unknown) => Number(v ?? 0);
  // One scan of the covering index referrals_source_tally_idx and one of the covering tasks rule index; no referral rows are shipped.
  const [sources, days, lateAcks, reportBacks, revenue, calendar] = await Promise.all([
    listReferralSources(ctx),
    db
      .selectFrom('referrals')
      .select((eb) => [
        'source_id',
        'received_on',
        eb.fn.countAll<number>().as('n'),
        eb.fn.sum<number>(sql`case when status = 'accepted' then 1 else 0 end`).as('accepted'),
        eb.fn.sum<number>(sql`case when ack_days is null and status <> 'declined' then 1 else 0 end`).as('unacked'),
        'ack_days',
      ])
      .where('received_on', '<=', date)
      // One pass over the index gives days, outcomes and acknowledgement times together.
      .groupBy(['source_id', 'received_on', 'ack_days'])
      .execute(),
    // Acknowledged by completing the task from Today (the referral row does not know): few, counted here.
    db
      .selectFrom('tasks')
      .innerJoin('referrals', 'referrals.id', 'tasks.trigger_ref')
      .select(['referrals.source_id', 'referrals.received_on', 'tasks.completed_on'])
      .where('tasks.rule_id', '=', REF_RULES.ack)
      .where('tasks.status', '=', 'done')
      .where('referrals.ack_days', 'is', null)
      .where('referrals.received_on', '<=', date)
      .execute(),
    db
      .selectFrom('tasks')
      .innerJoin('referrals', 'referrals.id', 'tasks.trigger_ref')
      .select((eb) => [
        'referrals.source_id',
        eb.fn
          .sum<number>(
            sql`case when (tasks.status = 'done' and tasks.completed_on is not null) or (tasks.status = 'open' and tasks.due_on < ${date}) then 1 else 0 end`,
          )
          .as('due'),
        eb.fn.sum<number>(sql`case when tasks.status = 'done' and tasks.completed_on <= tasks.due_on then 1 else 0 end`).as('on_time'),
      ])
      .where('tasks.rule_id', '=', REF_RULES.reportBack)
      .where('tasks.trigger_on', '<=', date)
      .groupBy('referrals.source_id')
      .execute(),
    revenueBySource(db, date),
    practiceCalendar(db),
  ]);
  const tallies = new Map<string, SourceTallies & { days: [string, number][]; ack_days: [number, number][] }>(
    sources.map((s) => [
      s.id,
      {
        days: [],
        accepted: 0,
        unacknowledged: 0,
        ack_days: [],
        report_backs_due: 0,
        report_backs_on_time: 0,
        revenue_pence: revenue ? (revenue.get(s.id) ?? 0) : null,
      },
    ]),
  );
  for (const d of days) {
    const t = tallies.get(d.source_id);
    if (!t) continue;
    // Rows come per (day, acknowledgement time); a day split over several rows is still one day.
    const last = t.days[t.days.length - 1];
    if (last && last[0] === d.received_on) last[1] += n(d.n);
    else t.days.push([d.received_on, n(d.n)]);
    t.accepted += n(d.accepted);
    t.unacknowledged += n(d.unacked);
    if (d.ack_days !== null) t.ack_days.push([n(d.ack_days), n(d.n)]);
  }
  for (const l of lateAcks) {
    const t = tallies.get(l.source_id);
    if (!t || !l.completed_on || l.completed_on > date) continue;
    t.ack_days.push([workingDaysBetween(l.received_on as LocalDate, l.completed_on as LocalDate, calendar), 1]);
    t.unacknowledged = Math.max(0, t.unacknowledged - 1);
  }
  for (const r of reportBacks) {
    const t = tallies.get(r.source_id);
    if (t) Object.assign(t, { report_backs_due: n(r.due), report_backs_on_time: n(r.on_time) });
  }
  const referrers = sources.map((s: SourceView): Referrer => ({
    id: s.id,
    name: s.name,
    kind: s.kind,
    kind_label: s.kind_label,
    organisation_name: s.organisation_name,
    expects: s.expects,
    ...sourceHealthFromTallies(tallies.get(s.id)!, date, opts.quarters ?? 8),
  }));
  return { date, revenue_available: revenue !== null, referrers };
}

export interface DormantSource {
  id: string;
  name: string;
  kind_label: string;
  last_referral: string;
  silence_days: number;
  median_gap_days: number;
  referrals: number;
}

/**
 * Sources gone quiet and worth a call, longest silence first: the briefing's companion list.
 * Names and dates only (no revenue), so every role may see it; it reads just the referral
 * dates (a covering index), so the morning briefing stays quick on a large practice.
 */
export async function listDormantSources(ctx: ServiceContext, input: { date?: string } = {}): Promise<DormantSource[]> {
  const date = (parseInput(referrersInput, input).date ?? ctx.clock.today()) as LocalDate;
  const [sources, rows] = await Promise.all([
    ctx.db.selectFrom('referral_sources').select(['id', 'name', 'kind']).execute(),
    ctx.db
      .selectFrom('referrals')
      .select((eb) => ['source_id', 'received_on', eb.fn.countAll<number>().as('n')])
      .where('received_on', '<=', date)
      .groupBy(['source_id', 'received_on'])
      .execute(),
  ]);
  const days = new Map<string, [string, number][]>();
  for (const r of rows) (days.get(r.source_id) ?? days.set(r.source_id, []).get(r.source_id)!).push([r.received_on, Number(r.n)]);
  const out: DormantSource[] = [];
  for (const s of sources) {
    const ds = days.get(s.id) ?? [];
    const d = dormancyFromDays(ds, date);
    if (d.dormant)
      out.push({
        id: s.id,
        name: s.name,
        kind_label: SOURCE_KIND_LABELS[s.kind as SourceKind] ?? s.kind,
        last_referral: d.last_referral!,
        silence_days: d.silence_days!,
        median_gap_days: d.median_gap_days!,
        referrals: ds.reduce((t, [, k]) => t + k, 0),
      });
  }
  return out.sort((x, y) => y.silence_days - x.silence_days || x.name.localeCompare(y.name));
}
