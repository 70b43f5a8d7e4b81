/**
 * Source health (issue 6 item 4): per referral source, referrals per quarter, conversion to
 * accepted cases, revenue invoiced on referred cases, median working days to acknowledge,
 * report-backs on time, last referral and whether the source has gone dormant. A handful of
 * whole-table reads (no per-source queries), so it stays fast on a large practice.
 */
import { sql } from 'kysely';
import { parseInput } from '../../contract/common.js';
import { referrersInput, type ReferrersInput } from '../../contract/referrals.js';
import type { LocalDate } from '../../domain/calendar/local-date.js';
import { dormancy, REF_RULES, SOURCE_KIND_LABELS, sourceHealth, type SourceHealth, type SourceHistory, type SourceKind } from '../../domain/referrals/referrals.js';
import { requireRole } from '../access.js';
import type { Db, ServiceContext } from '../context.js';
import { practiceCalendar } from './common.js';
import { listReferralSources, type SourceView } from './sources.js';

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
    const rows = await sql<{ source_id: string; pence: number | string | null }>`
      select r.source_id as source_id, sum(i.total_pence - i.credited_pence) as pence
      from referrals r join invoices i on i.case_id = r.case_id
      where r.case_id is not null and i.kind = 'invoice' and i.status <> 'void' and i.issued_on <= ${on}
      group by r.source_id`.execute(db);
    return new Map(rows.rows.map((r) => [r.source_id, Number(r.pence ?? 0)]));
  } catch (e) {
    // The invoices table arrives with migration 0004 (issue 5); before it there is simply no revenue to report.
    if (/invoices/.test(String(e)) && /no such table|does not exist/.test(String(e))) return null;
    throw e;
  }
}

/** Source health for the owner and admin: it carries revenue, which clinicians do not see. */
export async function referrerAnalytics(ctx: ServiceContext, input: ReferrersInput = {}): Promise<ReferrerAnalytics> {
  requireRole(ctx.actor, ['owner', 'admin'], 'see referrer analytics');
  return computeAnalytics(ctx, parseInput(referrersInput, input));
}

async function computeAnalytics(ctx: ServiceContext, opts: { date?: string; quarters?: number }): Promise<ReferrerAnalytics> {
  const date = (opts.date ?? ctx.clock.today()) as LocalDate;
  const [sources, referrals, acks, reportBacks, revenue, calendar] = await Promise.all([
    listReferralSources(ctx),
    ctx.db.selectFrom('referrals').select(['id', 'source_id', 'received_on', 'status', 'acknowledged_on']).where('received_on', '<=', date).execute(),
    ctx.db.selectFrom('tasks').select(['trigger_ref', 'completed_on']).where('rule_id', '=', REF_RULES.ack).where('status', '=', 'done').execute(),
    ctx.db
      .selectFrom('tasks')
      .innerJoin('referrals', 'referrals.id', 'tasks.trigger_ref')
      .select(['referrals.source_id', 'tasks.due_on', 'tasks.status', 'tasks.completed_on'])
      .where('tasks.rule_id', '=', REF_RULES.reportBack)
      .where('tasks.trigger_on', '<=', date)
      .execute(),
    revenueBySource(ctx.db, date),
    practiceCalendar(ctx.db),
  ]);
  const ackDone = new Map(acks.map((a) => [a.trigger_ref!, a.completed_on]));
  const history = new Map<string, SourceHistory>(sources.map((s) => [s.id, { referrals: [], report_backs: [], revenue_pence: revenue ? (revenue.get(s.id) ?? 0) : null }]));
  for (const r of referrals) {
    history.get(r.source_id)?.referrals.push({ received_on: r.received_on, status: r.status, acknowledged_on: r.acknowledged_on ?? ackDone.get(r.id) ?? null });
  }
  for (const t of reportBacks) history.get(t.source_id)?.report_backs.push({ due_on: t.due_on, status: t.status, completed_on: t.completed_on });
  const referrers = sources.map((s: SourceView): Referrer => ({
    id: s.id,
    name: s.name,
    kind: s.kind,
    kind_label: s.kind_label,
    organisation_name: s.organisation_name,
    expects: s.expects,
    ...sourceHealth(history.get(s.id)!, date, calendar, opts.quarters ?? 8),
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
    ctx.db.selectFrom('referrals').select(['source_id', 'received_on']).where('received_on', '<=', date).execute(),
  ]);
  const dates = new Map<string, string[]>();
  for (const r of rows) (dates.get(r.source_id) ?? dates.set(r.source_id, []).get(r.source_id)!).push(r.received_on);
  const out: DormantSource[] = [];
  for (const s of sources) {
    const ds = dates.get(s.id) ?? [];
    const d = dormancy(ds, date);
    if (d.dormant) out.push({ id: s.id, name: s.name, kind_label: SOURCE_KIND_LABELS[s.kind as SourceKind] ?? s.kind, last_referral: d.last_referral!, silence_days: d.silence_days!, median_gap_days: d.median_gap_days!, referrals: ds.length });
  }
  return out.sort((x, y) => y.silence_days - x.silence_days || x.name.localeCompare(y.name));
}
