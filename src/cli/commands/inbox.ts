/**
 * `steve inbox import|list|accept|reject`: letters and emails into the practice, linked to
 * their client, with proposals that wait for a person to accept (optionally edited) or reject.
 */
import type { Command } from 'commander';
import { formatUkDate } from '../../domain/calendar/local-date.js';
import {
  acceptProposal,
  importInbox,
  listInbox,
  rejectProposal,
  type ImportOutcome,
  type InboxItemView,
  type ProposalEdit,
} from '../../services/inbox/inbox.js';
import { correctInboxItem } from '../../services/inbox/correct-inbox-item.js';
import { readInboxLetter } from '../../services/inbox/read-inbox-letter.js';
import { invalid } from '../../domain/errors.js';
import { intOption, withContext, type CliRuntime } from '../runtime.js';
import { collectFiles } from './triage.js';

function describeImport(rows: ImportOutcome[]): string {
  return rows
    .map((r) =>
      r.status === 'error'
        ? `${r.file}: NOT IMPORTED – ${r.error}`
        : r.status === 'duplicate'
          ? `${r.file}: already in the inbox (nothing added)`
          : `${r.file}: ${r.category?.replace(/_/g, ' ')}; ${r.client_id ? `linked to ${r.client_name} by ${r.match}` : r.client_name ? `${r.client_name}: no matching client` : 'no client'}; ${r.proposals} proposal${r.proposals === 1 ? '' : 's'}`,
    )
    .join('\n');
}

function describeItems(items: InboxItemView[]): string {
  if (items.length === 0) return 'Nothing waiting in the inbox.';
  return items
    .map((i) => {
      const mark = (c: { check: boolean; evidence: string } | null) => (c?.check ? `  [check this: ${c.evidence}]` : '');
      const head = `${i.id}  ${i.file_name} (${i.category.replace(/_/g, ' ')}${i.received_on ? `, ${formatUkDate(i.received_on)}` : ''})${mark(i.confidence.category)} – ${i.client_name ?? (i.client_named ? `${i.client_named}? not linked` : 'no client linked')}${mark(i.confidence.client)}${i.sender_org ? `, from ${i.sender_org}` : ''}`;
      const refs = i.references.map((r) => `  reference ${r.kind.replace(/_/g, ' ')} ${r.value}${mark(r.confidence)}`);
      const props = i.proposals.map((p) => `  [${p.status}] ${p.id}  ${p.title}${p.due_on ? `  due ${formatUkDate(p.due_on)}` : ''}${mark(p.confidence)}`);
      return [head, ...refs, ...props].join('\n');
    })
    .join('\n\n');
}

export function registerInbox(program: Command, rt: CliRuntime): void {
  const inbox = program.command('inbox').description('import correspondence and decide on what Steve proposes');

  inbox
    .command('import')
    .description('triage and import .eml/.txt/.pdf files or folders; the same message twice adds nothing')
    .argument('<paths...>', 'files or folders')
    .action(async (paths: string[], _o: unknown, cmd: Command) => {
      const { files, errors } = await collectFiles(rt.files, paths);
      await withContext(
        rt,
        cmd,
        async (ctx) => [...errors.map((e) => ({ file: e.file, status: 'error' as const, error: e.error })), ...(await importInbox(ctx, files))],
        describeImport,
      );
    });

  inbox
    .command('list')
    .description('items with proposals waiting (--all for everything imported)')
    .option('--all', 'include items already decided')
    .option('--limit <n>', 'at most this many items', intOption('limit'))
    .action(async (opts: { all?: boolean; limit?: number }, cmd: Command) => {
      await withContext(
        rt,
        cmd,
        (ctx) => listInbox(ctx, { status: opts.all ? 'all' : 'pending', ...(opts.limit ? { limit: opts.limit } : {}) }),
        describeItems,
      );
    });

  inbox
    .command('accept')
    .description('apply a proposal (all of its changes in one transaction), optionally edited')
    .argument('<proposalId>')
    .option('--due <date>', 'a different due date, YYYY-MM-DD (tasks)')
    .option('--title <text>', 'a different title (tasks)')
    .option('--meeting <date>', 'a different meeting date (EHC plan review)')
    .option('--until <date>', 'a different last valid day (authorisations)')
    .option('--sessions <n>', 'a different number of sessions (authorisations)', intOption('sessions'))
    .action(async (id: string, o: { due?: string; title?: string; meeting?: string; until?: string; sessions?: number }, cmd: Command) => {
      const edit: ProposalEdit = {
        ...(o.due ? { due_on: o.due } : {}),
        ...(o.title ? { title: o.title } : {}),
        ...(o.meeting ? { meeting_on: o.meeting } : {}),
        ...(o.until ? { valid_until: o.until } : {}),
        ...(o.sessions !== undefined ? { sessions_authorised: o.sessions } : {}),
      };
      await withContext(
        rt,
        cmd,
        (ctx) => acceptProposal(ctx, id, edit),
        (p) => `Accepted: ${p.title} (${p.outcome}).`,
      );
    });

  inbox
    .command('reject')
    .description('decline a proposal; nothing is changed')
    .argument('<proposalId>')
    .option('--reason <text>', 'why, for the record')
    .option('--not-ours', "the date is not the practice's to act on (Steve learns from it)")
    .action(async (id: string, o: { reason?: string; notOurs?: boolean }, cmd: Command) => {
      await withContext(
        rt,
        cmd,
        (ctx) => rejectProposal(ctx, id, o.reason ?? '', { notOurs: o.notOurs ?? false }),
        (p) => `Rejected: ${p.title}.`,
      );
    });

  inbox
    .command('correct')
    .description("correct an item's category, client or references; later letters from the same sender are read with it")
    .argument('<itemId>')
    .option('--category <category>', 'the right category, e.g. insurer_authorisation')
    .option('--client <clientId>', "the client it is about ('none' to unlink)")
    .option('--ref <kind:value...>', 'the references it carries, replacing those read (e.g. claim_ref:AB/123)')
    .action(async (id: string, o: { category?: string; client?: string; ref?: string[] }, cmd: Command) => {
      const references = o.ref?.map((r) => {
        const at = r.indexOf(':');
        if (at < 1) throw invalid(`--ref ${r}: write it as kind:value, e.g. claim_ref:AB/123.`, 'ref');
        return { kind: r.slice(0, at), value: r.slice(at + 1) };
      });
      await withContext(
        rt,
        cmd,
        (ctx) =>
          correctInboxItem(ctx, id, {
            ...(o.category ? { category: o.category as never } : {}),
            ...(o.client ? { client_id: o.client === 'none' ? null : o.client } : {}),
            ...(references ? { references: references as never } : {}),
          }),
        (i) => `Corrected: ${i.corrected.join('; ') || 'nothing changed'}.`,
      );
    });

  inbox
    .command('read')
    .description('show the text of an imported letter or email')
    .argument('<itemId>')
    .action(async (id: string, _o: unknown, cmd: Command) => {
      await withContext(
        rt,
        cmd,
        (ctx) => readInboxLetter(ctx, id),
        (l) =>
          [
            `${l.file_name}: ${l.subject}`,
            `From: ${l.from}`,
            '',
            l.text,
            ...l.attachments.map((a) => `Attachment: ${a.filename} (${a.content_type}, ${a.size} bytes)`),
          ].join('\n'),
      );
    });
}
