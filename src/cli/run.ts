/**
 * Runs one CLI invocation and turns every failure into one clear line on stderr and
 * exit code 2 (DESIGN.md section 5). Returns the exit code; the caller exits.
 */
import { CommanderError } from 'commander';
import { isAppError } from '../domain/errors.js';
import { buildProgram } from './program.js';
import type { CliRuntime } from './runtime.js';

export async function runCli(argv: string[], rt: CliRuntime): Promise<number> {
  const program = await buildProgram(rt, argv);
  // Commander prints its own message for usage errors; we only set the exit code.
  program.configureOutput({
    writeOut: (s) => rt.out(s.trimEnd()),
    writeErr: (s) => rt.err(s.trimEnd().split('\n')[0]!),
  });
  try {
    await program.parseAsync(argv, { from: 'user' });
    return 0;
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help') return 0;
      return 2;
    }
    if (isAppError(e)) {
      rt.err(`steve: ${e.message}`);
      return e.code === 'INTERNAL' ? 1 : 2;
    }
    rt.err(`steve: unexpected error: ${e instanceof Error ? e.message : String(e)}`);
    return 1;
  }
}
