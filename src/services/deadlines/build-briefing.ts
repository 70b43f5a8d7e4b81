/**
 * The morning briefing (issue 4 item 5): overdue, today, this week and the next four weeks,
 * hard (statutory, court) before soft, each item saying what to do, for whom, by when and,
 * for rule-made items, which rule and why. The query touches open tasks only, so its cost
 * grows with the work due, not with the history kept.
 */
import { parseInput } from '../../contract/common.js';
import { briefingInput, type BriefingInput } from '../../contract/deadlines.js';
import { addDays, dayOfWeek, formatUkDate, type LocalDate } from '../../domain/calendar/local-date.js';
import { inCaseload, seesAllClients } from '../access.js';
import type { ServiceContext } from '../context.js';

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
  assignee: string | null;
}

export interface Briefing {
  date: string;
  items: BriefingItem[];
  counts: Record<BriefingSection, number>;
}

export async function buildBriefing(ctx: ServiceContext, input: BriefingInput = {}): Promise<Briefing> {
  const opts = parseInput(briefingInput, input);
  const date = (opts.date ?? ctx.clock.today()) as LocalDate;
  // "This week" runs to Sunday; "next four weeks" to 28 days after today.
  const endOfWeek = addDays(date, (7 - dayOfWeek(date)) % 7);
  const horizon = addDays(date, 28);
  let q = ctx.db
    .selectFrom('tasks')
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
      'clients.name as client_name',
      'users.name as assignee_name',
    ])
    .where('tasks.status', '=', 'open')
    .where('tasks.due_on', '<=', horizon)
    .where((eb) => eb.or([eb('tasks.snoozed_until', 'is', null), eb('tasks.snoozed_until', '<=', date)]));
  const scopeTo = opts.clinician_id ?? (!seesAllClients(ctx.actor) && ctx.actor.kind === 'user' ? ctx.actor.id : undefined);
  if (scopeTo) {
    q = q.where((eb) =>
      eb.or([
        eb('tasks.assignee_id', '=', scopeTo),
        eb.and([eb('tasks.assignee_id', 'is', null), eb('tasks.client_id', 'is', null)]),
        eb('tasks.client_id', 'in', eb.selectFrom('clients').select('clients.id').where(inCaseload(scopeTo))),
      ]),
    );
  }
  const rows = await q.execute();
  const section = (due: string): BriefingSection => (due < date ? 'overdue' : due === date ? 'today' : due <= endOfWeek ? 'this_week' : 'next_4_weeks');
  const items: BriefingItem[] = rows.map((r) => ({
    task_id: r.id,
    section: section(r.due_on),
    due: r.due_on,
    title: r.title,
    client: r.client_name,
    client_id: r.client_id,
    case_id: r.case_id,
    hard: r.hardness === 'hard',
    kind: r.kind,
    rule: r.rule_id,
    reason: r.reason,
    assignee: r.assignee_name,
  }));
  const order = (s: BriefingSection) => BRIEFING_SECTIONS.indexOf(s);
  items.sort((a, b) => order(a.section) - order(b.section) || Number(b.hard) - Number(a.hard) || a.due.localeCompare(b.due) || a.title.localeCompare(b.title));
  const counts = Object.fromEntries(BRIEFING_SECTIONS.map((s) => [s, items.filter((i) => i.section === s).length])) as Record<BriefingSection, number>;
  return { date, items, counts };
}

/** The briefing as Markdown that reads well as an email. */
export function briefingMarkdown(b: Briefing, practiceName: string): string {
  const lines = [`# ${practiceName}: briefing for ${formatUkDate(b.date)}`, ''];
  const total = b.items.length;
  lines.push(total === 0 ? 'Nothing is due in the next four weeks.' : `${b.counts.overdue} overdue, ${b.counts.today} due today, ${b.counts.this_week} more this week, ${b.counts.next_4_weeks} in the next four weeks.`);
  for (const s of BRIEFING_SECTIONS) {
    const items = b.items.filter((i) => i.section === s);
    if (items.length === 0) continue;
    lines.push('', `## ${SECTION_TITLES[s]}`, '');
    for (const i of items) {
      const head = `- **${formatUkDate(i.due)}**${i.hard ? ' (statutory/court)' : ''}: ${i.title}${i.client ? ` — ${i.client}` : ''}`;
      lines.push(head);
      if (i.rule) lines.push(`  - ${i.rule}${i.reason ? `: ${i.reason.replace(/\s*\[[^\]]*\]$/, '')}` : ''}`);
    }
  }
  return lines.join('\n');
}
