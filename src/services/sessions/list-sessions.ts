import { parseInput } from '../../contract/common.js';
import { listSessionsInput } from '../../contract/money.js';
import { invalid } from '../../domain/errors.js';
import { inCaseload, seesAllClients } from '../access.js';
import type { ServiceContext } from '../context.js';
import { sessionQuery, present } from './session-view.js';

export async function listSessions(
  ctx: ServiceContext,
  input: { case_id?: string; client_id?: string; from?: string; to?: string; uninvoiced?: boolean } = {},
) {
  const opts = parseInput(listSessionsInput, input);
  if (!opts.case_id && !opts.client_id) throw invalid('Say which case or client: sessions are listed per case or per client.', 'case_id');
  let q = sessionQuery(ctx.db).orderBy('sessions.on_date').orderBy('sessions.id');
  if (opts.case_id) q = q.where('sessions.case_id', '=', opts.case_id);
  if (opts.client_id) q = q.where('cases.client_id', '=', opts.client_id);
  if (opts.from) q = q.where('sessions.on_date', '>=', opts.from);
  if (opts.to) q = q.where('sessions.on_date', '<=', opts.to);
  if (!seesAllClients(ctx.actor) && ctx.actor.kind === 'user')
    q = q.where('cases.client_id', 'in', ctx.db.selectFrom('clients').select('clients.id').where(inCaseload(ctx.actor.id)));
  const rows = (await q.execute()).map((s) => present(ctx, s));
  return { sessions: opts.uninvoiced ? rows.filter((s) => !s.invoice_number && s.billable) : rows };
}
