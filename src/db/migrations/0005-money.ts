/**
 * Frozen. Money: invoices and their lines, payments and their allocation across
 * invoices, write-offs, practice money settings; on sessions the fee, mileage and the
 * recorded override of an authorisation; on medico-legal instructions the date of each stage.
 * All amounts are integer pence; quantities are integer hundredths (1.5 hours = 150).
 */
import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  // Overrides of the money defaults (domain/money/settings.ts) and the invoice number counters.
  await db.schema
    .createTable('money_settings')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('value', 'integer', (c) => c.notNull())
    .execute();

  await db.schema.alterTable('sessions').addColumn('fee_pence', 'integer').execute();
  await db.schema
    .alterTable('sessions')
    .addColumn('miles_hundredths', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.alterTable('sessions').addColumn('override_reason', 'text').execute();
  await db.schema.createIndex('sessions_authorisation_idx').on('sessions').column('authorisation_id').execute();

  for (const col of [
    'records_received_on',
    'assessed_on',
    'report_drafted_on',
    'addendum_on',
    'joint_statement_due_on',
    'joint_statement_on',
    'settled_on',
    'closed_on',
  ]) {
    await db.schema.alterTable('medico_legal_instructions').addColumn(col, 'text').execute();
  }
  await db.schema.alterTable('medico_legal_instructions').addColumn('fee_estimate_pence', 'integer').execute();

  await db.schema
    .createTable('invoices')
    .addColumn('id', 'text', (c) => c.primaryKey())
    // Never reused: a void invoice keeps its number.
    .addColumn('number', 'text', (c) => c.notNull().unique())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('credits_invoice_id', 'text', (c) => c.references('invoices.id'))
    .addColumn('client_id', 'text', (c) => c.notNull().references('clients.id'))
    .addColumn('case_id', 'text', (c) => c.references('cases.id'))
    .addColumn('authorisation_id', 'text', (c) => c.references('authorisations.id'))
    .addColumn('payer_kind', 'text', (c) => c.notNull())
    .addColumn('payer_org_id', 'text', (c) => c.references('organisations.id'))
    .addColumn('payer_name', 'text', (c) => c.notNull())
    .addColumn('issued_on', 'text', (c) => c.notNull())
    // Null while held until settlement (deferred fees have no due date yet).
    .addColumn('due_on', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('deferred', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('total_pence', 'integer', (c) => c.notNull())
    .addColumn('paid_pence', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('credited_pence', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('written_off_pence', 'integer', (c) => c.notNull().defaultTo(0))
    // total − paid − credited − written off, kept by the services so aged debt is one indexed scan.
    .addColumn('outstanding_pence', 'integer', (c) => c.notNull())
    .addColumn('membership_number', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('authorisation_code', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('client_dob', 'text')
    .addColumn('treatment_from', 'text')
    .addColumn('treatment_to', 'text')
    .addColumn('override_reason', 'text')
    .addColumn('notes', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('voided_on', 'text')
    .addColumn('void_reason', 'text')
    .addColumn('created_by', 'text', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('invoices_client_idx').on('invoices').column('client_id').execute();
  await db.schema.createIndex('invoices_case_idx').on('invoices').column('case_id').execute();
  await db.schema.createIndex('invoices_payer_idx').on('invoices').columns(['payer_org_id', 'issued_on']).execute();
  // Aged debt reads only what is owed: a partial covering index keeps it to the owing rows
  // (queries must repeat these conditions as literals for the planner to use it).
  await sql`create index invoices_owed_idx on invoices (deferred, payer_org_id, due_on, outstanding_pence, client_id) where status = 'issued' and kind = 'invoice' and outstanding_pence > 0`.execute(
    db,
  );
  await sql`create index invoices_owed_client_idx on invoices (deferred, client_id, outstanding_pence, due_on) where status = 'issued' and kind = 'invoice' and outstanding_pence > 0`.execute(
    db,
  );
  await sql`create index invoices_issued_idx on invoices (issued_on, total_pence) where status = 'issued' and kind = 'invoice'`.execute(db);

  await db.schema
    .createTable('invoice_lines')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('invoice_id', 'text', (c) => c.notNull().references('invoices.id'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('session_id', 'text', (c) => c.references('sessions.id'))
    .addColumn('on_date', 'text')
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('quantity_hundredths', 'integer', (c) => c.notNull())
    .addColumn('unit_pence', 'integer', (c) => c.notNull())
    .addColumn('amount_pence', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('invoice_lines_invoice_idx').on('invoice_lines').columns(['invoice_id', 'position']).execute();
  await db.schema.createIndex('invoice_lines_session_idx').on('invoice_lines').column('session_id').execute();

  await db.schema
    .createTable('payments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('received_on', 'text', (c) => c.notNull())
    .addColumn('payer_kind', 'text', (c) => c.notNull())
    .addColumn('payer_org_id', 'text', (c) => c.references('organisations.id'))
    .addColumn('client_id', 'text', (c) => c.references('clients.id'))
    .addColumn('payer_name', 'text', (c) => c.notNull())
    .addColumn('amount_pence', 'integer', (c) => c.notNull())
    // What is not yet allocated to an invoice: the payer's credit, never lost.
    .addColumn('unallocated_pence', 'integer', (c) => c.notNull())
    .addColumn('method', 'text', (c) => c.notNull())
    .addColumn('reference', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('notes', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_by', 'text', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('payments_received_idx').on('payments').column('received_on').execute();

  await db.schema
    .createTable('payment_allocations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('payment_id', 'text', (c) => c.notNull().references('payments.id'))
    .addColumn('invoice_id', 'text', (c) => c.notNull().references('invoices.id'))
    .addColumn('amount_pence', 'integer', (c) => c.notNull())
    .addColumn('allocated_on', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('payment_allocations_invoice_idx').on('payment_allocations').column('invoice_id').execute();
  await db.schema.createIndex('payment_allocations_payment_idx').on('payment_allocations').column('payment_id').execute();

  await db.schema
    .createTable('write_offs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('invoice_id', 'text', (c) => c.notNull().references('invoices.id'))
    .addColumn('amount_pence', 'integer', (c) => c.notNull())
    .addColumn('on_date', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('write_offs_invoice_idx').on('write_offs').column('invoice_id').execute();
}
