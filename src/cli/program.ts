/**
 * The `steve` command tree. Each area registers its own subcommands; every command
 * accepts the global --data, --db and --json options.
 *
 * Areas load only when used: `steve clients list` should not pay for the web server, the
 * DOCX writer or the mail parser. AREAS names each area's top-level commands; a command
 * not listed (or `--help`) loads every area, so the table is a speed-up, never a gate.
 * A new area adds one entry here.
 */
import { Command } from 'commander';
import type { CliRuntime } from './runtime.js';

type Register = (program: Command, rt: CliRuntime) => void;

const AREAS: { commands: string[]; load: () => Promise<Register> }[] = [
  { commands: ['init'], load: async () => (await import('./commands/init.js')).registerInit },
  { commands: ['clients'], load: async () => (await import('./commands/clients.js')).registerClients },
  { commands: ['orgs'], load: async () => (await import('./commands/organisations.js')).registerOrganisations },
  { commands: ['cases'], load: async () => (await import('./commands/cases.js')).registerCases },
  { commands: ['tasks'], load: async () => (await import('./commands/tasks.js')).registerTasks },
  { commands: ['demo'], load: async () => (await import('./commands/demo.js')).registerDemo },
  { commands: ['export', 'import'], load: async () => (await import('./commands/transfer.js')).registerTransfer },
  { commands: ['referrers', 'referrals'], load: async () => (await import('./commands/referrals.js')).registerReferrals },
  { commands: ['rules'], load: async () => (await import('./commands/rules.js')).registerRules },
  { commands: ['brief', 'ics', 'deadlines', 'ehcp', 'compliance', 'sar'], load: async () => (await import('./commands/deadlines.js')).registerDeadlines },
  {
    commands: ['authorisations', 'sessions', 'ml', 'invoices', 'payments', 'debt', 'chasers', 'money-settings'],
    load: async () => (await import('./commands/money.js')).registerMoney,
  },
  { commands: ['check', 'draft', 'docs', 'findings'], load: async () => (await import('./commands/documents.js')).registerDocuments },
  { commands: ['serve', 'start'], load: async () => (await import('./commands/serve.js')).registerServe },
  { commands: ['triage'], load: async () => (await import('./commands/triage.js')).registerTriage },
  { commands: ['backup', 'restore'], load: async () => (await import('./commands/backup.js')).registerBackup },
  { commands: ['audit'], load: async () => (await import('./commands/audit.js')).registerAudit },
  { commands: ['users'], load: async () => (await import('./commands/users.js')).registerUsers },
  { commands: ['inbox'], load: async () => (await import('./commands/inbox.js')).registerInbox },
];

/** Global options that take a value, so the command name can be found after them. */
const VALUE_OPTIONS = new Set(['--data', '--db']);

function commandName(argv: string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (VALUE_OPTIONS.has(a)) i++;
    else if (!a.startsWith('-')) return a;
  }
  return undefined;
}

export async function buildProgram(rt: CliRuntime, argv: string[] = []): Promise<Command> {
  const program = new Command('steve')
    .description('Steve: the chief of staff of a UK private occupational therapy practice')
    .option('--data <dir>', 'data folder holding the SQLite database (env STEVE_DATA, default ./steve-data)')
    .option('--db <url>', 'PostgreSQL URL instead of SQLite (env STEVE_DATABASE_URL)')
    .option('--json', 'machine-readable output')
    .showHelpAfterError(false)
    .configureOutput({ writeOut: (s) => rt.out(s.trimEnd()), writeErr: (s) => rt.err(s.trimEnd()) })
    .exitOverride();

  const name = commandName(argv);
  const wanted = AREAS.filter((a) => name !== undefined && a.commands.includes(name));
  for (const area of wanted.length > 0 ? wanted : AREAS) (await area.load())(program, rt);

  // Every subcommand shares the program's error handling and output.
  const inherit = (cmd: Command) => {
    for (const sub of cmd.commands) {
      sub.exitOverride().configureOutput({ writeOut: (s) => rt.out(s.trimEnd()), writeErr: (s) => rt.err(s.trimEnd()) });
      inherit(sub);
    }
  };
  inherit(program);
  return program;
}
