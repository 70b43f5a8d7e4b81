import type { Command } from 'commander';
import { EHCP_EVENT_KINDS, COMPLIANCE_RULES } from '../../contract/deadlines.js';
import { formatUkDate } from '../../domain/calendar/local-date.js';
import { invalid } from '../../domain/errors.js';
import { addComplianceItem } from '../../services/compliance/add-compliance-item.js';
import { addSubjectAccessRequest } from '../../services/compliance/add-subject-access-request.js';
import { listComplianceItems } from '../../services/compliance/list-compliance-items.js';
import { listSubjectAccessRequests } from '../../services/compliance/list-subject-access-requests.js';
import { renewComplianceItem } from '../../services/compliance/renew-compliance-item.js';
import { updateSubjectAccessRequest } from '../../services/compliance/update-subject-access-request.js';
import { briefingMarkdown, buildBriefing, BRIEFING_SECTIONS, SECTION_TITLES } from '../../services/deadlines/build-briefing.js';
import { buildCalendar } from '../../services/deadlines/build-calendar.js';
import { syncAllDeadlines } from '../../services/deadlines/sync-all-deadlines.js';
import { getEhcpTimeline, listEhcpRegister } from '../../services/ehcp/ehcp-register.js';
import { recordEhcpEvent } from '../../services/ehcp/record-ehcp-event.js';
import { getPractice } from '../../services/practice/get-practice.js';
import { fields, table } from '../format.js';
import { globals, withContext, type CliRuntime } from '../runtime.js';

