/**
 * Documents: draft from the case's recorded findings, check, review,
 * sign and send. Every change makes a new version; a signed version is never altered, and
 * its SHA-256 content hash proves it. Each block records whether Steve composed it or the
 * clinician wrote it, so an expert can disclose which parts were drafted by software.
 */
import { createHash } from 'node:crypto';
import { parseInput } from '../../contract/common.js';
import {
  draftInput,
  editBlockInput,
  listDocumentsInput,
  sendInput,
  signInput,
  type DraftInput,
  type EditBlockInput,
  type ListDocumentsInput,
  type RenderFormat,
  type SendInput,
  type SignInput,
} from '../../contract/documents.js';
import { newId } from '../../db/ids.js';
import type { DocumentKind } from '../../domain/documents/kinds.js';
import { AppError, invalid, notFound } from '../../domain/errors.js';
import {
  composeDocument,
  nameIndex,
  plainText,
  renderDocx,
  renderHtml,
  renderMarkdown,
  runChecks,
  type CheckFinding,
  type DocumentModel,
  type DraftSource,
} from '../../drafting/index.js';
import { parseTextDate } from '../../drafting/checks/other-client.js';
import { assertClientVisible, can, inCaseload, seesAllClients } from '../access.js';
import { roleCan } from '../../domain/permissions.js';
import { appendAudit } from '../audit/append-audit.js';
import { actorUserId, nowIso, type Db, type ServiceContext } from '../context.js';
import { assertClinicalReader, clinicalCase } from '../findings/clinical-access.js';
import { loadDraftSource } from './draft-source.js';

export function contentHash(model: DocumentModel): string {
  return createHash('sha256')
    .update(JSON.stringify({ title: model.title, running_header: model.running_header, letterhead: model.letterhead, blocks: model.blocks }))
    .digest('hex');
}

/** Placeholders the clinician has not yet replaced, in the order they appear. */
function stillNeeded(model: DocumentModel) {
  const text = plainText(model);
  return model.still_needed.filter((n) => text.includes(`[STILL NEEDED: ${n.label}]`));
}

const DOB_WORDS = /\b(?:date of birth|d\.?o\.?b\.?|born(?: on)?)\b[\s:,-]*(\d{1,2}\/\d{1,2}\/\d{4}|\d{4}-\d{2}-\d{2}|\d{1,2}\s+[A-Za-z]+\s+\d{4})/gi;

/**
 * Only the clients whose names could appear are fetched: every run of 2–4 words in the text
 * is a candidate, so the check costs the same for 50 clients or 50,000.
 */
