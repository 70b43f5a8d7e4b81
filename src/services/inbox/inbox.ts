/**
 * The inbox: import letters and emails, link each to a client and case, keep the original,
 * log the correspondence, and queue proposals (tasks, EHC plan events, authorisations, new
 * clients) that wait for a person. Each file is imported in its own transaction, so a bad
 * file leaves nothing behind; accepting a proposal applies all its changes in one.
 *
 * Originals are stored in the database (inbox_files, base64) on SQLite and PostgreSQL alike:
 * content-addressed by SHA-256, written in the import's transaction, exported with the practice.
 */
import { createHash } from 'node:crypto';
import type { LocalDate } from '../../domain/calendar/local-date.js';
import { invalid, notFound } from '../../domain/errors.js';
import { findRule } from '../../domain/deadlines/rules.js';
import { newId } from '../../db/ids.js';
import { assertClientVisible, requirePermission, seesAllClients } from '../access.js';
import { addClientIn } from '../clients/add-client.js';
import { appendAudit } from '../audit/append-audit.js';
import { addAuthorisationIn, updateAuthorisationIn } from '../cases/update-case-details.js';
import { actorUserId, nowIso, type Db, type ServiceContext } from '../context.js';
import { recordEhcpEventIn } from '../ehcp/record-ehcp-event.js';
import { recordPaymentIn } from '../billing/record-payment.js';
import { loadPracticeIdentity } from '../practice/load-practice-identity.js';
import { planRemittance, remittanceTitle, type RemittancePayload } from './remittance.js';
import { dateCorrection, loadLearnedHints, storeCorrections } from './learned-hints.js';
import type { DateRole } from '../../triage/actions.js';
import { asConfidence, loadInboxItems, parseStoredTriage, type InboxItemView, type InboxProposalView } from './inbox-item-view.js';
import { isTriageError, triageFiles, type IncomingFile, type TriageRecord } from './triage-files.js';

export type ProposalKind = 'task' | 'ehcp_event' | 'authorisation' | 'new_client' | 'payment';

export interface ImportOutcome {
  file: string;
  status: 'imported' | 'duplicate' | 'error';
  error?: string;
  item_id?: string;
  category?: string;
  client_id?: string | null;
  client_name?: string | null;
  match?: string;
  proposals?: number;
}

const ROLE_TITLE: Record<string, string> = {
  response_due: 'Reply due',
  meeting: 'Meeting',
  appointment: 'Appointment',
  hearing: 'Hearing',
  authorisation_expiry: 'Authorisation ends',
  payment_due: 'Payment due',
};

interface Link {
  client_id: string | null;
  case_id: string | null;
  match: string;
}

const DETAIL_FOR: Record<string, 'ehcp_plans' | 'authorisations' | 'medico_legal_instructions' | 'housing_adaptations' | 'workplace_assessments' | undefined> =
  {
    ehcp_advice_request: 'ehcp_plans',
    ehcp_annual_review: 'ehcp_plans',
    ehcp_plan_issued: 'ehcp_plans',
    tribunal: 'ehcp_plans',
    insurer_authorisation: 'authorisations',
    ml_instruction: 'medico_legal_instructions',
    ml_questions: 'medico_legal_instructions',
    ml_update: 'medico_legal_instructions',
    housing_adaptation: 'housing_adaptations',
    workplace: 'workplace_assessments',
  };

