import { parseInput } from '../../contract/common.js';
import { subjectAccessInput, type SubjectAccessInput } from '../../contract/deadlines.js';
import { newId } from '../../db/ids.js';
import { invalid } from '../../domain/errors.js';
import { requirePermission } from '../access.js';
import { appendAudit } from '../audit/append-audit.js';
import { nowIso, type ServiceContext } from '../context.js';
import { syncPracticeDeadlines } from '../deadlines/sync-deadlines.js';
import { practiceJurisdiction } from './practice-jurisdiction.js';

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
