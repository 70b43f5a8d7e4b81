/**
 * Insurer authorisations with their position: sessions authorised, used and left, validity,
 * and the INS-ENG-01 warnings. Recording and extending them stays in cases/update-case-details.ts.
 */
import { z } from 'zod';
import { parseInput } from '../../contract/common.js';
import { id } from '../../contract/common.js';
import type { LocalDate } from '../../domain/calendar/local-date.js';
import { authorisationPosition } from '../../domain/money/authorisation.js';
import { inCaseload, seesAllClients } from '../access.js';
import type { ServiceContext } from '../context.js';
import { loadMoneySettings } from '../billing/money-settings.js';
import { sessionsUsed } from './add-session.js';

export const listAuthorisationsInput = z
  .object({ case_id: id.optional(), client_id: id.optional(), include_ended: z.boolean().optional(), warnings_only: z.boolean().optional() })
  .strict();

export async function listAuthorisations(ctx: ServiceContext, input: z.input<typeof listAuthorisationsInput> = {}) {
  const opts = parseInput(listAuthorisationsInput, input);
  const today = ctx.clock.today() as LocalDate;
  const settings = await loadMoneySettings(ctx.db);
  let q = ctx.db
    .selectFrom('authorisations')
    .innerJoin('cases', 'cases.id', 'authorisations.case_id')
    .innerJoin('clients', 'clients.id', 'cases.client_id')
    .leftJoin('organisations', 'organisations.id', 'authorisations.insurer_org_id')
    .selectAll('authorisations')
    .select(['cases.client_id', 'clients.name as client_name', 'cases.status as case_status', 'organisations.name as insurer_name'])
    .orderBy('authorisations.valid_until')
    .orderBy('authorisations.id');
  if (opts.case_id) q = q.where('authorisations.case_id', '=', opts.case_id);
  if (opts.client_id) q = q.where('cases.client_id', '=', opts.client_id);
  // Ended authorisations of closed work are history; the list is what needs watching.
  if (!opts.include_ended && !opts.case_id && !opts.client_id) q = q.where('cases.status', 'in', ['referred', 'open', 'on_hold']);
  if (!seesAllClients(ctx.actor) && ctx.actor.kind === 'user')
    q = q.where('cases.client_id', 'in', ctx.db.selectFrom('clients').select('clients.id').where(inCaseload(ctx.actor.id)));
  const rows = await q.execute();
  const used = await sessionsUsed(
    ctx.db,
    rows.map((r) => r.id),
  );
  const out = rows.map((a) => {
    const pos = authorisationPosition(a, used.get(a.id) ?? 0, today, settings.auth_warn_days);
    return {
      id: a.id,
      case_id: a.case_id,
      client_id: a.client_id,
      client_name: a.client_name,
      insurer_org_id: a.insurer_org_id,
      insurer_name: a.insurer_name,
      membership_number: a.membership_number,
      authorisation_code: a.authorisation_code,
      valid_from: a.valid_from,
      valid_until: a.valid_until,
      per_session_limit_pence: a.per_session_limit_pence === null ? null : Number(a.per_session_limit_pence),
      total_limit_pence: a.total_limit_pence === null ? null : Number(a.total_limit_pence),
      excess_pence: Number(a.excess_pence),
      ...pos,
    };
  });
  const filtered = out.filter(
    (a) =>
      (opts.include_ended || opts.case_id || opts.client_id || a.status !== 'expired' || a.days_to_expiry >= -30) &&
      (!opts.warnings_only || a.warnings.length > 0),
  );
  return { authorisations: filtered };
}