/** Links by NHS number, then name and date of birth, then a reference a case holds, then a unique name. */
async function linkClient(db: Db, r: TriageRecord): Promise<Link> {
  // A remittance or statement about several clients belongs to none of them: logging it on one
  // client's record would show the others' names there.
  if ((r.facts.clients?.length ?? 0) > 1) return { client_id: null, case_id: null, match: `several clients (${r.facts.clients!.length})` };
  const nhs = r.references.find((x) => x.kind === 'nhs_number')?.value;
  let clientId: string | null = null;
  let match = '';
  if (nhs) {
    const c = await db.selectFrom('clients').select('id').where('nhs_number', '=', nhs).executeTakeFirst();
    if (c) [clientId, match] = [c.id, 'NHS number'];
  }
  if (!clientId && r.client?.dob) {
    const rows = await db.selectFrom('clients').select(['id', 'name']).where('dob', '=', r.client.dob).execute();
    const hit = rows.filter((c) => c.name.toLowerCase().replace(/\s+/g, ' ') === r.client!.name.toLowerCase());
    if (hit.length === 1) [clientId, match] = [hit[0]!.id, 'name and date of birth'];
  }
  let caseId: string | null = null;
  if (!clientId) {
    for (const ref of r.references) {
      const q =
        ref.kind === 'la_ref'
          ? db
              .selectFrom('ehcp_plans')
              .innerJoin('cases', 'cases.id', 'ehcp_plans.case_id')
              .select(['cases.id as case_id', 'cases.client_id'])
              .where('ehcp_plans.la_reference', '=', ref.value)
          : ref.kind === 'insurer_auth'
            ? db
                .selectFrom('authorisations')
                .innerJoin('cases', 'cases.id', 'authorisations.case_id')
                .select(['cases.id as case_id', 'cases.client_id'])
                .where('authorisations.authorisation_code', '=', ref.value)
            : ref.kind === 'policy_number'
              ? db
                  .selectFrom('authorisations')
                  .innerJoin('cases', 'cases.id', 'authorisations.case_id')
                  .select(['cases.id as case_id', 'cases.client_id'])
                  .where('authorisations.membership_number', '=', ref.value)
              : ref.kind === 'claim_ref'
                ? db
                    .selectFrom('medico_legal_instructions')
                    .innerJoin('cases', 'cases.id', 'medico_legal_instructions.case_id')
                    .select(['cases.id as case_id', 'cases.client_id'])
                    .where('medico_legal_instructions.claim_reference', '=', ref.value)
                : ref.kind === 'court_ref'
                  ? db
                      .selectFrom('medico_legal_instructions')
                      .innerJoin('cases', 'cases.id', 'medico_legal_instructions.case_id')
                      .select(['cases.id as case_id', 'cases.client_id'])
                      .where('medico_legal_instructions.court_claim_number', '=', ref.value)
                  : null;
      const hit = q ? await q.executeTakeFirst() : undefined;
      if (hit) {
        [clientId, caseId, match] = [hit.client_id, hit.case_id, `reference ${ref.value}`];
        break;
      }
    }
  }
  if (!clientId && r.client) {
    const rows = await db.selectFrom('clients').select(['id', 'name']).execute();
    const hit = rows.filter((c) => c.name.toLowerCase().replace(/\s+/g, ' ') === r.client!.name.toLowerCase());
    if (hit.length === 1) [clientId, match] = [hit[0]!.id, 'name (no date of birth in the letter)'];
  }
  if (clientId && !caseId) {
    const table = DETAIL_FOR[r.category];
    const cases = await db.selectFrom('cases').select(['id', 'status', 'opened_on']).where('client_id', '=', clientId).orderBy('opened_on', 'desc').execute();
    const open = cases.filter((c) => c.status !== 'closed');
    if (table) {
      for (const c of open.length ? open : cases) {
        const d = await db.selectFrom(table).select('id').where('case_id', '=', c.id).executeTakeFirst();
        if (d) {
          caseId = c.id;
          break;
        }
      }
    }
    caseId ??= open[0]?.id ?? null;
  }
  return { client_id: clientId, case_id: caseId, match };
}

interface NewProposal {
  kind: ProposalKind;
  title: string;
  payload: Record<string, unknown>;
  rule_id: string | null;
  due_on: string | null;
  reason: string;
}

