/**
 * `steve triage FILE…`: reads incoming letters and emails offline and says what each one is,
 * who it is about, which references it quotes and which dates need action. No database.
 */
import { basename } from 'node:path';
import type { Command } from 'commander';
import { formatUkDate } from '../../domain/calendar/local-date.js';
import { invalid } from '../../domain/errors.js';
import { FileError, type Files } from '../../ports/files.js';
import { isTriageError, triageFiles, type IncomingFile, type TriageResult } from '../../services/inbox/triage-files.js';
import { globals, type CliRuntime } from '../runtime.js';

const READABLE = /\.(eml|txt|pdf)$/i;

/** Files named, and the .eml/.txt/.pdf files inside folders named; unreadable paths become per-file errors. */
export async function collectFiles(disk: Files, paths: string[]): Promise<{ files: IncomingFile[]; errors: { file: string; error: string }[] }> {
  const files: IncomingFile[] = [];
  const errors: { file: string; error: string }[] = [];
  for (const p of paths) {
    try {
      if ((await disk.kind(p)) === 'folder') {
        for (const name of (await disk.list(p)).filter((n) => READABLE.test(n))) files.push({ name, bytes: await disk.readBytes(disk.join(p, name)) });
      } else {
        files.push({ name: basename(p), bytes: await disk.readBytes(p) });
      }
    } catch (e) {
      if (!(e instanceof FileError)) throw e;
      errors.push({ file: basename(p), error: `cannot read the file: ${e.reason.replace(/_/g, ' ')}` });
    }
  }
  return { files, errors };
}

/** The --practice file as JSON; its fields are checked by the service. */
async function readPracticeFile(disk: Files, path: string): Promise<unknown> {
  let text: string;
  try {
    text = await disk.readText(path);
  } catch (e) {
    if (!(e instanceof FileError)) throw e;
    throw invalid(`Cannot read the practice file ${path}: ${e.reason.replace(/_/g, ' ')}.`, 'practice');
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw invalid(`The practice file ${path} is not JSON.`, 'practice');
  }
}

/** A "check this" mark with its evidence, for anything Steve is not sure of. */
function check(c: { check: boolean; score: number; evidence: string } | null | undefined): string {
  return c?.check ? `  [check this: ${c.evidence}, ${Math.round(c.score * 100)}%]` : '';
}

export function describeTriage(r: TriageResult): string {
  if (isTriageError(r)) return `${r.file}: NOT READ – ${r.error}`;
  const lines = [`${r.file}: ${r.category.replace(/_/g, ' ')}${r.received ? `, received ${formatUkDate(r.received)}` : ''}${check(r.confidence.category)}`];
  if (r.sender_org || r.sender_name) lines.push(`  From:       ${[r.sender_name, r.sender_org].filter(Boolean).join(', ')}`);
  if (r.client)
    lines.push(
      `  Client:     ${r.client.name}${r.client.dob ? ` (born ${formatUkDate(r.client.dob)})` : ''}${r.client.nhs_number ? `, NHS ${r.client.nhs_number}` : ''}${check(r.confidence.client)}`,
    );
  if (r.facts.clients?.length) lines.push(`  Clients:    ${r.facts.clients.join(', ')}`);
  r.references.forEach((ref, i) => lines.push(`  Reference:  ${ref.kind.replace(/_/g, ' ')} ${ref.value}${check(r.confidence.references[i])}`));
  r.dates.forEach((d, i) => {
    const how = d.stated ? 'stated' : d.rule ? `computed (${d.rule})` : 'computed';
    lines.push(`  ${d.role.replace(/_/g, ' ').padEnd(20)} ${formatUkDate(d.date)}${d.time ? ` ${d.time}` : ''}  [${how}]${check(r.confidence.dates[i])}`);
  });
  const f = r.facts;
  if (f.sessions_authorised !== undefined) lines.push(`  Sessions:   ${f.sessions_authorised} authorised`);
  if (f.amount_gbp !== undefined) lines.push(`  Amount:     £${f.amount_gbp.toFixed(2)}`);
  for (const n of r.notes) lines.push(`  Note:       ${n}`);
  return lines.join('\n');
}

export function registerTriage(program: Command, rt: CliRuntime): void {
  program
    .command('triage')
    .description('read letters and emails (.eml, .txt, .pdf) offline: category, client, references, dates to act on')
    .argument('<files...>', 'files or folders to read')
    .option('--practice <file>', "the practice's identity (JSON: names, staff, address, postcode, email_domains, invoice_prefix)")
    .action(async (paths: string[], opts: { practice?: string }, cmd: Command) => {
      if (paths.length === 0) throw invalid('Name at least one file or folder to triage.');
      const practice = opts.practice === undefined ? undefined : await readPracticeFile(rt.files, opts.practice);
      const { files, errors } = await collectFiles(rt.files, paths);
      const results: TriageResult[] = [...errors, ...(await triageFiles(files, { today: rt.clock.today(), practice }))];
      if (globals(cmd).json) rt.out(JSON.stringify(results, null, 2));
      else rt.out(results.map(describeTriage).join('\n\n'));
    });
}
