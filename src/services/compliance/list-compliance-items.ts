/**
 * The practice compliance register (docs/RULES.md, “Practice compliance”): HCPC renewal, indemnity, ICO fee,
 * DBS update service, Cyber Essentials, DSPT, RCOT membership. Each item's next due date is
 * computed by its rule from when it was last done; renewing moves it on a cycle.
 */
import { computeDeadline } from '../../domain/deadlines/rules.js';
import type { LocalDate } from '../../domain/calendar/local-date.js';
import type { ServiceContext } from '../context.js';
import { loadRuleOverrides, ruleContextFactory } from '../deadlines/sync-deadlines.js';
import { practiceJurisdiction } from './practice-jurisdiction.js';

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