async function propose(db: Db, r: TriageRecord, link: Link): Promise<NewProposal[]> {
  const out: NewProposal[] = [];
  const who = r.client?.name ?? r.sender_org ?? 'unknown client';
  const received = r.received as LocalDate | null;
  const meeting = r.dates.find((d) => d.role === 'meeting');
  const plan = link.case_id
    ? await db.selectFrom('ehcp_plans').select(['id', 'next_review_meeting_on']).where('case_id', '=', link.case_id).executeTakeFirst()
    : undefined;
  // Dates the deadline engine will make into tasks itself once the plan or authorisation changes.
  const engine = new Set<string>();
  if (plan && received) {
    if (r.category === 'ehcp_annual_review' && meeting) {
      const kind = plan.next_review_meeting_on && plan.next_review_meeting_on !== meeting.date ? 'review_meeting_moved' : 'review_meeting_set';
      out.push({
        kind: 'ehcp_event',
        title: `EHC plan: review meeting ${meeting.date} for ${who}`,
        payload: { case_id: link.case_id, kind, on: received, meeting_on: meeting.date, confidence: r.confidence.dates[r.dates.indexOf(meeting)] ?? null },
        rule_id: 'EHCP-AR-04',
        due_on: meeting.date,
        reason: meeting.reason,
      });
      engine.add(`meeting:${meeting.date}`);
      for (const d of r.dates) if (d.role === 'response_due' && d.rule === 'EHCP-AR-04') engine.add(`response_due:${d.date}`);
    } else if (r.category === 'ehcp_advice_request') {
      out.push({
        kind: 'ehcp_event',
        title: `EHC plan: advice requested for ${who}`,
        payload: { case_id: link.case_id, kind: 'advice_request_received', on: received },
        rule_id: 'EHCP-ADV-01',
        due_on: null,
        reason: 'The LA asked for OT advice for an EHC needs assessment.',
      });
      for (const d of r.dates) if (d.rule === 'EHCP-ADV-01') engine.add(`response_due:${d.date}`);
    } else if (r.category === 'ehcp_plan_issued') {
      const draft = /\bdraft\b/i.test(`${r.subject} ${r.summary}`);
      const amended = /\bamend/i.test(`${r.subject} ${r.summary}`);
      const kind = draft ? 'draft_plan_received' : amended ? 'amended_plan_received' : 'final_plan_received';
      out.push({
        kind: 'ehcp_event',
        title: `EHC plan: ${kind.replace(/_/g, ' ')} for ${who}`,
        payload: { case_id: link.case_id, kind, on: received },
        rule_id: null,
        due_on: null,
        reason: r.summary.slice(0, 200),
      });
    }
  }
  const expiry = r.dates.find((d) => d.role === 'authorisation_expiry');
  if (r.category === 'insurer_authorisation' && link.case_id && (expiry || r.facts.sessions_authorised !== undefined)) {
    const code = r.references.find((x) => x.kind === 'insurer_auth')?.value;
    const existing = code
      ? await db.selectFrom('authorisations').select(['id']).where('case_id', '=', link.case_id).where('authorisation_code', '=', code).executeTakeFirst()
      : undefined;
    const change: Record<string, unknown> = {};
    if (expiry) change.valid_until = expiry.date;
    if (r.facts.sessions_authorised !== undefined) change.sessions_authorised = r.facts.sessions_authorised;
    if (existing) {
      out.push({
        kind: 'authorisation',
        title: `Authorisation ${code}: update for ${who}`,
        payload: { authorisation_id: existing.id, ...change },
        rule_id: 'INS-ENG-01',
        due_on: expiry?.date ?? null,
        reason: expiry?.reason ?? '',
      });
      if (expiry) engine.add(`authorisation_expiry:${expiry.date}`);
    } else if (expiry && received && r.facts.sessions_authorised !== undefined) {
      out.push({
        kind: 'authorisation',
        title: `Authorisation ${code ?? ''}: record for ${who}`.replace('  ', ' '),
        payload: {
          case_id: link.case_id,
          authorisation_code: code ?? '',
          membership_number: r.references.find((x) => x.kind === 'policy_number')?.value ?? '',
          sessions_authorised: r.facts.sessions_authorised,
          valid_from: received,
          valid_until: expiry.date,
          ...(r.facts.amount_gbp !== undefined ? { total_limit_pence: Math.round(r.facts.amount_gbp * 100) } : {}),
        },
        rule_id: 'INS-ENG-01',
        due_on: expiry.date,
        reason: expiry.reason,
      });
      engine.add(`authorisation_expiry:${expiry.date}`);
    }
  }
  if (r.category === 'new_referral' && !link.client_id && r.client && r.client.dob) {
    out.push({
      kind: 'new_client',
      title: `New client: ${r.client.name}`,
      payload: { name: r.client.name, dob: r.client.dob, nhs_number: r.client.nhs_number },
      rule_id: null,
      due_on: null,
      reason: `Referral from ${r.sender_org ?? r.sender_name ?? 'an enquirer'}.`,
    });
  }
  if (r.category === 'payment') {
    const plan = await planRemittance(db, r, link);
    if (plan) {
      out.push({
        kind: 'payment',
        title: remittanceTitle(plan),
        payload: { ...plan },
        rule_id: null,
        due_on: null,
        reason: `Remittance from ${plan.payer_name}${plan.reference ? `, reference ${plan.reference}` : ''}.`,
      });
      // The date money is paid is the payment's own date, not a task.
      for (const d of r.dates) if (d.role === 'payment_due') engine.add(`payment_due:${d.date}`);
    }
  }
  for (const d of r.dates) {
    if (engine.has(`${d.role}:${d.date}`)) continue;
    let kind = 'general';
    let hardness = 'soft';
    if (d.rule) {
      const rule = findRule(d.rule);
      kind = rule.family === 'medico_legal' ? 'court' : rule.hard ? 'statutory' : 'contractual';
      hardness = rule.hard ? 'hard' : 'soft';
    } else if (d.role === 'hearing') [kind, hardness] = ['court', 'hard'];
    const title = `${ROLE_TITLE[d.role]}: ${who}${d.time ? ` at ${d.time}` : ''}${d.rule ? ` (${d.rule})` : ''}`;
    out.push({
      kind: 'task',
      title,
      payload: {
        title,
        due_on: d.date,
        kind,
        hardness,
        client_id: link.client_id,
        case_id: link.case_id,
        notes: d.reason,
        // The date as read, so a person's change to it teaches the reader.
        date: { role: d.role, rule: d.rule, stated: d.stated, reason: d.reason },
        confidence: r.confidence.dates[r.dates.indexOf(d)] ?? null,
      },
      rule_id: d.rule,
      due_on: d.date,
      reason: d.reason,
    });
  }
  return out;
}

