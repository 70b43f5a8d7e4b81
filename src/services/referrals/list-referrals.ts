/** Reading referrals: the list (newest first) and one referral with its tasks. */
import { parseInput } from '../../contract/common.js';
import { listReferralsInput, type ListReferralsInput } from '../../contract/referrals.js';
import { notFound } from '../../domain/errors.js';
import { ackKey, REF_RULES } from '../../domain/referrals/referrals.js';
import { inCaseload, seesAllClients } from '../access.js';
import type { Db, ServiceContext } from '../context.js';

function referralQuery(db: Db) {
  return db
    .selectFrom('referrals')
    .innerJoin('referral_sources', 'referral_sources.id', 'referrals.source_id')
    .innerJoin('clients', 'clients.id', 'referrals.client_id')
    .leftJoin('tasks as ack', (j) => j.on('ack.rule_id', '=', REF_RULES.ack).onRef('ack.trigger_ref', '=', 'referrals.id'))
    .selectAll('referrals')
    .select([
      'referral_sources.name as source_name',
      'referral_sources.kind as source_kind',
      'clients.name as client_name',
      'clients.dob as client_dob',
      'ack.id as ack_task_id',
      'ack.status as ack_task_status',
      'ack.completed_on as ack_task_completed_on',
    ]);
}

type Row = Awaited<ReturnType<ReturnType<typeof referralQuery>['execute']>>[number];

/**
 * A referral as the CLI and API show it. Completing the acknowledgement task from Today counts
 * as acknowledging: `acknowledged_on` falls back to the day that task was done.
 */
function referralView(r: Row) {
  const { ack_task_id, ack_task_status, ack_task_completed_on, ...rest } = r;
  return {
    ...rest,
    acknowledged_on: r.acknowledged_on ?? (ack_task_status === 'done' ? ack_task_completed_on : null),
    ack_task: ack_task_id ? { id: ack_task_id, status: ack_task_status!, completed_on: ack_task_completed_on } : null,
  };
}

function scoped<Q extends ReturnType<typeof referralQuery>>(q: Q, ctx: ServiceContext): Q {
  if (seesAllClients(ctx.actor) || ctx.actor.kind !== 'user') return q;
  const me = ctx.actor.id;
  return q.where((eb) =>
    eb.or([eb('referrals.created_by', '=', me), eb('referrals.client_id', 'in', eb.selectFrom('clients').select('clients.id').where(inCaseload(me)))]),
  ) as Q;
}

export async function listReferrals(ctx: ServiceContext, input: ListReferralsInput = {}) {
  const opts = parseInput(listReferralsInput, input);
  let q = referralQuery(ctx.db);
  if (opts.status) q = q.where('referrals.status', '=', opts.status);
  if (opts.source_id) q = q.where('referrals.source_id', '=', opts.source_id);
  if (opts.client_id) q = q.where('referrals.client_id', '=', opts.client_id);
  if (opts.from) q = q.where('referrals.received_on', '>=', opts.from);
  if (opts.to) q = q.where('referrals.received_on', '<=', opts.to);
  const rows = await scoped(q, ctx)
    .orderBy('referrals.received_on', 'desc')
    .orderBy('referrals.id', 'desc')
    .limit(opts.limit ?? 500)
    .execute();
  return rows.map(referralView);
}

/** One referral with its tasks (acknowledgement, decline letter, report-backs). */
export async function getReferral(ctx: ServiceContext, id: string, db: Db = ctx.db) {
  const row = await scoped(referralQuery(db).where('referrals.id', '=', id), ctx).executeTakeFirst();
  if (!row) throw notFound('referral', id);
  const tasks = await db
    .selectFrom('tasks')
    .select(['id', 'rule_id', 'rule_key', 'title', 'kind', 'due_on', 'status', 'completed_on', 'reason'])
    .where('trigger_ref', '=', id)
    .where('rule_id', 'in', [REF_RULES.ack, REF_RULES.decline, REF_RULES.reportBack])
    .orderBy('due_on')
    .execute();
  return {
    ...referralView(row),
    tasks: tasks.sort((a, b) => Number(b.rule_key === ackKey(id)) - Number(a.rule_key === ackKey(id)) || a.due_on.localeCompare(b.due_on)),
  };
}
