/**
 * Clinical documents from the command line: `steve check provision`, `steve draft`,
 * `steve docs list|show|edit|review|sign|send|render`, and `steve findings show|note|add`.
 */
import { extname } from 'node:path';
import type { Command } from 'commander';
import { renderFormat, type RenderFormat } from '../../contract/documents.js';
import { FINDING_KINDS, type FindingKind } from '../../contract/findings.js';
import { formatUkDate } from '../../domain/calendar/local-date.js';
import { DOCUMENT_KINDS } from '../../domain/documents/kinds.js';
import { invalid } from '../../domain/errors.js';
import { signatureLine } from '../../domain/documents/signature.js';
import type { ServiceContext } from '../../services/context.js';
import { checkProvisionText } from '../../services/documents/check-provision-text.js';
import { draftDocument } from '../../services/documents/draft-document.js';
import { getDocument } from '../../services/documents/get-document.js';
import { listDocuments } from '../../services/documents/list-documents.js';
import { renderDocument } from '../../services/documents/render-document.js';
import { sendDocument } from '../../services/documents/send-document.js';
import { signDocument } from '../../services/documents/sign-document.js';
import { editBlock } from '../../services/documents/edit-block.js';
import { submitForReview } from '../../services/documents/submit-for-review.js';
import { addFinding } from '../../services/findings/add-finding.js';
import { getFindings } from '../../services/findings/get-findings.js';
import { setNote } from '../../services/findings/set-note.js';
import { table } from '../format.js';
import { globals, intOption, withContext, type CliRuntime } from '../runtime.js';

type Doc = Awaited<ReturnType<typeof getDocument>>;

/** A block's text, a line per paragraph line, list item or table row. */
function blockLines(b: Doc['blocks'][number]): string[] {
  if (b.type === 'list') return b.items ?? [];
  if (b.type === 'table' || b.type === 'fields') return [...(b.header ? [b.header.join(' | ')] : []), ...(b.rows ?? []).map((r) => r.join(' | '))];
  return (b.text ?? '').split('\n');
}

/** Where each placeholder sits, so a CLI user knows which block to edit. */
function blockOf(d: Doc, label: string): string | null {
  const mark = `[STILL NEEDED: ${label}]`;
  return d.blocks.find((b) => blockLines(b).some((l) => l.includes(mark)))?.id ?? null;
}

function docText(d: Doc, opts: { blocks?: boolean } = {}): string {
  const lines = [`${d.title} (${d.kind}) v${d.version}: ${d.status.replace('_', ' ')}`, `ID ${d.id}`, `Content hash ${d.content_hash}`];
  if (d.signature) lines.push(signatureLine(d.signature));
  else if (d.signed_at) lines.push(`Signed by ${d.signed_by_name ?? d.signed_by} on ${formatUkDate(d.signed_at.slice(0, 10))}`);
  const change = d.versions.find((v) => v.version === d.version)?.change;
  if (change) lines.push(`Version note: ${change}`);
  lines.push(d.still_needed.length ? `Still needed (${d.still_needed.length}):` : 'Nothing still needed.');
  for (const n of d.still_needed) {
    const b = blockOf(d, n.label);
    lines.push(`  - ${n.label}${b ? ` (block ${b})` : ''}`);
  }
  lines.push(d.checks.length ? `Checks (${d.checks.length}):` : 'Checks: none.');
  for (const c of d.checks) lines.push(`  [${c.severity}] ${c.check}: ${c.message}`);
  if (opts.blocks) {
    lines.push('Blocks:');
    for (const b of d.blocks) {
      const text = blockLines(b);
      lines.push(`  ${b.id} ${b.type}${b.composed_by === 'clinician' ? ' (edited)' : ''}: ${text[0] ?? ''}`);
      for (const l of text.slice(1)) lines.push(`      ${l}`);
    }
  }
  return lines.join('\n');
}

function formatOf(out: string | undefined, format: string | undefined): RenderFormat {
  const f = format ?? (out ? extname(out).slice(1).toLowerCase().replace('markdown', 'md') : 'md');
  const parsed = renderFormat.safeParse(f);
  if (!parsed.success) throw invalid(`--format must be docx, html or md, not "${f}".`, 'format');
  return parsed.data;
}

async function writeRendered(
  ctx: ServiceContext,
  rt: CliRuntime,
  id: string,
  format: RenderFormat,
  out: string | undefined,
  version?: number,
): Promise<string | null> {
  const r = await renderDocument(ctx, id, format, version === undefined ? {} : { version });
  if (out) {
    await rt.files.write(out, r.content);
    return out;
  }
  if (format === 'docx') throw invalid('A DOCX goes to a file: add --out FILE.docx.', 'out');
  rt.out(r.content as string);
  return null;
}

