import { workingCalendar } from '../../domain/calendar/bank-holidays.js';
import type { LocalDate } from '../../domain/calendar/local-date.js';
import { recordsRetention } from '../../domain/deadlines/retention.js';
import { notFound } from '../../domain/errors.js';
import { assertClientVisible, canReadClinical } from '../access.js';
import { appendAudit } from '../audit/append-audit.js';
import type { ServiceContext } from '../context.js';
import { listCasesForClients } from '../cases/list-cases.js';
import { clientView } from './client-view.js';

/**
 * The whole client record: details, carers and contacts, cases with their detail kinds,
 * open tasks, correspondence and (for clinical roles) sessions. Every read is audited.
 */
export async function getClient(ctx: ServiceContext, id: string) {
  return ctx.db.transaction().execute(async (trx) => {
    await assertClientVisible(trx, ctx.actor, id);
    const c = await trx.selectFrom('clients').selectAll().where('id', '=', id).executeTakeFirst();
    if (!c) throw notFound('client', id);
    const lead = c.lead_clinician_id
      ? await trx.selectFrom('users').select(['id', 'name', 'hcpc_number']).where('id', '=', c.lead_clinician_id).executeTakeFirst()
      : undefined;
    const contacts = await trx.selectFrom('client_contacts').selectAll().where('client_id', '=', id).orderBy('name').execute();
    const cases = await listCasesForClients(trx, [id]);
    const tasks = await trx.selectFrom('tasks').selectAll().where('client_id', '=', id).where('status', '=', 'open').orderBy('due_on').execute();
    const correspondence = await trx
      .selectFrom('correspondence')
      .select(['id', 'case_id', 'direction', 'channel', 'party_name', 'on_date', 'subject', 'summary', 'follow_up_on'])
      .where('client_id', '=', id)
      .orderBy('on_date', 'desc')
      .execute();
    const sessions = canReadClinical(ctx.actor)
      ? await trx
          .selectFrom('sessions')
          .innerJoin('cases', 'cases.id', 'sessions.case_id')
          .select([
            'sessions.id',
            'sessions.case_id',
            'sessions.on_date',
            'sessions.duration_minutes',
            'sessions.kind',
            'sessions.attendance',
            'sessions.billable',
            'sessions.notes',
          ])
          .where('cases.client_id', '=', id)
          .orderBy('sessions.on_date', 'desc')
          .execute()
      : null;
    await appendAudit(trx, ctx, { action: 'read', entity: 'client', entity_id: id, client_id: id });
    return {
      ...clientView(c),
      lead_clinician: lead ?? null,
      contacts: contacts.map((k) => ({ ...k, is_carer: k.is_carer === 1, parental_responsibility: k.parental_responsibility === 1 })),
      cases,
      tasks,
      correspondence,
      sessions: sessions?.map((s) => ({ ...s, billable: s.billable === 1 })) ?? null,
      retention: recordsRetention(c.dob as LocalDate, cases, workingCalendar('england-and-wales')),
    };
  });
}