function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export async function importInbox(ctx: ServiceContext, files: IncomingFile[]): Promise<ImportOutcome[]> {
  requirePermission(ctx.actor, 'inbox.use', 'import correspondence');
  const results = await triageFiles(files, { today: ctx.clock.today(), practice: await loadPracticeIdentity(ctx.db), hints: await loadLearnedHints(ctx.db) });
  const out: ImportOutcome[] = [];
  for (let i = 0; i < files.length; i++) {
    const f = files[i]!;
    const r = results[i]!;
    if (isTriageError(r)) {
      out.push({ file: f.name, status: 'error', error: r.error });
      continue;
    }
    try {
      out.push(await importOne(ctx, f, r));
    } catch (e) {
      out.push({ file: f.name, status: 'error', error: e instanceof Error ? e.message : String(e) });
    }
  }
  return out;
}

async function importOne(ctx: ServiceContext, f: IncomingFile, r: TriageRecord): Promise<ImportOutcome> {
  return ctx.db.transaction().execute(async (trx) => importTriaged(trx, ctx, f, r));
}

/**
 * Stores one triaged file inside the caller's transaction. The demo practice passes its own
 * id maker and time (so a seed gives the same rows) and writes no audit event per letter.
 */
export async function importTriaged(
  trx: Db,
  ctx: ServiceContext,
  f: IncomingFile,
  r: TriageRecord,
  opts: { newId?: () => string; now?: string; audit?: boolean } = {},
): Promise<ImportOutcome> {
  const hash = sha256(f.bytes);
  const makeId = opts.newId ?? newId;
  {
    let q = trx.selectFrom('inbox_items').select('id').where('content_hash', '=', hash);
    if (r.message_id)
      q = trx
        .selectFrom('inbox_items')
        .select('id')
        .where((eb) => eb.or([eb('content_hash', '=', hash), eb('message_id', '=', r.message_id!)]));
    const dup = await q.executeTakeFirst();
    if (dup) return { file: f.name, status: 'duplicate' as const, item_id: dup.id };
    let link = await linkClient(trx, r);
    // A name alone that the reader doubts is a suggestion, not a link: a person confirms it.
    if (link.client_id && link.match.startsWith('name (') && r.confidence.client?.check)
      link = { client_id: null, case_id: null, match: `suggested ${r.client?.name ?? ''} by name alone: check this` };
    if (link.client_id) await assertClientVisible(trx, ctx.actor, link.client_id);
    const now = opts.now ?? nowIso(ctx);
    const fileRow = await trx.selectFrom('inbox_files').select('hash').where('hash', '=', hash).executeTakeFirst();
    if (!fileRow)
      await trx
        .insertInto('inbox_files')
        .values({ hash, size: f.bytes.length, content_base64: Buffer.from(f.bytes).toString('base64'), created_at: now })
        .execute();
    const org = r.sender_org ? await trx.selectFrom('organisations').select('id').where('name', '=', r.sender_org).executeTakeFirst() : undefined;
    const firstReply =
      r.dates
        .filter((d) => d.role === 'response_due')
        .map((d) => d.date)
        .sort()[0] ?? null;
    const correspondence_id = makeId();
    await trx
      .insertInto('correspondence')
      .values({
        id: correspondence_id,
        client_id: link.client_id,
        case_id: link.case_id,
        direction: 'in',
        channel: r.message_id !== null || /\.eml$/i.test(f.name) ? 'email' : 'letter',
        party_org_id: org?.id ?? null,
        party_contact_id: null,
        party_name: [r.sender_name, r.sender_org].filter(Boolean).join(', '),
        on_date: r.received ?? ctx.clock.today(),
        subject: r.subject || `${r.category.replace(/_/g, ' ')} (${f.name})`,
        summary: r.summary,
        file_path: `inbox:${hash}`,
        follow_up_on: firstReply,
        created_at: now,
      })
      .execute();
    const item_id = makeId();
    await trx
      .insertInto('inbox_items')
      .values({
        id: item_id,
        file_name: f.name,
        content_hash: hash,
        message_id: r.message_id,
        category: r.category,
        received_on: r.received,
        subject: r.subject,
        sender_org: r.sender_org,
        sender_name: r.sender_name,
        client_id: link.client_id,
        case_id: link.case_id,
        match: link.match,
        correspondence_id,
        triage_json: JSON.stringify(r),
        imported_at: now,
        imported_by: actorUserId(ctx.actor),
      })
      .execute();
    // Anything without a confidence of its own is as sure as the letter's category.
    const proposals = (await propose(trx, r, link)).map((p) => ({
      ...p,
      payload: { ...p.payload, confidence: p.payload.confidence ?? (p.kind === 'new_client' ? r.confidence.client : r.confidence.category) },
    }));
    for (const p of proposals) {
      await trx
        .insertInto('inbox_proposals')
        .values({
          id: makeId(),
          item_id,
          kind: p.kind,
          status: 'pending',
          title: p.title,
          payload_json: JSON.stringify(p.payload),
          rule_id: p.rule_id,
          due_on: p.due_on,
          reason: p.reason,
          created_at: now,
          decided_at: null,
          decided_by: null,
        })
        .execute();
    }
    if (opts.audit !== false)
      await appendAudit(trx, ctx, {
        action: 'create',
        entity: 'inbox_item',
        entity_id: item_id,
        client_id: link.client_id,
        detail: `category=${r.category} proposals=${proposals.length}`,
      });
    return {
      file: f.name,
      status: 'imported' as const,
      item_id,
      category: r.category,
      client_id: link.client_id,
      client_name: r.client?.name ?? null,
      match: link.match,
      proposals: proposals.length,
    };
  }
}