export function registerDeadlines(program: Command, rt: CliRuntime): void {
  program
    .command('brief')
    .description('the morning briefing: what is overdue, due today, this week and in the next four weeks')
    .option('--date <date>', 'brief as of this day (YYYY-MM-DD), default today')
    .option('--clinician <userId>', 'only this clinician’s work')
    .option('--format <format>', 'text (default) or md')
    .action(async (opts: { date?: string; clinician?: string; format?: string }, cmd: Command) => {
      if (opts.format && !['text', 'md'].includes(opts.format)) throw invalid('--format must be text or md.');
      const g = globals(cmd);
      const opened = await rt.open(g);
      try {
        const b = await buildBriefing(opened.ctx, { date: opts.date, clinician_id: opts.clinician });
        if (g.json) rt.out(JSON.stringify(b, null, 2));
        else if (opts.format === 'md') rt.out(briefingMarkdown(b, (await getPractice(opened.ctx.db)).name));
        else {
          const parts = [`Briefing for ${formatUkDate(b.date)}`];
          for (const s of BRIEFING_SECTIONS) {
            const items = b.items.filter((i) => i.section === s);
            if (items.length === 0) continue;
            parts.push(
              '',
              `${SECTION_TITLES[s]} (${items.length})`,
              table(
                items.map((i) => ({ ...i, hard: i.hard ? 'HARD' : '', standing: i.standing ?? '' })),
                [
                  ['due', 'Due'],
                  ['hard', ''],
                  ['obligation', 'Kind'],
                  ['title', 'What'],
                  ['client', 'Client'],
                  ['rule', 'Rule'],
                  ['standing', 'Standing'],
                ],
              ),
            );
          }
          if (b.items.length === 0) parts.push('Nothing is due in the next four weeks.');
          rt.out(parts.join('\n'));
        }
      } finally {
        await opened.close();
      }
    });

  program
    .command('ics')
    .description('an iCalendar (RFC 5545) feed of open deadlines and review meetings')
    .option('--clinician <userId>')
    .option('--out <file>', 'write to a file instead of standard output')
    .action(async (opts: { clinician?: string; out?: string }, cmd: Command) => {
      const opened = await rt.open(globals(cmd));
      try {
        const ics = await buildCalendar(opened.ctx, { clinician_id: opts.clinician });
        if (opts.out) await rt.files.write(opts.out, ics);
        else rt.out(ics.trimEnd());
      } finally {
        await opened.close();
      }
    });

  program
    .command('deadlines')
    .description('recompute every rule-made task from its trigger and repair stale or duplicate ones (safe to repeat: nothing is duplicated)')
    .command('sync')
    .action(async (_o: unknown, cmd: Command) =>
      withContext(
        rt,
        cmd,
        (ctx) => syncAllDeadlines(ctx),
        (r) =>
          `Deadlines: ${r.created} created, ${r.moved} moved, ${r.closed} closed; ${r.duplicates} duplicate${r.duplicates === 1 ? '' : 's'} closed, ${r.explained} given a reason.`,
      ),
    );

  const ehcp = program.command('ehcp').description('the EHCP register and each child’s statutory calendar');
  ehcp
    .command('list')
    .description('every child with an EHC plan and their next deadline')
    .action(async (_o: unknown, cmd: Command) =>
      withContext(
        rt,
        cmd,
        (ctx) => listEhcpRegister(ctx),
        (rows) =>
          table(
            rows.map((r) => ({
              ...r,
              next: r.next_deadline ? `${formatUkDate(r.next_deadline.due_on)} ${r.next_deadline.rule_id ?? ''}` : r.modelled ? '' : 'not modelled',
            })),
            [
              ['client_name', 'Child'],
              ['la_name', 'LA'],
              ['la_reference', 'LA ref'],
              ['school_name', 'School'],
              ['year_group', 'Year'],
              ['next_review_meeting_on', 'Review meeting'],
              ['next', 'Next deadline'],
              ['case_id', 'Case'],
            ],
          ),
      ),
    );
  ehcp
    .command('show <caseId>')
    .description("a child's EHCP timeline")
    .action(async (caseId: string, _o: unknown, cmd: Command) =>
      withContext(
        rt,
        cmd,
        (ctx) => getEhcpTimeline(ctx, caseId),
        (t) =>
          [
            `${t.client_name}: EHC plan (${t.jurisdiction})`,
            ...(t.not_modelled_reason ? [t.not_modelled_reason] : []),
            fields(t.plan, [
              ['la_reference', 'LA reference'],
              ['year_group', 'Year group'],
              ['plan_issued_on', 'Plan issued'],
              ['last_review_on', 'Last review'],
              ['next_review_meeting_on', 'Next review meeting'],
              ['advice_requested_on', 'Advice requested'],
            ]),
            '',
            'Deadlines',
            table(t.deadlines, [
              ['due_on', 'Due'],
              ['title', 'What'],
              ['rule_id', 'Rule'],
              ['status', 'Status'],
            ]),
            ...(t.follow_on.length
              ? [
                  '',
                  'After the meeting',
                  table(t.follow_on, [
                    ['due', 'By'],
                    ['title', 'What'],
                    ['rule', 'Rule'],
                  ]),
                ]
              : []),
            '',
            'Events',
            table(t.events, [
              ['on_date', 'Date'],
              ['kind', 'Event'],
              ['meeting_on', 'Meeting'],
            ]),
          ].join('\n'),
      ),
    );
  ehcp
    .command('event <caseId>')
    .description('record what happened on the plan; its deadlines move with it')
    .requiredOption('--kind <kind>', EHCP_EVENT_KINDS.join(', '))
    .requiredOption('--on <date>', 'when it happened or the letter arrived, YYYY-MM-DD')
    .option('--meeting <date>', 'the review meeting date (review_meeting_set / review_meeting_moved)')
    .option('--notes <text>')
    .action(async (caseId: string, opts: { kind: string; on: string; meeting?: string; notes?: string }, cmd: Command) =>
      withContext(
        rt,
        cmd,
        (ctx) => recordEhcpEvent(ctx, caseId, { kind: opts.kind as never, on: opts.on, meeting_on: opts.meeting, notes: opts.notes }),
        (r) => `Recorded. Deadlines: ${r.deadlines.created} created, ${r.deadlines.moved} moved, ${r.deadlines.closed} closed.`,
      ),
    );

  const compliance = program.command('compliance').description('the practice compliance register (HCPC, indemnity, ICO, DBS, Cyber Essentials, DSPT)');
  compliance.command('list').action(async (_o: unknown, cmd: Command) =>
    withContext(
      rt,
      cmd,
      (ctx) => listComplianceItems(ctx),
      (rows) =>
        table(rows, [
          ['next_due', 'Next due'],
          ['title', 'What'],
          ['holder_name', 'Who'],
          ['rule_id', 'Rule'],
          ['last_done_on', 'Last done'],
          ['id', 'ID'],
        ]),
    ),
  );
  compliance
    .command('add')
    .requiredOption('--rule <ruleId>', COMPLIANCE_RULES.join(', '))
    .requiredOption('--last-done <date>', 'when it was last renewed or paid, YYYY-MM-DD')
    .option('--title <text>')
    .option('--user <userId>', 'whose registration or certificate it is')
    .option('--reference <text>')
    .action(async (opts: { rule: string; lastDone: string; title?: string; user?: string; reference?: string }, cmd: Command) =>
      withContext(
        rt,
        cmd,
        (ctx) =>
          addComplianceItem(ctx, {
            rule_id: opts.rule.toUpperCase() as never,
            last_done_on: opts.lastDone,
            title: opts.title,
            user_id: opts.user,
            reference: opts.reference,
          }),
        (r) => `Added ${r.title} (${r.id}).`,
      ),
    );
  compliance
    .command('renew <id>')
    .requiredOption('--on <date>', 'YYYY-MM-DD')
    .action(async (id: string, opts: { on: string }, cmd: Command) =>
      withContext(
        rt,
        cmd,
        (ctx) => renewComplianceItem(ctx, id, opts.on),
        (r) => `Renewed ${r.title} on ${formatUkDate(r.last_done_on)}.`,
      ),
    );

  const sar = program.command('sar').description('subject access requests (UK GDPR, one month: GDPR-02)');
  sar.command('list').action(async (_o: unknown, cmd: Command) =>
    withContext(
      rt,
      cmd,
      (ctx) => listSubjectAccessRequests(ctx),
      (rows) =>
        table(
          rows.map((r) => ({ ...r, late: r.late ? 'LATE' : '', client_name: r.client_name ?? 'not linked to a client' })),
          [
            ['received_on', 'Received'],
            ['requester', 'Requester'],
            ['client_name', 'Client'],
            ['due', 'Due'],
            ['responded_on', 'Answered'],
            ['late', ''],
            ['id', 'ID'],
          ],
        ),
    ),
  );
  sar
    .command('add')
    .requiredOption('--requester <name>')
    .requiredOption('--received <date>', 'YYYY-MM-DD (day 1)')
    .option('--client <id>')
    .action(async (opts: { requester: string; received: string; client?: string }, cmd: Command) =>
      withContext(
        rt,
        cmd,
        (ctx) => addSubjectAccessRequest(ctx, { requester: opts.requester, received_on: opts.received, client_id: opts.client }),
        (r) => `Logged the request from ${r.requester} (${r.id}).`,
      ),
    );
  sar
    .command('respond <id>')
    .requiredOption('--on <date>')
    .action(async (id: string, opts: { on: string }, cmd: Command) =>
      withContext(
        rt,
        cmd,
        (ctx) => updateSubjectAccessRequest(ctx, id, { responded_on: opts.on }),
        () => 'Recorded the response.',
      ),
    );
  sar
    .command('extend <id>')
    .description('extend by two further months (complex or numerous requests)')
    .action(async (id: string, _o: unknown, cmd: Command) =>
      withContext(
        rt,
        cmd,
        (ctx) => updateSubjectAccessRequest(ctx, id, { extend: true }),
        () => 'Extended by two months.',
      ),
    );
}
