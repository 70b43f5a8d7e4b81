import type { Command } from 'commander';
import { addTask, completeTask, listTasks } from '../../services/tasks/tasks.js';
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
    .description('mark a task done')
    .option('--waive', 'close it as waived (no longer needed) rather than done')
    .option('--note <text>')
    .action(async (id: string, opts: { waive?: boolean; note?: string }, cmd: Command) =>
      withContext(
        rt,
        cmd,
        (ctx) => completeTask(ctx, id, { outcome: opts.waive ? 'waived' : 'done', note: opts.note }),
        (t) => `Task "${t.title}" is ${t.status}.`,
      ),
    );
}