export type { InboxItemView, InboxProposalView } from './inbox-item-view.js';

/** Items with their proposals, newest first; `pending` keeps only items with something to decide. */
export async function listInbox(ctx: ServiceContext, input: { status?: 'pending' | 'all'; limit?: number } = {}): Promise<InboxItemView[]> {
  requirePermission(ctx.actor, 'inbox.use', 'read the inbox');
  const out = await loadInboxItems(ctx.db, ctx.actor, { limit: input.limit ?? 200 });
  return input.status === 'all' ? out : out.filter((i) => i.proposals.some((p) => p.status === 'pending'));
}

export interface ProposalEdit {
  due_on?: string;
  title?: string;
  meeting_on?: string;
  valid_until?: string;
  sessions_authorised?: number;
  client_id?: string;
  case_id?: string;
}

async function pendingProposal(db: Db, id: string) {
  const p = await db.selectFrom('inbox_proposals').selectAll().where('id', '=', id).executeTakeFirst();
  if (!p) throw notFound('proposal', id);
  if (p.status !== 'pending') throw invalid(`This proposal was already ${p.status}.`, 'status');
  return p;
}

/** Applies a proposal, with any edits, in one transaction: all of its changes or none. */
export async function acceptProposal(ctx: ServiceContext, id: string, edit: ProposalEdit = {}): Promise<InboxProposalView> {
  requirePermission(ctx.actor, 'inbox.use', 'accept inbox proposals');
  for (const k of ['due_on', 'meeting_on', 'valid_until'] as const) {
    if (edit[k] !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(edit[k]!)) throw invalid(`${k} must be a date written YYYY-MM-DD.`, k);
  }
  await ctx.db.transaction().execute(async (trx) => {
    const p = await pendingProposal(trx, id);
    const payload = { ...(JSON.parse(p.payload_json) as Record<string, unknown>) };
    let outcome: string;
    switch (p.kind) {
      case 'task': {
        // A task from a referral follows the client accepted from it since.
        const item = await trx.selectFrom('inbox_items').select(['client_id', 'case_id']).where('id', '=', p.item_id).executeTakeFirstOrThrow();
        const clientId = edit.client_id ?? (payload.client_id as string | null) ?? item.client_id;
        const caseId = edit.case_id ?? (payload.case_id as string | null) ?? item.case_id;
        if (clientId) await assertClientVisible(trx, ctx.actor, clientId);
        const taskId = newId();
        await trx
          .insertInto('tasks')
          .values({
            id: taskId,
            title: edit.title ?? String(payload.title),
            kind: String(payload.kind),
            hardness: String(payload.hardness),
            due_on: edit.due_on ?? String(payload.due_on),
            status: 'open',
            rule_id: p.rule_id,
            trigger_kind: 'inbox',
            trigger_on: null,
            trigger_ref: p.item_id,
            snoozed_until: null,
            assignee_id: actorUserId(ctx.actor),
            client_id: clientId,
            case_id: caseId,
            notes: String(payload.notes ?? ''),
            completed_on: null,
            created_at: nowIso(ctx),
            rule_key: null,
            reason: p.reason || null,
          })
          .execute();
        await appendAudit(trx, ctx, { action: 'create', entity: 'task', entity_id: taskId, client_id: clientId });
        await learnFromDateEdit(trx, ctx, p.item_id, payload, edit.due_on);
        outcome = `task ${taskId}`;
        break;
      }
      case 'ehcp_event': {
        const input = {
          kind: payload.kind as never,
          on: String(payload.on),
          ...(payload.meeting_on || edit.meeting_on ? { meeting_on: edit.meeting_on ?? String(payload.meeting_on) } : {}),
        };
        const r = await recordEhcpEventIn(trx, ctx, String(payload.case_id), input);
        outcome = `ehcp event ${r.event_id}`;
        break;
      }
      case 'authorisation': {
        if (payload.authorisation_id) {
          const change: Record<string, unknown> = {};
          if (edit.valid_until ?? payload.valid_until) change.valid_until = edit.valid_until ?? payload.valid_until;
          if ((edit.sessions_authorised ?? payload.sessions_authorised) !== undefined)
            change.sessions_authorised = edit.sessions_authorised ?? payload.sessions_authorised;
          await updateAuthorisationIn(trx, ctx, String(payload.authorisation_id), change as never);
          outcome = `authorisation ${String(payload.authorisation_id)} updated`;
        } else {
          const { case_id, ...rest } = payload;
          const aid = await addAuthorisationIn(trx, ctx, String(case_id), {
            ...rest,
            ...(edit.valid_until ? { valid_until: edit.valid_until } : {}),
            ...(edit.sessions_authorised !== undefined ? { sessions_authorised: edit.sessions_authorised } : {}),
          } as never);
          outcome = `authorisation ${aid}`;
        }
        break;
      }
      case 'new_client': {
        const nhs = typeof payload.nhs_number === 'string' ? payload.nhs_number : undefined;
        const client = await addClientIn(
          trx,
          ctx,
          { name: String(payload.name), dob: String(payload.dob), ...(nhs ? { nhs_number: nhs } : {}) },
          { source: 'from inbox referral' },
        );
        const clientId = client.id;
        await trx.updateTable('inbox_items').set({ client_id: clientId, match: 'new client from referral' }).where('id', '=', p.item_id).execute();
        const item = await trx.selectFrom('inbox_items').select('correspondence_id').where('id', '=', p.item_id).executeTakeFirstOrThrow();
        if (item.correspondence_id) await trx.updateTable('correspondence').set({ client_id: clientId }).where('id', '=', item.correspondence_id).execute();
        outcome = `client ${clientId}`;
        break;
      }
      case 'payment': {
        const plan = payload as unknown as RemittancePayload;
        const paymentId = await recordPaymentIn(
          trx,
          ctx,
          {
            amount_pence: plan.amount_pence,
            ...(plan.received_on ? { received_on: plan.received_on } : {}),
            ...(plan.payer_org_id ? { payer_org_id: plan.payer_org_id } : { client_id: plan.client_id! }),
            method: plan.method as never,
            reference: plan.reference.slice(0, 200),
            notes: `From the inbox: ${p.title}`.slice(0, 2000),
            allocations: plan.allocations.map((a) => ({ invoice: a.invoice_id, amount_pence: a.amount_pence })),
            keep_credit: plan.credit_pence > 0,
          },
          { explicitOnly: true },
        );
        outcome = `payment ${paymentId}`;
        break;
      }
      default:
        throw invalid(`Unknown proposal kind ${p.kind}.`, 'kind');
    }
    // Guarded on the status, so two people accepting at once cannot both apply it.
    const done = await trx
      .updateTable('inbox_proposals')
      .set({ status: 'accepted', outcome, decided_at: nowIso(ctx), decided_by: actorUserId(ctx.actor) })
      .where('id', '=', id)
      .where('status', '=', 'pending')
      .executeTakeFirst();
    if (Number(done.numUpdatedRows) !== 1) throw invalid('This proposal was already decided.', 'status');
    await appendAudit(trx, ctx, { action: 'update', entity: 'inbox_proposal', entity_id: id, client_id: null, detail: `accepted ${p.kind}` });
  });
  return getProposal(ctx, id);
}

