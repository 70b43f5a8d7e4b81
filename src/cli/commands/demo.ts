import cliProgress from 'cli-progress';
import type { Command } from 'commander';
import { formatUkDate } from '../../domain/calendar/local-date.js';
import { buildDemoPractice, DEMO_DEFAULTS, type DemoSummary } from '../../services/demo/build-demo-practice.js';
import { table } from '../format.js';
import { globals, intOption, withContext, type CliRuntime } from '../runtime.js';

interface DemoOptions {
  seed?: number;
  clients?: number;
  password?: string;
  today?: string;
}

function describe(r: DemoSummary): string {
  const c = r.counts;
  return [
    `Built the demo practice "${r.practice.name}" (seed ${r.seed}, dated around ${formatUkDate(r.today)}): everyone and everything in it is fictional.`,
    `${c.clients} clients with ${c.client_contacts} carers and contacts, ${c.cases} cases (${c.ehcp_plans} EHCP, ${c.authorisations} insurer authorisations, ` +
      `${c.medico_legal_instructions} medico-legal, ${c.housing_adaptations} housing, ${c.workplace_assessments} workplace), ` +
      `${c.organisations} organisations with ${c.contacts} contacts, ${c.sessions} sessions, ${c.correspondence} correspondence entries, ${c.tasks} tasks.`,
    '',
    `Sign in with any of these; the password is ${r.password}`,
    table(r.users, [
      ['email', 'Email'],
      ['name', 'Name'],
      ['role', 'Role'],
      ['hcpc_number', 'HCPC'],
    ]),
  ].join('\n');
}

export function registerDemo(program: Command, rt: CliRuntime): void {
  program
    .command('demo')
    .description('fill an empty database with a realistic, fictional demo practice')
    .option('--seed <n>', `generator seed: the same seed and day give the same practice (default ${DEMO_DEFAULTS.seed})`, intOption('seed'))
    .option('--clients <n>', `how many clients; everything else scales with it (default ${DEMO_DEFAULTS.clients})`, intOption('clients'))
    .option('--password <password>', `password for all five demo users (default ${DEMO_DEFAULTS.password})`)
    .option('--today <date>', 'date the demo around this day, YYYY-MM-DD (default today)')
    .action(async (opts: DemoOptions, cmd: Command) => {
      // A bar only on a terminal: piped or CI output stays clean, and stdout carries only the result.
      const bar =
        rt.stderrIsTTY && !globals(cmd).json
          ? new cliProgress.SingleBar(
              { format: 'Building demo |{bar}| {percentage}%', hideCursor: true, clearOnComplete: true },
              cliProgress.Presets.shades_classic,
            )
          : null;
      let started = false;
      try {
        await withContext(
          rt,
          cmd,
          (ctx) =>
            buildDemoPractice(ctx, {
              seed: opts.seed,
              clients: opts.clients,
              password: opts.password,
              today: opts.today,
              onProgress: bar
                ? (done, total) => {
                    if (!started) {
                      bar.start(total, done);
                      started = true;
                    } else bar.update(done);
                    // Clear the bar before the summary is printed, so the two never interleave.
                    if (done === total) {
                      bar.stop();
                      started = false;
                    }
                  }
                : undefined,
            }),
          describe,
        );
      } finally {
        if (started) bar?.stop();
      }
    });
}
