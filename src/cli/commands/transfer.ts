/**
 * `steve export` and `steve import`: the whole practice as one JSON file, for moving between
 * machines or from SQLite to PostgreSQL (and back), and as a backup a person can read.
 */
import { basename } from 'node:path';
import type { Command } from 'commander';
import type { Files } from '../../ports/files.js';
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
        (ctx) => exportToFile(ctx, rt.files, out),
        (s) => `Exported ${describeCounts(s.tables)} to ${out}.`,
      );
    });

  program
    .command('import <file>')
    .description('load a whole-practice export into an empty database (all or nothing)')
    .action(async (file: string, _opts: unknown, cmd: Command) => {
      // Read before opening the database, so a missing or unreadable file creates nothing.
      const doc = parsePracticeJson(await rt.files.readText(file), basename(file));
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

/** The file appears only when the export is whole (Files.openWriter), so a failed export never leaves a truncated file that looks whole. */
async function exportToFile(ctx: Parameters<typeof exportPractice>[0], files: Files, out: string): Promise<ExportSummary> {
  const writer = await files.openWriter(out);
  try {
    const summary = await exportPractice(ctx, (lines) => writer.write(`${lines}\n`));
    await writer.commit();
    return summary;
  } catch (e) {
    await writer.abort();
    throw e;
  }
}

function describeCounts(tables: Record<string, number>): string {
  const n = (t: string) => tables[t] ?? 0;
  return `${n('users')} users, ${n('clients')} clients, ${n('cases')} cases, ${n('tasks')} tasks, ${n('audit_events')} audit events`;
}