/** A date a person moved: kept as a correction, so the reader's doubt about such dates is on record. */
async function learnFromDateEdit(trx: Db, ctx: ServiceContext, itemId: string, payload: Record<string, unknown>, dueOn: string | undefined): Promise<void> {
  const date = payload.date as { role: DateRole; rule: string | null; stated: boolean; reason: string } | undefined;
  if (!date || dueOn === undefined || dueOn === payload.due_on) return;
  const item = await trx.selectFrom('inbox_items').select('triage_json').where('id', '=', itemId).executeTakeFirstOrThrow();
  await storeCorrections(trx, ctx, itemId, parseStoredTriage(item.triage_json), [dateCorrection(date, date.role)]);
}

/**
 * Declines a proposal. `notOurs` says the date it rests on is not the practice's to act on (the
 * council's own deadline, a past event): a correction the reader learns from.
 */
export async function rejectProposal(ctx: ServiceContext, id: string, reason = '', opts: { notOurs?: boolean } = {}): Promise<InboxProposalView> {
  requirePermission(ctx.actor, 'inbox.use', 'reject inbox proposals');
  await ctx.db.transaction().execute(async (trx) => {
    const p = await pendingProposal(trx, id);
    const payload = JSON.parse(p.payload_json) as Record<string, unknown>;
    const date = payload.date as { role: DateRole; rule: string | null; stated: boolean; reason: string } | undefined;
    if (opts.notOurs && date) {
      const item = await trx.selectFrom('inbox_items').select('triage_json').where('id', '=', p.item_id).executeTakeFirstOrThrow();
      await storeCorrections(trx, ctx, p.item_id, parseStoredTriage(item.triage_json), [dateCorrection(date, '')]);
    }
    await trx
      .updateTable('inbox_proposals')
      .set({ status: 'rejected', outcome: reason.slice(0, 500), decided_at: nowIso(ctx), decided_by: actorUserId(ctx.actor) })
      .where('id', '=', id)
      .execute();
    await appendAudit(trx, ctx, { action: 'update', entity: 'inbox_proposal', entity_id: id, client_id: null, detail: `rejected ${p.kind}` });
  });
  return getProposal(ctx, id);
}

