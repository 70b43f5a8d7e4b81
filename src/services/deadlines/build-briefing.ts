/**
 * The morning briefing: overdue, today, this week and the next four weeks,
 * hard (statutory, court) before soft, each item saying what to do, for whom, by when and,
 * for rule-made items, which rule and why. The query touches open tasks only, so its cost
 * grows with the work due, not with the history kept.
 */
import { parseInput } from '../../contract/common.js';
import { briefingInput, type BriefingInput } from '../../contract/deadlines.js';
import { addDays, dayOfWeek, formatUkDate, type LocalDate } from '../../domain/calendar/local-date.js';
import { sql } from 'kysely';
import { obligationOf, ruleStanding } from '../../domain/deadlines/rules.js';
import { seesAllClients } from '../access.js';
import type { ServiceContext } from '../context.js';
import { listDormantSources, type DormantSource } from '../referrals/referrer-analytics.js';

export const BRIEFING_SECTIONS = ['overdue', 'today', 'this_week', 'next_4_weeks'] as const;
export type BriefingSection = (typeof BRIEFING_SECTIONS)[number];
export const SECTION_TITLES: Record<BriefingSection, string> = {
  overdue: 'Overdue',
  today: 'Due today',
  this_week: 'This week',
  next_4_weeks: 'Next four weeks',
};

export interface BriefingItem {
  task_id: string;
  section: BriefingSection;
  due: string;
  title: string;
  client: string | null;
  client_id: string | null;
  case_id: string | null;
  hard: boolean;
  kind: string;
  rule: string | null;
  reason: string | null;
  /** What kind of obligation it is, in words (obligationOf). */
  obligation: string;
  /** How far the rule is checked, in words, for a rule-made item. */
  standing: string | null;
  assignee: string | null;
  trigger_kind: string | null;
  trigger_ref: string | null;
}

export interface Briefing {
  date: string;
  items: BriefingItem[];
  /** How many open tasks fall in each section (the lists are capped at BRIEFING_SECTION_CAP). */
  counts: Record<BriefingSection, number>;
  /** Open tasks due after the four-week horizon, counted up to LATER_CAP. */
  later_count: number;
  /** Referral sources gone quiet and worth a call (services/referrals); overdue acknowledgements are tasks above. */
  dormant_sources?: DormantSource[];
}

/** Open tasks beyond the four weeks are counted up to this many ("1,000 or more"). */
export const LATER_CAP = 1000;

/** Each section lists at most this many items (hard first, then soonest); `counts` says how many there are. */
export const BRIEFING_SECTION_CAP = 200;

