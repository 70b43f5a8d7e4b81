/** `steve backup` and `steve restore`: a consistent copy of the practice while it runs, and back into an empty data folder. */
import type { Command } from 'commander';
import { AppError } from '../../domain/errors.js';
import { backUpPractice } from '../../services/practice/back-up-practice.js';
import { globals, withContext, type CliRuntime } from '../runtime.js';

const stamp = (iso: string): string => iso.slice(0, 19).replace(/[-:]/g, '').replace('T', '-');

export function registerBackup(program: Command, rt: CliRuntime): void {
  program
    .command('backup')
    .description('copy the practice consistently while Steve runs (SQLite; an encrypted store stays encrypted)')
    .option('--out <file>', 'where to write the copy (default steve-backup-YYYYMMDD-HHMMSS.sqlite here)')
    .action(async (opts: { out?: string }, cmd: Command) => {
      const out = opts.out ?? `steve-backup-${stamp(rt.clock.now().toISOString())}.sqlite`;
      await withContext(
        rt,
        cmd,
        (ctx) => backUpPractice(ctx, out),
        (r) =>
          `Backed up to ${r.file} (${r.audit_events} audit events). Keep audit.key from the data folder (or STEVE_AUDIT_KEY) safe too: the audit trail checks against it.`,
      );
    });

  program
    .command('restore <file>')
    .description('put a backup made by steve backup into an empty data folder')
    .action(async (file: string, _opts: unknown, cmd: Command) => {
      if (!rt.restore) throw new AppError('INTERNAL', 'This build of steve cannot restore.');
      const g = globals(cmd);
      const r = await rt.restore(g, file);
      rt.out(g.json ? JSON.stringify(r, null, 2) : r.lines.join('\n'));
    });
}
