import type { Command } from 'commander';
import { addTask } from '../../services/tasks/add-task.js';
import { completeTask } from '../../services/tasks/complete-task.js';
import { listTaskHistory } from '../../services/tasks/list-task-history.js';
import { listTasks } from '../../services/tasks/list-tasks.js';
import { reopenTask } from '../../services/tasks/reopen-task.js';
import { snoozeTask } from '../../services/tasks/snooze-task.js';
import { formatUkDate } from '../../domain/calendar/local-date.js';
import { table } from '../format.js';
import { intOption, withContext, type CliRuntime } from '../runtime.js';

export function registerTasks(program: Command, rt: CliRuntime): void {
  const tasks = program.command('tasks').description('deadlines and things to do');

  tasks
    .command('list')
    .description('open tasks by due date')
    .option('--client <id>')
    .option('--case <id>')
    .option('--status <status>', 'open (default), done or waived')
    .option('--due-before <date>', 'YYYY-MM-DD')
    .option('--limit <n>', 'at most this many', intOption('limit'))
    .action(async (opts: { client?: string; case?: string; status?: string; dueBefore?: string; limit?: number }, cmd: Command) =>
      withContext(
        rt,
        cmd,
        (ctx) => listTasks(ctx, { client_id: opts.client, case_id: opts.case, status: opts.status as never, due_before: opts.dueBefore, limit: opts.limit }),
        (rows) =>
          table(rows, [
            ['due_on', 'Due'],
            ['title', 'Task'],
            ['client_name', 'Client'],
            ['hardness', 'Hard/soft'],
            ['rule_id', 'Rule'],
            ['assignee_name', 'Assignee'],
            ['id', 'ID'],
          ]),
      ),
    );

  tasks
    .command('add')
    .description('add a task')
    .requiredOption('--title <text>')
    .requiredOption('--due <date>', 'YYYY-MM-DD')
    .option('--client <id>')
    .option('--case <id>')
    .option('--assignee <userId>')
    .option('--hard', 'a statutory or court deadline that cannot slip')
    .option('--kind <kind>')
    .option('--notes <text>')
    .action(async (opts: Record<string, string | boolean | undefined>, cmd: Command) =>
      withContext(
        rt,
        cmd,
        (ctx) =>
          addTask(ctx, {
            title: opts.title as string,
            due_on: opts.due as string,
            client_id: opts.client as string | undefined,
            case_id: opts.case as string | undefined,
            assignee_id: opts.assignee as string | undefined,
            hardness: opts.hard ? 'hard' : 'soft',
            kind: opts.kind as never,
            notes: opts.notes as string | undefined,
          }),
        (t) => `Added task "${t.title}" due ${t.due_on} (${t.id}).`,
      ),
    );

  tasks
    .command('done <id>')
    .description('mark a task done (a statutory or court deadline needs --confirm)')
    .option('--waive', 'close it as waived (no longer needed) rather than done')
    .option('--note <text>', 'what was sent or done')
    .option('--confirm <line>', 'for a statutory or court deadline: one line saying how it was met')
    .action(async (id: string, opts: { waive?: boolean; note?: string; confirm?: string }, cmd: Command) =>
      withContext(
        rt,
        cmd,
        (ctx) => completeTask(ctx, id, { outcome: opts.waive ? 'waived' : 'done', note: opts.note, confirmation: opts.confirm }),
        (t) => `Task "${t.title}" is ${t.status}.`,
      ),
    );

  tasks
    .command('snooze <id>')
    .description('hide a task from Today until a later date, saying why')
    .requiredOption('--until <date>', 'YYYY-MM-DD, after today')
    .requiredOption('--reason <text>', 'why it can wait')
    .option('--confirm <line>', 'for a statutory or court deadline: one line saying why it can wait')
    .action(async (id: string, opts: { until: string; reason: string; confirm?: string }, cmd: Command) =>
      withContext(
        rt,
        cmd,
        (ctx) => snoozeTask(ctx, id, { until: opts.until, reason: opts.reason, confirmation: opts.confirm }),
        (t) => `Task "${t.title}" is snoozed until ${formatUkDate(t.snoozed_until ?? opts.until)}.`,
      ),
    );

  tasks
    .command('reopen <id>')
    .description('undo: reopen a done or waived task, or bring a snoozed one back to today')
    .option('--note <text>')
    .action(async (id: string, opts: { note?: string }, cmd: Command) =>
      withContext(
        rt,
        cmd,
        (ctx) => reopenTask(ctx, id, { note: opts.note }),
        (t) => `Task "${t.title}" is open again, due ${formatUkDate(t.due_on)}.`,
      ),
    );

  tasks
    .command('history <id>')
    .description('what was done to a task: done, waived, snoozed, reopened, by whom and why')
    .action(async (id: string, _opts: unknown, cmd: Command) =>
      withContext(
        rt,
        cmd,
        (ctx) => listTaskHistory(ctx, id),
        (h) =>
          [
            `${h.task.title} (due ${formatUkDate(h.task.due_on)}, ${h.task.status})`,
            ...(h.events.length === 0
              ? ['Nothing done to it yet.']
              : h.events.map(
                  (e) =>
                    `${e.at.slice(0, 16).replace('T', ' ')}  ${e.action}${e.until ? ` until ${formatUkDate(e.until)}` : ''}${e.by ? ` by ${e.by}` : ''}${e.confirmation ? `: ${e.confirmation}` : ''}${e.note ? ` (${e.note})` : ''}`,
                )),
          ].join('\n'),
      ),
    );
}
