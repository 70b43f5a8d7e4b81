import { parseInput } from '../../contract/common.js';
import { complianceItemInput, type ComplianceItemInput } from '../../contract/deadlines.js';
import { newId } from '../../db/ids.js';
import { invalid } from '../../domain/errors.js';
import { findRule } from '../../domain/deadlines/rules.js';
import { requirePermission } from '../access.js';
import { appendAudit } from '../audit/append-audit.js';
import { nowIso, type ServiceContext } from '../context.js';
import { syncPracticeDeadlines } from '../deadlines/sync-deadlines.js';
import { practiceJurisdiction } from './practice-jurisdiction.js';

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