async function getProposal(ctx: ServiceContext, id: string): Promise<InboxProposalView> {
  const p = await ctx.db.selectFrom('inbox_proposals').selectAll().where('id', '=', id).executeTakeFirst();
  if (!p) throw notFound('proposal', id);
  return {
    id: p.id,
    kind: p.kind,
    status: p.status,
    title: p.title,
    rule_id: p.rule_id,
    due_on: p.due_on,
    reason: p.reason,
    outcome: p.outcome,
    payload: JSON.parse(p.payload_json) as Record<string, unknown>,
    confidence: asConfidence((JSON.parse(p.payload_json) as Record<string, unknown>).confidence),
  };
}

const CONTENT_TYPES: Record<string, string> = { eml: 'message/rfc822', txt: 'text/plain; charset=utf-8', pdf: 'application/pdf' };

/** A file name safe in a Content-Disposition header and on any disk: letters, digits, . _ - and spaces. */
export function safeFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const clean = base
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\w .-]+/g, '_')
    .replace(/_+/g, '_')
    .replace(/^[.\s_-]+/, '')
    .trim()
    .slice(-120);
  return clean || 'original';
}

/** The original bytes of an imported file, its type and a safe name; reading it is audited. */
export async function getOriginal(ctx: ServiceContext, itemId: string): Promise<{ file_name: string; content_type: string; bytes: Buffer }> {
  requirePermission(ctx.actor, 'inbox.use', 'read the inbox');
  return ctx.db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom('inbox_items')
      .innerJoin('inbox_files', 'inbox_files.hash', 'inbox_items.content_hash')
      .select(['file_name', 'content_base64', 'client_id', 'category'])
      .where('inbox_items.id', '=', itemId)
      .executeTakeFirst();
    if (!row) throw notFound('inbox item', itemId);
    if (row.client_id) await assertClientVisible(trx, ctx.actor, row.client_id);
    else if (!seesAllClients(ctx.actor) && row.category === 'payment') throw notFound('inbox item', itemId);
    await appendAudit(trx, ctx, { action: 'read', entity: 'inbox_item', entity_id: itemId, client_id: row.client_id, detail: 'original' });
    const file_name = safeFileName(row.file_name);
    const ext = /\.([a-z0-9]+)$/i.exec(file_name)?.[1]?.toLowerCase() ?? '';
    return { file_name, content_type: CONTENT_TYPES[ext] ?? 'application/octet-stream', bytes: Buffer.from(row.content_base64, 'base64') };
  });
}