export function registerDocuments(program: Command, rt: CliRuntime): void {
  program
    .command('check')
    .description('quality checks on text')
    .command('provision <file>')
    .description('Section F specificity (EHCP-F-01): vague provision, or no who / how often / how long ("-" reads stdin)')
    .action(async (file: string, _opts: unknown, cmd: Command) => {
      const text = file === '-' ? await rt.readStdin() : await rt.files.readText(file);
      const findings = checkProvisionText(text);
      if (globals(cmd).json) rt.out(JSON.stringify({ findings }, null, 2));
      else rt.out(findings.length ? findings.map((f) => `line ${f.line}: ${f.problem}\n  ${f.text}`).join('\n') : 'No provision problems found.');
    });

  program
    .command('draft <kind>')
    .description(`draft a document from the case's recorded findings (${DOCUMENT_KINDS.join(', ')})`)
    .option('--case <id>', 'the case (every kind but marketing-letter)')
    .option('--out <file>', 'write the draft to this file (.docx, .html or .md)')
    .option('--format <format>', 'docx, html or md (default from --out, else md to stdout)')
    .option('--level <n>', 'chaser level 1–3', intOption('level'))
    .option('--audience <text>', 'marketing letter: who it is for')
    .action(async (kind: string, opts: { case?: string; out?: string; format?: string; level?: number; audience?: string }, cmd: Command) => {
      const g = globals(cmd);
      const format = formatOf(opts.out, opts.format);
      const opened = await rt.open(g);
      try {
        const d = await draftDocument(opened.ctx, { kind: kind as never, case_id: opts.case, level: opts.level as never, audience: opts.audience });
        if (g.json) {
          const written = opts.out ? await writeRendered(opened.ctx, rt, d.id, format, opts.out) : null;
          rt.out(JSON.stringify({ ...d, out: written }, null, 2));
        } else if (opts.out) {
          await writeRendered(opened.ctx, rt, d.id, format, opts.out);
          rt.out(`${docText(d)}\nWritten to ${opts.out}.`);
        } else {
          await writeRendered(opened.ctx, rt, d.id, format, undefined);
        }
      } finally {
        await opened.close();
      }
    });

  const docs = program.command('docs').description('drafted documents: list, show, review, sign, send, render');
  docs
    .command('list')
    .option('--case <id>')
    .option('--client <id>')
    .option('--status <status>', 'draft, in_review, signed or sent')
    .action(async (opts: { case?: string; client?: string; status?: string }, cmd: Command) =>
      withContext(
        rt,
        cmd,
        (ctx) => listDocuments(ctx, { case_id: opts.case, client_id: opts.client, status: opts.status as never }),
        (rows) =>
          table(
            rows.map((r) => ({ ...r, updated: r.updated_at ? formatUkDate(r.updated_at.slice(0, 10)) : '' })),
            [
              ['updated', 'Updated'],
              ['kind', 'Kind'],
              ['client_name', 'Client'],
              ['status', 'Status'],
              ['version', 'Version'],
              ['id', 'ID'],
            ],
          ),
      ),
    );
  docs
    .command('show <id>')
    .option('--version <n>', 'an earlier version', intOption('version'))
    .option('--blocks', 'list every block with its id and text (the ids steve docs edit takes)')
    .action(async (id: string, opts: { version?: number; blocks?: boolean }, cmd: Command) =>
      withContext(
        rt,
        cmd,
        (ctx) => getDocument(ctx, id, opts.version === undefined ? {} : { version: opts.version }),
        (d) => docText(d, { blocks: opts.blocks === true }),
      ),
    );
  docs
    .command('edit <id>')
    .description('rewrite one block (a new version; filling a placeholder in review keeps it in review)')
    .requiredOption('--block <id>', 'the block, e.g. b42 (steve docs show ID --blocks lists them)')
    .option('--text <text>', 'the new text: lines for a list, "a | b" rows for a table; for a table of fields, only the rows to change')
    .option('--file <file>', 'read the new text from a file ("-" reads stdin)')
    .action(async (id: string, opts: { block: string; text?: string; file?: string }, cmd: Command) => {
      if ((opts.text === undefined) === (opts.file === undefined)) throw invalid('Give the new text with --text or --file (one of them).', 'text');
      const text = opts.text ?? (opts.file === '-' ? await rt.readStdin() : await rt.files.readText(opts.file!));
      return withContext(
        rt,
        cmd,
        (ctx) => editBlock(ctx, id, { block_id: opts.block, text: text.replace(/\n$/, '') }),
        (d) => docText(d),
      );
    });
  docs
    .command('review <id>')
    .description('send the draft for review')
    .action(async (id: string, _o: unknown, cmd: Command) =>
      withContext(
        rt,
        cmd,
        (ctx) => submitForReview(ctx, id),
        (d) => docText(d),
      ),
    );
  docs
    .command('sign <id>')
    .description('sign the version in review (refused while a check reports an error)')
    .option('--by <user>', 'the signing clinician, email or user id (needed when the practice has more than one)')
    .option('--hash <sha256>', 'the content hash you reviewed')
    .action(async (id: string, opts: { by?: string; hash?: string }, cmd: Command) =>
      withContext(
        rt,
        cmd,
        (ctx) => signDocument(ctx, id, { signer_id: opts.by, content_hash: opts.hash }),
        (d) => docText(d),
      ),
    );
  docs
    .command('send <id>')
    .description('mark the signed version sent and log it as correspondence')
    .option('--channel <channel>', 'email, letter, portal, …')
    .option('--to <name>', 'who it went to')
    .option('--on <date>', 'YYYY-MM-DD')
    .action(async (id: string, opts: { channel?: string; to?: string; on?: string }, cmd: Command) =>
      withContext(
        rt,
        cmd,
        (ctx) => sendDocument(ctx, id, { channel: opts.channel as never, party_name: opts.to, on_date: opts.on }),
        (d) => docText(d),
      ),
    );
  docs
    .command('render <id>')
    .option('--out <file>')
    .option('--format <format>', 'docx, html or md')
    .option('--version <n>', 'an earlier version', intOption('version'))
    .action(async (id: string, opts: { out?: string; format?: string; version?: number }, cmd: Command) => {
      const opened = await rt.open(globals(cmd));
      try {
        const written = await writeRendered(opened.ctx, rt, id, formatOf(opts.out, opts.format), opts.out, opts.version);
        if (written) rt.out(globals(cmd).json ? JSON.stringify({ out: written }) : `Written to ${written}.`);
      } finally {
        await opened.close();
      }
    });

  const findings = program.command('findings').description("a case's structured findings");
  findings
    .command('show')
    .requiredOption('--case <id>')
    .action(async (opts: { case: string }, cmd: Command) =>
      withContext(
        rt,
        cmd,
        (ctx) => getFindings(ctx, opts.case),
        (f) =>
          [
            `Notes: ${Object.keys(f.notes).length}`,
            `Needs: ${f.needs.length}, observations: ${f.observations.length}, recommendations: ${f.recommendations.length}`,
            `Assessments: ${f.assessments.length}, goals: ${f.goals.length}, provision lines: ${f.provision.length}`,
            ...(f.copm ? [`COPM change: performance ${f.copm.performance_change ?? '—'}, satisfaction ${f.copm.satisfaction_change ?? '—'}`] : []),
            ...(f.gas ? [`GAS T-score: baseline ${f.gas.baseline_t ?? '—'}, outcome ${f.gas.outcome_t ?? '—'}`] : []),
          ].join('\n'),
      ),
    );
  findings
    .command('note <key> <text>')
    .requiredOption('--case <id>')
    .action(async (key: string, text: string, opts: { case: string }, cmd: Command) =>
      withContext(
        rt,
        cmd,
        (ctx) => setNote(ctx, opts.case, { key, text }),
        (r) => `Recorded ${r.key}.`,
      ),
    );
  findings
    .command('add <kind>')
    .description(`add a finding (${FINDING_KINDS.join(', ')}) from JSON fields`)
    .requiredOption('--case <id>')
    .requiredOption('--fields <json>', 'the fields as a JSON object')
    .action(async (kind: string, opts: { case: string; fields: string }, cmd: Command) => {
      if (!(FINDING_KINDS as readonly string[]).includes(kind)) throw invalid(`Finding kind must be one of ${FINDING_KINDS.join(', ')}.`, 'kind');
      let fields: unknown;
      try {
        fields = JSON.parse(opts.fields);
      } catch {
        throw invalid('--fields is not valid JSON.', 'fields');
      }
      return withContext(
        rt,
        cmd,
        (ctx) => addFinding(ctx, opts.case, kind as FindingKind, fields as never),
        (r) => `Added ${kind} ${(r as { id: string }).id}.`,
      );
    });
}
