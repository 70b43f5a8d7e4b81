/** A session as the API shows it: its client, authorisation and invoice, with notes only for clinical readers. */
import { sql } from 'kysely';
import { canReadClinical } from '../access.js';
import type { Db, ServiceContext } from '../context.js';

export function sessionQuery(db: Db) {
  return db
    .selectFrom('sessions')
    .innerJoin('cases', 'cases.id', 'sessions.case_id')
    .innerJoin('clients', 'clients.id', 'cases.client_id')
    .leftJoin('authorisations', 'authorisations.id', 'sessions.authorisation_id')
    .selectAll('sessions')
    .select(['cases.client_id', 'clients.name as client_name', 'authorisations.authorisation_code'])
    .select((eb) =>
      eb
        .selectFrom('invoice_lines')
        .innerJoin('invoices', 'invoices.id', 'invoice_lines.invoice_id')
        .select(sql<string>`min(invoices.number)`.as('n'))
        .whereRef('invoice_lines.session_id', '=', 'sessions.id')
        .where('invoices.status', '=', 'issued')
        .where('invoice_lines.kind', 'not in', ['shortfall', 'excess'])
        .as('invoice_number'),
    );
}

type SessionRow = Awaited<ReturnType<ReturnType<typeof sessionQuery>['execute']>>[number];

export function present(ctx: ServiceContext, s: SessionRow) {
  const { notes, ...rest } = s;
  return { ...rest, billable: Number(s.billable) === 1, notes: canReadClinical(ctx.actor) ? notes : null };
}
