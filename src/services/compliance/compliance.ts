/**
 * The practice compliance register (docs/RULES.md, “Practice compliance”): HCPC renewal, indemnity, ICO fee,
 * DBS update service, Cyber Essentials, DSPT, RCOT membership. Each item's next due date is
 * computed by its rule from when it was last done; renewing moves it on a cycle.
 */
import { parseInput } from '../../contract/common.js';
import { complianceItemInput, subjectAccessInput, type ComplianceItemInput, type SubjectAccessInput } from '../../contract/deadlines.js';
import { isoDate } from '../../contract/common.js';
import { newId } from '../../db/ids.js';
import { AppError, invalid, notFound } from '../../domain/errors.js';
import { computeDeadline, findRule } from '../../domain/deadlines/rules.js';
import type { LocalDate } from '../../domain/calendar/local-date.js';
import type { Jurisdiction } from '../../domain/vocabulary.js';
import { requirePermission } from '../access.js';
import { appendAudit } from '../audit/append-audit.js';
import { nowIso, type Db, type ServiceContext } from '../context.js';
import { loadRuleOverrides, ruleContextFactory, syncPracticeDeadlines } from '../deadlines/sync-deadlines.js';
import { getPractice } from '../practice/get-practice.js';

async function practiceJurisdiction(db: Db): Promise<Jurisdiction> {
  return (await getPractice(db)).default_jurisdiction as Jurisdiction;
}

export async function listComplianceItems(ctx: ServiceContext) {
  const j = await practiceJurisdiction(ctx.db);
  const rc = ruleContextFactory(await loadRuleOverrides(ctx.db))(j);
  const rows = await ctx.db
    .selectFrom('compliance_items')
    .leftJoin('users', 'users.id', 'compliance_items.user_id')
    .selectAll('compliance_items')
    .select('users.name as holder_name')
    .orderBy('compliance_items.title')
    .execute();
  return rows
    .map((r) => {
      const d = computeDeadline(r.rule_id, r.last_done_on as LocalDate, rc);
      return { ...r, next_due: d.due, reason: d.reason, citation: d.citation, overdue: d.due < ctx.clock.today() };
    })
    .sort((a, b) => a.next_due.localeCompare(b.next_due));
}

export async function addComplianceItem(ctx: ServiceContext, input: ComplianceItemInput) {
  requirePermission(ctx.actor, 'compliance.keep');
  const data = parseInput(complianceItemInput, input);
  if (data.last_done_on > ctx.clock.today()) throw invalid('The date it was last done cannot be in the future.', 'last_done_on');
  return ctx.db.transaction().execute(async (trx) => {
    if (data.user_id && !(await trx.selectFrom('users').select('id').where('id', '=', data.user_id).executeTakeFirst())) {
      throw invalid(`No user with id ${data.user_id}.`, 'user_id');
    }
    const row = {
      id: newId(),
      rule_id: data.rule_id,
      title: data.title ?? findRule(data.rule_id).title,
      user_id: data.user_id ?? null,
      reference: data.reference ?? '',
      last_done_on: data.last_done_on,
      notes: data.notes ?? '',
      created_at: nowIso(ctx),
    };
    await trx.insertInto('compliance_items').values(row).execute();
    await syncPracticeDeadlines(trx, ctx, await practiceJurisdiction(trx));
    await appendAudit(trx, ctx, { action: 'create', entity: 'compliance_item', entity_id: row.id });
    return row;
  });
}

/** Records a renewal: the next cycle's due date follows from it and the old task closes. */
export async function renewComplianceItem(ctx: ServiceContext, id: string, on: string) {
  requirePermission(ctx.actor, 'compliance.keep');
  const day = parseInput(isoDate, on);
  if (day > ctx.clock.today()) throw invalid('The renewal date cannot be in the future.', 'on');
  return ctx.db.transaction().execute(async (trx) => {
    const item = await trx.selectFrom('compliance_items').selectAll().where('id', '=', id).executeTakeFirst();
    if (!item) throw notFound('compliance item', id);
    if (day < item.last_done_on) throw invalid(`It was already recorded as done on ${item.last_done_on}.`, 'on');
    // The task for the cycle just completed is marked done (not waived) before the plan moves on.
    await trx
      .updateTable('tasks')
      .set({ status: 'done', completed_on: day })
      .where('rule_key', '=', `${item.rule_id}|compliance:${item.id}|after:${item.last_done_on}`)
      .where('status', '=', 'open')
      .execute();
    await trx.updateTable('compliance_items').set({ last_done_on: day }).where('id', '=', id).execute();
    await syncPracticeDeadlines(trx, ctx, await practiceJurisdiction(trx));
    await appendAudit(trx, ctx, { action: 'update', entity: 'compliance_item', entity_id: id, detail: 'renewed' });
    return trx.selectFrom('compliance_items').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  });
}