export async function buildBriefing(ctx: ServiceContext, input: BriefingInput = {}): Promise<Briefing> {
  const opts = parseInput(briefingInput, input);
  const date = (opts.date ?? ctx.clock.today()) as LocalDate;
  // "This week" runs to Sunday; "next four weeks" to 28 days after the day.
  const endOfWeek = addDays(date, (7 - dayOfWeek(date)) % 7);
  const horizon = addDays(date, 28);
  // A clinician's briefing is their work: tasks assigned to them (rule-made tasks go to the
  // case's clinician) and the practice's unassigned, client-less tasks. Owners and admins see all.
  const scopeTo = opts.clinician_id ?? (!seesAllClients(ctx.actor) && ctx.actor.kind === 'user' ? ctx.actor.id : undefined);

  const open = () => {
    let q = ctx.db
      .selectFrom('tasks')
      .where('tasks.status', '=', 'open')
      .where((eb) => eb.or([eb('tasks.snoozed_until', 'is', null), eb('tasks.snoozed_until', '<=', date)]));
    if (scopeTo) {
      q = q.where((eb) => eb.or([eb('tasks.assignee_id', '=', scopeTo), eb.and([eb('tasks.assignee_id', 'is', null), eb('tasks.client_id', 'is', null)])]));
    }
    return q;
  };
  const ranges: Record<BriefingSection, { from?: string; to: string }> = {
    overdue: { to: addDays(date, -1) },
    today: { from: date, to: date },
    this_week: { from: addDays(date, 1), to: endOfWeek },
    next_4_weeks: { from: addDays(endOfWeek, 1), to: horizon },
  };
  // Hard deadlines first, then soft, each in due order: index walks that stop at the cap.
  const page = (section: BriefingSection, hardness: 'hard' | 'soft', limit: number) => {
    if (limit <= 0) return Promise.resolve([]);
    const r = ranges[section];
    let q = open().where('tasks.hardness', '=', hardness).where('tasks.due_on', '<=', r.to);
    if (r.from) q = q.where('tasks.due_on', '>=', r.from);
    return q
      .leftJoin('clients', 'clients.id', 'tasks.client_id')
      .leftJoin('users', 'users.id', 'tasks.assignee_id')
      .select([
        'tasks.id',
        'tasks.due_on',
        'tasks.title',
        'tasks.hardness',
        'tasks.kind',
        'tasks.rule_id',
        'tasks.reason',
        'tasks.client_id',
        'tasks.case_id',
        'tasks.trigger_kind',
        'tasks.trigger_ref',
        'clients.name as client_name',
        'users.name as assignee_name',
      ])
      .orderBy('tasks.due_on')
      .orderBy('tasks.id')
      .limit(limit)
      .execute();
  };
  const list = async (section: BriefingSection) => {
    const hard = await page(section, 'hard', BRIEFING_SECTION_CAP);
    return [...hard, ...(await page(section, 'soft', BRIEFING_SECTION_CAP - hard.length))];
  };
  // The sections' counts in one pass over the open tasks' index, up to the horizon only.
  const n = (cond: ReturnType<typeof sql<number>>) => sql<number>`coalesce(sum(case when ${cond} then 1 else 0 end), 0)`;
  const countsQuery = open()
    .where('tasks.due_on', '<=', horizon)
    .select([
      n(sql`tasks.due_on < ${date}`).as('overdue'),
      n(sql`tasks.due_on = ${date}`).as('today'),
      n(sql`tasks.due_on > ${date} and tasks.due_on <= ${endOfWeek}`).as('this_week'),
      n(sql`tasks.due_on > ${endOfWeek}`).as('next_4_weeks'),
    ])
    .executeTakeFirst();
  // Beyond the horizon only "how many more" matters, so the count stops at LATER_CAP rather than
  // walking every open task the practice will ever have.
  const laterQuery = ctx.db
    .selectFrom(open().where('tasks.due_on', '>', horizon).select('tasks.id').limit(LATER_CAP).as('later'))
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirst();
  const [lists, totals, later] = await Promise.all([Promise.all(BRIEFING_SECTIONS.map(list)), countsQuery, laterQuery]);
  const items: BriefingItem[] = BRIEFING_SECTIONS.flatMap((section, i) =>
    lists[i]!.map((r) => ({
      task_id: r.id,
      section,
      due: r.due_on,
      title: r.title,
      client: r.client_name,
      client_id: r.client_id,
      case_id: r.case_id,
      hard: r.hardness === 'hard',
      kind: r.kind,
      rule: r.rule_id,
      reason: r.reason,
      obligation: obligationOf(r.rule_id, r.kind),
      standing: ruleStanding(r.rule_id)?.words ?? null,
      assignee: r.assignee_name,
      trigger_kind: r.trigger_kind,
      trigger_ref: r.trigger_ref,
    })),
  );
  const counts = Object.fromEntries(BRIEFING_SECTIONS.map((s) => [s, Number(totals?.[s] ?? 0)])) as Record<BriefingSection, number>;
  // Referrers gone quiet are the practice's business: shown on the practice-wide briefing,
  // not on one clinician's, which also keeps a clinician's Today quick on a large practice.
  const dormant = scopeTo ? undefined : await listDormantSources(ctx, { date });
  return { date, items, counts, later_count: Number(later?.n ?? 0), ...(dormant ? { dormant_sources: dormant } : {}) };
}

/** The briefing as Markdown that reads well as an email. */
export function briefingMarkdown(b: Briefing, practiceName: string): string {
  const lines = [`# ${practiceName}: briefing for ${formatUkDate(b.date)}`, ''];
  const total = b.items.length;
  lines.push(
    total === 0
      ? 'Nothing is due in the next four weeks.'
      : `${b.counts.overdue} overdue, ${b.counts.today} due today, ${b.counts.this_week} more this week, ${b.counts.next_4_weeks} in the next four weeks.`,
  );
  for (const s of BRIEFING_SECTIONS) {
    const items = b.items.filter((i) => i.section === s);
    if (items.length === 0) continue;
    lines.push('', `## ${SECTION_TITLES[s]}`, '');
    for (const i of items) {
      const head = `- **${formatUkDate(i.due)}** (${i.hard ? 'hard' : 'soft'}, ${i.obligation}): ${i.title}${i.client ? ` — ${i.client}` : ''}`;
      lines.push(head);
      if (i.rule) lines.push(`  - ${i.rule}${i.reason ? `: ${i.reason.replace(/\s*\[[^\]]*\]$/, '')}` : ''}`);
      if (i.standing) lines.push(`  - ${i.standing}.`);
    }
  }
  if (b.dormant_sources?.length) {
    lines.push('', '## Referrers worth a call', '');
    for (const d of b.dormant_sources)
      lines.push(
        `- ${d.name} (${d.kind_label}): no referral since ${formatUkDate(d.last_referral)}, ${d.silence_days} days; usually every ${Math.round(d.median_gap_days)} days.`,
      );
  }
  return lines.join('\n');
}
