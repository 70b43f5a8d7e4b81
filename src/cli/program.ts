/**
 * The `steve` command tree. Each area registers its own subcommands; every command
 * accepts the global --data, --db and --json options.
 */
import { Command } from 'commander';
import { registerCases } from './commands/cases.js';
import { registerClients } from './commands/clients.js';
import { registerDemo } from './commands/demo.js';
import { registerDocuments } from './commands/documents.js';
import { registerDeadlines } from './commands/deadlines.js';
import { registerMoney } from './commands/money.js';
import { registerInit } from './commands/init.js';
import { registerOrganisations } from './commands/organisations.js';
import { registerRules } from './commands/rules.js';
import { registerServe } from './commands/serve.js';
import { registerTasks } from './commands/tasks.js';
import { registerTransfer } from './commands/transfer.js';
import { registerReferrals } from './commands/referrals.js';
import { registerTriage } from './commands/triage.js';
import type { CliRuntime } from './runtime.js';

export function buildProgram(rt: CliRuntime): Command {
  const program = new Command('steve')
    .description('Steve: the chief of staff of a UK private occupational therapy practice')
    .option('--data <dir>', 'data folder holding the SQLite database (env STEVE_DATA, default ./steve-data)')
    .option('--db <url>', 'PostgreSQL URL instead of SQLite (env STEVE_DATABASE_URL)')
    .option('--json', 'machine-readable output')
    .showHelpAfterError(false)
    .configureOutput({ writeOut: (s) => rt.out(s.trimEnd()), writeErr: (s) => rt.err(s.trimEnd()) })
    .exitOverride();

  registerInit(program, rt);
  registerClients(program, rt);
  registerOrganisations(program, rt);
  registerCases(program, rt);
  registerTasks(program, rt);
  registerDemo(program, rt);
  registerTransfer(program, rt);
  registerReferrals(program, rt);
  registerRules(program, rt);
  registerDeadlines(program, rt);
  registerMoney(program, rt);
  registerDocuments(program, rt);
  registerServe(program, rt);
  registerTriage(program, rt);

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