export async function listSubjectAccessRequests(ctx: ServiceContext) {
  requirePermission(ctx.actor, 'subject_access.manage', 'see subject access requests');
  const j = await practiceJurisdiction(ctx.db);
  const rc = ruleContextFactory(await loadRuleOverrides(ctx.db))(j);
  const rows = await ctx.db
    .selectFrom('subject_access_requests')
    .leftJoin('clients', 'clients.id', 'subject_access_requests.client_id')
    .selectAll('subject_access_requests')
    .select('clients.name as client_name')
    .orderBy('received_on', 'desc')
    .execute();
  return rows.map((r) => {
    const d = computeDeadline('GDPR-02', r.received_on as LocalDate, rc);
    return { ...r, extended: Number(r.extended) === 1, due: Number(r.extended) === 1 ? d.also![0]!.due : d.due, reason: d.reason };
  });
}

export async function addSubjectAccessRequest(ctx: ServiceContext, input: SubjectAccessInput) {
  requirePermission(ctx.actor, 'subject_access.manage', 'log subject access requests');
  const data = parseInput(subjectAccessInput, input);
  if (data.received_on > ctx.clock.today()) throw invalid('The date received cannot be in the future.', 'received_on');
  return ctx.db.transaction().execute(async (trx) => {
    if (data.client_id && !(await trx.selectFrom('clients').select('id').where('id', '=', data.client_id).executeTakeFirst())) {
      throw invalid(`No client with id ${data.client_id}.`, 'client_id');
    }
    const row = {
      id: newId(),
      client_id: data.client_id ?? null,
      requester: data.requester,
      received_on: data.received_on,
      notes: data.notes ?? '',
      created_at: nowIso(ctx),
    };
    await trx.insertInto('subject_access_requests').values(row).execute();
    await syncPracticeDeadlines(trx, ctx, await practiceJurisdiction(trx));
    await appendAudit(trx, ctx, { action: 'create', entity: 'subject_access_request', entity_id: row.id, client_id: row.client_id });
    return row;
  });
}

export async function updateSubjectAccessRequest(ctx: ServiceContext, id: string, change: { extend?: boolean; responded_on?: string }) {
  requirePermission(ctx.actor, 'subject_access.manage', 'update subject access requests');
  const responded = change.responded_on === undefined ? undefined : parseInput(isoDate, change.responded_on);
  return ctx.db.transaction().execute(async (trx) => {
    const sar = await trx.selectFrom('subject_access_requests').selectAll().where('id', '=', id).executeTakeFirst();
    if (!sar) throw notFound('subject access request', id);
    if (sar.responded_on) throw new AppError('CONFLICT', `This request was answered on ${sar.responded_on}.`);
    if (responded && responded < sar.received_on) throw invalid('The response cannot be dated before the request was received.', 'responded_on');
    if (responded) {
      await trx
        .updateTable('tasks')
        .set({ status: 'done', completed_on: responded })
        .where('rule_key', '=', `GDPR-02|sar:${id}`)
        .where('status', '=', 'open')
        .execute();
    }
    await trx
      .updateTable('subject_access_requests')
      .set({ ...(change.extend ? { extended: 1 } : {}), ...(responded ? { responded_on: responded } : {}) })
      .where('id', '=', id)
      .execute();
    await syncPracticeDeadlines(trx, ctx, await practiceJurisdiction(trx));
    await appendAudit(trx, ctx, {
      action: 'update',
      entity: 'subject_access_request',
      entity_id: id,
      client_id: sar.client_id,
      detail: responded ? 'responded' : 'extended',
    });
    return trx.selectFrom('subject_access_requests').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  });
}
