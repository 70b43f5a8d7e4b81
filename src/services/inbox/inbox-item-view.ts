/**
 * How an inbox item is shown: what triage read (with how sure it was of each part), what a
 * person has corrected since, and the proposals waiting. Shared by the list, the single item
 * and the correction use case.
 */
import type { ExpressionBuilder } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { Confidence } from '../../triage/confidence.js';
import type { ReferenceKind } from '../../triage/references.js';
import { inCaseload, seesAllClients } from '../access.js';
import type { Actor, Db } from '../context.js';

export interface InboxProposalView {
  id: string;
  kind: string;
  status: string;
  title: string;
  rule_id: string | null;
  due_on: string | null;
  reason: string;
  outcome: string;
  payload: Record<string, unknown>;
  /** How sure the reader was of what this proposal rests on; null for items read before confidences. */
  confidence: Confidence | null;
}

export interface InboxReferenceView {
  kind: ReferenceKind;
  value: string;
  confidence: Confidence | null;
}

export interface InboxItemView {
  id: string;
  file_name: string;
  category: string;
  received_on: string | null;
  subject: string;
  sender_org: string | null;
  sender_name: string | null;
  sender_email: string | null;
  client_id: string | null;
  client_name: string | null;
  /** The client the letter names, as read (it may match no client yet). */
  client_named: string | null;
  case_id: string | null;
  /** Whether the case holds an EHC plan, so a timeline link leads somewhere. */
  case_has_plan: boolean;
  match: string;
  imported_at: string;
  confidence: { category: Confidence | null; client: Confidence | null };
  references: InboxReferenceView[];
  /** What people have corrected on this item (category, client, reference), newest last. */
  corrected: string[];
  /** True when something on the item is below the confidence threshold and not yet decided. */
  check: boolean;
  proposals: InboxProposalView[];
}

/**
 * What a clinician may see of the inbox: post about their own caseload, and unlinked post
 * that is not about money. A remittance names other people's clients and invoices, which
 * are the owner's and admin's business.
 */
export function clinicianMayRead(userId: string) {
  return (eb: ExpressionBuilder<Database, 'inbox_items' | 'clients'>) =>
    eb.or([
      eb('inbox_items.client_id', 'in', eb.selectFrom('clients').select('clients.id').where(inCaseload(userId))),
      eb.and([eb('inbox_items.client_id', 'is', null), eb('inbox_items.category', '<>', 'payment')]),
    ]);
}

/** The triage record as stored, read defensively: items imported before confidences lack them. */
export interface StoredTriage {
  sender_email?: string | null;
  sender_org?: string | null;
  client?: { name: string } | null;
  references?: { kind: ReferenceKind; value: string }[];
  confidence?: { category?: Confidence; client?: Confidence | null; references?: Confidence[] };
  corrected?: string[];
}

export function parseStoredTriage(json: string): StoredTriage {
  return JSON.parse(json) as StoredTriage;
}

export function asConfidence(v: unknown): Confidence | null {
  if (!v || typeof v !== 'object') return null;
  const c = v as Partial<Confidence>;
  return typeof c.score === 'number' && typeof c.evidence === 'string' && typeof c.check === 'boolean'
    ? { score: c.score, evidence: c.evidence, check: c.check }
    : null;
}

/** Items the actor may read, newest first, with their proposals; `id` narrows to one. */
export async function loadInboxItems(db: Db, actor: Actor, opts: { id?: string; limit?: number }): Promise<InboxItemView[]> {
  const items = await db
    .selectFrom('inbox_items')
    .leftJoin('clients', 'clients.id', 'inbox_items.client_id')
    .select([
      'inbox_items.id',
      'file_name',
      'category',
      'received_on',
      'subject',
      'sender_org',
      'sender_name',
      'inbox_items.client_id',
      'clients.name as client_name',
      'case_id',
      'match',
      'imported_at',
      'triage_json',
      (eb) => eb.exists(eb.selectFrom('ehcp_plans').select('ehcp_plans.id').whereRef('ehcp_plans.case_id', '=', 'inbox_items.case_id')).as('case_has_plan'),
    ])
    .$if(opts.id !== undefined, (q) => q.where('inbox_items.id', '=', opts.id!))
    .orderBy('imported_at', 'desc')
    .orderBy('inbox_items.id', 'desc')
    .limit(Math.min(opts.limit ?? 200, 1000))
    .$if(!seesAllClients(actor) && actor.kind === 'user', (q) => q.where(clinicianMayRead(actor.kind === 'user' ? actor.id : '')))
    .execute();
  const ids = items.map((i) => i.id);
  const props = ids.length ? await db.selectFrom('inbox_proposals').selectAll().where('item_id', 'in', ids).orderBy('created_at').orderBy('id').execute() : [];
  return items.map(({ triage_json, case_has_plan, ...i }) => {
    const t = parseStoredTriage(triage_json);
    const proposals = props
      .filter((p) => p.item_id === i.id)
      .map((p) => {
        const payload = JSON.parse(p.payload_json) as Record<string, unknown>;
        return {
          id: p.id,
          kind: p.kind,
          status: p.status,
          title: p.title,
          rule_id: p.rule_id,
          due_on: p.due_on,
          reason: p.reason,
          outcome: p.outcome,
          payload,
          confidence: asConfidence(payload.confidence),
        };
      });
    const confidence = { category: asConfidence(t.confidence?.category), client: asConfidence(t.confidence?.client) };
    const references = (t.references ?? []).map((r, k) => ({ kind: r.kind, value: r.value, confidence: asConfidence(t.confidence?.references?.[k]) }));
    const pending = proposals.some((p) => p.status === 'pending');
    return {
      ...i,
      sender_email: t.sender_email ?? null,
      client_named: t.client?.name ?? null,
      case_has_plan: Boolean(case_has_plan),
      confidence,
      references,
      corrected: t.corrected ?? [],
      check:
        pending &&
        (Boolean(confidence.category?.check) ||
          Boolean(confidence.client?.check) ||
          references.some((r) => r.confidence?.check) ||
          proposals.some((p) => p.status === 'pending' && p.confidence?.check)),
      proposals,
    };
  });
}