async function otherClientContext(db: Db, source: DraftSource, model: DocumentModel) {
  if (!source.client) return {};
  const text = plainText(model);
  const words = text.toLowerCase().match(/[\p{L}][\p{L}'’-]*/gu) ?? [];
  const grams = new Set<string>();
  for (let i = 0; i < words.length; i++) for (let n = 2; n <= 4 && i + n <= words.length; n++) grams.add(words.slice(i, i + n).join(' '));
  const list = [...grams];
  const people: { name: string; dob: string }[] = [];
  for (let i = 0; i < list.length; i += 500) {
    const chunk = list.slice(i, i + 500);
    people.push(
      ...(await db
        .selectFrom('clients')
        .select(['name', 'dob'])
        .where('id', '!=', source.client.id)
        .where((eb) => eb(eb.fn('lower', ['name']), 'in', chunk))
        .execute()),
    );
  }
  const dates = [...text.matchAll(DOB_WORDS)].map((m) => parseTextDate(m[1]!)).filter((d): d is string => !!d && d !== source.client!.dob);
  const otherDobs = dates.length
    ? new Set((await db.selectFrom('clients').select('dob').where('id', '!=', source.client.id).where('dob', 'in', dates).execute()).map((r) => r.dob))
    : new Set<string>();
  return { names: nameIndex(people, [source.client.name, ...(source.author ? [source.author.name] : [])]), otherDobs };
}

async function checksFor(db: Db, source: DraftSource, model: DocumentModel): Promise<CheckFinding[]> {
  return runChecks(model, { source, ...(await otherClientContext(db, source, model)) });
}

function letterOptions(data: ReturnType<typeof parseDraft>): DraftSource['letter'] {
  return {
    ...(data.level ? { level: data.level } : {}),
    ...(data.invoice ? { invoice: { ...data.invoice, reference_rate_bp: data.invoice.reference_rate_bp ?? null } } : {}),
    ...(data.audience ? { audience: data.audience } : {}),
  };
}
const parseDraft = (input: DraftInput) => parseInput(draftInput, input);

async function sourceFor(db: Db, ctx: ServiceContext, caseId: string | null, letter: DraftSource['letter']): Promise<DraftSource> {
  return loadDraftSource(db, { today: ctx.clock.today(), caseId, authorId: actorUserId(ctx.actor), letter });
}

async function insertVersion(trx: Db, ctx: ServiceContext, documentId: string, version: number, model: DocumentModel, change: string) {
  await trx
    .insertInto('document_versions')
    .values({
      id: newId(),
      document_id: documentId,
      version,
      model: JSON.stringify(model),
      content_hash: contentHash(model),
      status: 'draft',
      change,
      created_by: actorUserId(ctx.actor),
      created_at: nowIso(ctx),
      signed_by: null,
      signed_at: null,
    })
    .execute();
  await trx
    .updateTable('documents')
    .set({ version, status: 'draft', title: model.title, body: plainText(model), signed_by: null, signed_at: null, updated_at: nowIso(ctx) })
    .where('id', '=', documentId)
    .execute();
}

/** Drafts a document of a kind for a case (a marketing letter needs no case). */
export async function draftDocument(ctx: ServiceContext, input: DraftInput) {
  const data = parseDraft(input);
  const kind: DocumentKind = data.kind;
  if (!data.case_id && kind !== 'marketing-letter') throw invalid(`A ${kind} is drafted for a case: give its case id.`, 'case_id');
  assertClinicalReader(ctx);
  const id = await ctx.db.transaction().execute(async (trx) => {
    const c = data.case_id ? await clinicalCase(trx, ctx, data.case_id) : null;
    const letter = letterOptions(data);
    const model = composeDocument(kind, await sourceFor(trx, ctx, c?.id ?? null, letter));
    const docId = newId();
    await trx
      .insertInto('documents')
      .values({
        id: docId,
        client_id: c?.client_id ?? null,
        case_id: c?.id ?? null,
        kind,
        version: 1,
        status: 'draft',
        title: model.title,
        body: '',
        created_by: actorUserId(ctx.actor),
        signed_by: null,
        signed_at: null,
        created_at: nowIso(ctx),
        options: JSON.stringify(letter),
        sent_at: null,
        correspondence_id: null,
        updated_at: nowIso(ctx),
      })
      .execute();
    await insertVersion(trx, ctx, docId, 1, model, 'drafted by Steve from the recorded findings');
    await appendAudit(trx, ctx, { action: 'create', entity: 'document', entity_id: docId, client_id: c?.client_id ?? null, detail: `kind=${kind}` });
    return docId;
  });
  return getDocument(ctx, id, { audit: false });
}

async function visibleDocument(db: Db, ctx: ServiceContext, id: string) {
  assertClinicalReader(ctx);
  const d = await db.selectFrom('documents').selectAll().where('id', '=', id).executeTakeFirst();
  if (!d) throw notFound('document', id);
  if (d.client_id) {
    await assertClientVisible(db, ctx.actor, d.client_id).catch(() => {
      throw notFound('document', id);
    });
  }
  return d;
}

async function versionRow(db: Db, documentId: string, version: number) {
  const v = await db.selectFrom('document_versions').selectAll().where('document_id', '=', documentId).where('version', '=', version).executeTakeFirst();
  if (!v) throw notFound('document version', `${documentId} v${version}`);
  return { ...v, parsed: JSON.parse(v.model) as DocumentModel };
}

export async function listDocuments(ctx: ServiceContext, input: ListDocumentsInput = {}) {
  const opts = parseInput(listDocumentsInput, input);
  assertClinicalReader(ctx);
  let q = ctx.db
    .selectFrom('documents')
    .leftJoin('clients', 'clients.id', 'documents.client_id')
    .leftJoin('users as signer', 'signer.id', 'documents.signed_by')
    .select([
      'documents.id',
      'documents.kind',
      'documents.title',
      'documents.status',
      'documents.version',
      'documents.case_id',
      'documents.client_id',
      'documents.created_at',
      'documents.updated_at',
      'documents.signed_at',
      'documents.sent_at',
      'clients.name as client_name',
      'signer.name as signed_by_name',
    ])
    .orderBy('documents.updated_at', 'desc')
    .orderBy('documents.id', 'desc');
  if (opts.case_id) q = q.where('documents.case_id', '=', opts.case_id);
  if (opts.client_id) q = q.where('documents.client_id', '=', opts.client_id);
  if (opts.status) q = q.where('documents.status', '=', opts.status);
  if (!seesAllClients(ctx.actor) && ctx.actor.kind === 'user') {
    const me = ctx.actor.id;
    q = q.where((eb) =>
      eb.or([eb('documents.client_id', 'is', null), eb('documents.client_id', 'in', eb.selectFrom('clients').select('clients.id').where(inCaseload(me)))]),
    );
  }
  return q.limit(opts.limit ?? 200).execute();
}

/** A document with its current (or a chosen) version: blocks, provenance, still-needed list and checks. */
export async function getDocument(ctx: ServiceContext, id: string, opts: { version?: number; audit?: boolean } = {}) {
  return ctx.db.transaction().execute(async (trx) => {
    const d = await visibleDocument(trx, ctx, id);
    const v = await versionRow(trx, id, opts.version ?? d.version);
    const versions = await trx
      .selectFrom('document_versions')
      .leftJoin('users', 'users.id', 'document_versions.signed_by')
      .select([
        'document_versions.version',
        'document_versions.status',
        'document_versions.content_hash',
        'document_versions.change',
        'document_versions.created_at',
        'document_versions.signed_at',
        'users.name as signed_by_name',
      ])
      .where('document_id', '=', id)
      .orderBy('version')
      .execute();
    const source = await sourceFor(trx, ctx, d.case_id, JSON.parse(d.options) as DraftSource['letter']);
    const checks = await checksFor(trx, source, v.parsed);
    const signer = v.signed_by ? await trx.selectFrom('users').select('name').where('id', '=', v.signed_by).executeTakeFirst() : undefined;
    if (opts.audit !== false) await appendAudit(trx, ctx, { action: 'read', entity: 'document', entity_id: id, client_id: d.client_id });
    return {
      id: d.id,
      kind: d.kind,
      title: v.parsed.title,
      status: v.version === d.version ? d.status : v.status,
      version: v.version,
      current_version: d.version,
      case_id: d.case_id,
      client_id: d.client_id,
      created_at: d.created_at,
      content_hash: v.content_hash,
      signed_by: v.signed_by,
      signed_by_name: signer?.name ?? null,
      signed_at: v.signed_at,
      sent_at: d.sent_at,
      correspondence_id: d.correspondence_id,
      running_header: v.parsed.running_header,
      letterhead: v.parsed.letterhead,
      blocks: v.parsed.blocks,
      still_needed: stillNeeded(v.parsed),
      checks,
      can_sign: v.version === d.version && d.status === 'in_review' && !checks.some((c) => c.severity === 'error'),
      composed_by: {
        steve: v.parsed.blocks.filter((b) => b.composed_by === 'steve').map((b) => b.id),
        clinician: v.parsed.blocks.filter((b) => b.composed_by === 'clinician').map((b) => b.id),
      },
      versions,
    };
  });
}

/** The clinician rewrites one block. Always a new version, so what was signed stays as signed. */
export async function editBlock(ctx: ServiceContext, id: string, input: EditBlockInput) {
  const data = parseInput(editBlockInput, input);
  await ctx.db.transaction().execute(async (trx) => {
    const d = await visibleDocument(trx, ctx, id);
    const v = await versionRow(trx, id, d.version);
    const model = v.parsed;
    const block = model.blocks.find((b) => b.id === data.block_id);
    if (!block) throw invalid(`This document has no block ${data.block_id}.`, 'block_id');
    if (block.type === 'heading' || block.type === 'paragraph') block.text = data.text;
    else if (block.type === 'list') block.items = data.text.split('\n').filter((l) => l.trim() !== '');
    else
      block.rows = data.text
        .split('\n')
        .filter((l) => l.trim() !== '')
        .map((l) => l.split('|').map((c) => c.trim()));
    block.composed_by = 'clinician';
    await insertVersion(trx, ctx, id, d.version + 1, model, `${data.block_id} edited by the clinician`);
    await appendAudit(trx, ctx, {
      action: 'update',
      entity: 'document',
      entity_id: id,
      client_id: d.client_id,
      detail: `block=${data.block_id} version=${d.version + 1}`,
    });
  });
  return getDocument(ctx, id, { audit: false });
}

/** Recomposes from the findings as they are now (after fixing what the checks flagged): a new version. */
export async function redraftDocument(ctx: ServiceContext, id: string) {
  await ctx.db.transaction().execute(async (trx) => {
    const d = await visibleDocument(trx, ctx, id);
    const model = composeDocument(d.kind as DocumentKind, await sourceFor(trx, ctx, d.case_id, JSON.parse(d.options) as DraftSource['letter']));
    await insertVersion(trx, ctx, id, d.version + 1, model, 'redrafted by Steve from the recorded findings');
    await appendAudit(trx, ctx, { action: 'update', entity: 'document', entity_id: id, client_id: d.client_id, detail: `redraft version=${d.version + 1}` });
  });
  return getDocument(ctx, id, { audit: false });
}

export async function submitForReview(ctx: ServiceContext, id: string) {
  await ctx.db.transaction().execute(async (trx) => {
    const d = await visibleDocument(trx, ctx, id);
    if (d.status !== 'draft') throw new AppError('CONFLICT', `Only a draft can go for review; this document is ${d.status.replace('_', ' ')}.`);
    await trx.updateTable('document_versions').set({ status: 'in_review' }).where('document_id', '=', id).where('version', '=', d.version).execute();
    await trx
      .updateTable('documents')
      .set({ status: 'in_review', updated_at: nowIso(ctx) })
      .where('id', '=', id)
      .execute();
    await appendAudit(trx, ctx, { action: 'update', entity: 'document', entity_id: id, client_id: d.client_id, detail: 'status=in_review' });
  });
  return getDocument(ctx, id, { audit: false });
}

/**
 * Signs the version in review. Refused while any check reports an error (a placeholder left,
 * an incomplete PD35 report, another client's details). The signer is the signed-in
 * clinician; the CLI names one. If the caller passes the hash it reviewed, a version that
 * changed meanwhile is refused rather than signed unseen.
 */
export async function signDocument(ctx: ServiceContext, id: string, input: SignInput = {}) {
  const data = parseInput(signInput, input);
  await ctx.db.transaction().execute(async (trx) => {
    const d = await visibleDocument(trx, ctx, id);
    if (d.status !== 'in_review')
      throw new AppError('CONFLICT', d.status === 'draft' ? 'Send the draft for review before signing it.' : `Version ${d.version} is already ${d.status}.`);
    let signer: string;
    if (ctx.actor.kind === 'user') {
      if (!can(ctx.actor, 'documents.sign')) throw new AppError('FORBIDDEN', 'Only a clinician can sign a document.');
      signer = ctx.actor.id;
    } else {
      if (!data.signer_id) throw invalid('Say who signs: --by <user id or email>.', 'signer_id');
      const u = await trx
        .selectFrom('users')
        .select(['id', 'role', 'active'])
        .where((eb) => eb.or([eb('id', '=', data.signer_id!), eb('email', '=', data.signer_id!.toLowerCase())]))
        .executeTakeFirst();
      if (!u || u.active !== 1 || !roleCan(u.role, 'documents.sign')) throw invalid(`No active clinician ${data.signer_id}.`, 'signer_id');
      signer = u.id;
    }
    const v = await versionRow(trx, id, d.version);
    if (data.content_hash && data.content_hash !== v.content_hash)
      throw new AppError('CONFLICT', 'This document changed after you reviewed it: review the current version before signing.');
    if (contentHash(v.parsed) !== v.content_hash) throw new AppError('INTERNAL', 'The stored version does not match its content hash.');
    const source = await sourceFor(trx, ctx, d.case_id, JSON.parse(d.options) as DraftSource['letter']);
    const errors = (await checksFor(trx, source, v.parsed)).filter((c) => c.severity === 'error');
    if (errors.length)
      throw invalid(
        `Cannot sign yet: ${errors.length} problem${errors.length === 1 ? '' : 's'} to fix first (${errors[0]!.message}${errors.length > 1 ? ' …' : ''})`,
      );
    const at = nowIso(ctx);
    await trx.updateTable('document_versions').set({ status: 'signed', signed_by: signer, signed_at: at }).where('id', '=', v.id).execute();
    await trx.updateTable('documents').set({ status: 'signed', signed_by: signer, signed_at: at, updated_at: at }).where('id', '=', id).execute();
    await appendAudit(trx, ctx, {
      action: 'sign',
      entity: 'document',
      entity_id: id,
      client_id: d.client_id,
      detail: `version=${d.version} hash=${v.content_hash}`,
    });
  });
  return getDocument(ctx, id, { audit: false });
}

/** Marks the signed version sent and logs it in the correspondence record. */
export async function sendDocument(ctx: ServiceContext, id: string, input: SendInput = {}) {
  const data = parseInput(sendInput, input);
  await ctx.db.transaction().execute(async (trx) => {
    const d = await visibleDocument(trx, ctx, id);
    if (d.status !== 'signed')
      throw new AppError('CONFLICT', d.status === 'sent' ? 'This version has already been sent.' : 'Only a signed document can be sent.');
    const v = await versionRow(trx, id, d.version);
    const source = await sourceFor(trx, ctx, d.case_id, JSON.parse(d.options) as DraftSource['letter']);
    const party = data.party_name ?? source.ehcp?.la_name ?? source.case?.referrer_name ?? source.case?.funder_name ?? source.letter.audience ?? '';
    const corrId = newId();
    const at = nowIso(ctx);
    await trx
      .insertInto('correspondence')
      .values({
        id: corrId,
        client_id: d.client_id,
        case_id: d.case_id,
        direction: 'out',
        channel: data.channel ?? 'email',
        party_org_id: null,
        party_contact_id: null,
        party_name: party,
        on_date: data.on_date ?? ctx.clock.today(),
        subject: v.parsed.title,
        summary: `Version ${v.version}, signed ${v.signed_at?.slice(0, 10) ?? ''}; SHA-256 ${v.content_hash}`,
        file_path: null,
        follow_up_on: null,
        created_at: at,
      })
      .execute();
    await trx.updateTable('document_versions').set({ status: 'sent' }).where('id', '=', v.id).execute();
    await trx.updateTable('documents').set({ status: 'sent', sent_at: at, correspondence_id: corrId, updated_at: at }).where('id', '=', id).execute();
    await appendAudit(trx, ctx, {
      action: 'send',
      entity: 'document',
      entity_id: id,
      client_id: d.client_id,
      detail: `version=${v.version} correspondence=${corrId}`,
    });
  });
  return getDocument(ctx, id, { audit: false });
}

const CONTENT_TYPES: Record<RenderFormat, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  html: 'text/html; charset=utf-8',
  md: 'text/markdown; charset=utf-8',
};

/** The document as a file: DOCX, HTML or Markdown; "DRAFT — not for circulation" until signed. */
export async function renderDocument(ctx: ServiceContext, id: string, format: RenderFormat, opts: { version?: number } = {}) {
  const { d, v } = await ctx.db.transaction().execute(async (trx) => {
    const d = await visibleDocument(trx, ctx, id);
    const v = await versionRow(trx, id, opts.version ?? d.version);
    await appendAudit(trx, ctx, {
      action: 'export',
      entity: 'document',
      entity_id: id,
      client_id: d.client_id,
      detail: `format=${format} version=${v.version}`,
    });
    return { d, v };
  });
  const signed = v.status === 'signed' || v.status === 'sent';
  const slug = `${d.kind}-v${v.version}`;
  const content =
    format === 'docx' ? await renderDocx(v.parsed, { signed }) : format === 'html' ? renderHtml(v.parsed, { signed }) : renderMarkdown(v.parsed, { signed });
  return { filename: `${slug}.${format}`, content_type: CONTENT_TYPES[format], content, signed, content_hash: v.content_hash };
}

/** `steve check provision`: the Section F specificity check on any text, no database needed. */
export { checkProvisionText } from '../../drafting/index.js';
