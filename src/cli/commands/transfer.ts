/**
 * `steve export` and `steve import`: the whole practice as one JSON file, for moving between
 * machines or from SQLite to PostgreSQL (and back), and as a backup a person can read.
 */
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { readFile, rename, rm } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Command } from 'commander';
import { AppError } from '../../domain/errors.js';
import { parsePracticeJson } from '../../services/transfer/document.js';
import { exportPractice, type ExportSummary } from '../../services/transfer/export-practice.js';
import { importPractice } from '../../services/transfer/import-practice.js';
import { globals, withContext, type CliRuntime } from '../runtime.js';

const EXPORT_HELP = `
The file holds every client, case, task, document and the audit trail, and the users'
password hashes (argon2id), so everyone can sign in after a move. Keep it as safe as the
database itself: it is special-category health data. Sign-in sessions and login attempts
are never exported.`;

export function registerTransfer(program: Command, rt: CliRuntime): void {
  program
    .command('export')
    .description('write the whole practice as one JSON file (stdout without --out)')
    .option('--out <file>', 'write to this file instead of stdout')
    .addHelpText('after', EXPORT_HELP)
    .action(async (opts: { out?: string }, cmd: Command) => {
      if (!opts.out) {
        const opened = await rt.open(globals(cmd));
        try {
          await exportPractice(opened.ctx, (lines) => rt.out(lines));
        } finally {
          await opened.close();
        }
        return;
      }
      const out = opts.out;
      await withContext(
        rt,
        cmd,
        (ctx) => exportToFile(ctx, out),
        (s) => `Exported ${describeCounts(s.tables)} to ${out}.`,
      );
    });

  program
    .command('import <file>')
    .description('load a whole-practice export into an empty database (all or nothing)')
    .action(async (file: string, _opts: unknown, cmd: Command) => {
      // Read before opening the database, so a missing or unreadable file creates nothing.
      const doc = parsePracticeJson(await readText(file), basename(file));
      await withContext(
        rt,
        cmd,
        (ctx) => importPractice(ctx, doc),
        (s) =>
          [
            `Imported ${s.practice ? `"${s.practice}"` : 'the practice'}: ${describeCounts(s.tables)} (exported ${s.exported_at}).`,
            ...(s.audit_chain.intact
              ? []
              : [`Warning: the imported audit trail does not verify from event ${s.audit_chain.broken_at}; the file may have been edited.`]),
          ].join('\n'),
      );
    });
}

/** Written beside the target and renamed at the end, so a failed export never leaves a truncated file that looks whole. */
async function exportToFile(ctx: Parameters<typeof exportPractice>[0], out: string): Promise<ExportSummary> {
  const partial = `${out}.partial`;
  const stream = createWriteStream(partial, { encoding: 'utf8' });
  let failure: Error | null = null;
  stream.on('error', (e) => (failure = e));
  try {
    const summary = await exportPractice(ctx, async (lines) => {
      if (failure) throw failure;
      if (!stream.write(`${lines}\n`)) await Promise.race([once(stream, 'drain'), once(stream, 'error')]);
    });
    stream.end();
    await once(stream, 'close');
    if (failure) throw failure;
    await rename(partial, out);
    return summary;
  } catch (e) {
    stream.destroy();
    await rm(partial, { force: true });
    const err = e as NodeJS.ErrnoException;
    if (err.code && err.syscall) throw new AppError('VALIDATION', `Cannot write ${out}: ${err.message}.`, { cause: e });
    throw e;
  }
}

async function readText(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new AppError('VALIDATION', code === 'ENOENT' ? `Cannot read ${file}: no such file.` : `Cannot read ${file}: ${(e as Error).message}.`, { cause: e });
  }
}

function describeCounts(tables: Record<string, number>): string {
  const n = (t: string) => tables[t] ?? 0;
  return `${n('users')} users, ${n('clients')} clients, ${n('cases')} cases, ${n('tasks')} tasks, ${n('audit_events')} audit events`;
}
