import { computeDeadline } from '../../domain/deadlines/rules.js';
import type { LocalDate } from '../../domain/calendar/local-date.js';
import { requirePermission } from '../access.js';
import type { ServiceContext } from '../context.js';
import { loadRuleOverrides, ruleContextFactory } from '../deadlines/sync-deadlines.js';
import { practiceJurisdiction } from './practice-jurisdiction.js';

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
  const today = ctx.clock.today();
  return rows.map((r) => {
    const d = computeDeadline('GDPR-02', r.received_on as LocalDate, rc);
    const due = Number(r.extended) === 1 ? d.also![0]!.due : d.due;
    // Answered after the due day, or still unanswered after it: late either way (GDPR-02).
    const late = (r.responded_on ?? today) > due;
    return { ...r, extended: Number(r.extended) === 1, due, reason: d.reason, late };
  });
}
