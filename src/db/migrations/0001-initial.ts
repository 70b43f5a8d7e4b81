/**
 * Frozen: never edit a released migration. Add a new file and list it in index.ts.
 * Portable across SQLite and PostgreSQL: text IDs, ISO text dates and instants,
 * integer flags (0/1) and integer pence, so both dialects store the same values.
 */
import type { Kysely } from 'kysely';

// The argument is `any` on purpose: a migration sees the database as it was then, not today's schema type.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('practice')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('address', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('phone', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('email', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('letterhead', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('bank_details', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('default_jurisdiction', 'text', (c) => c.notNull().defaultTo('england'))
    .addColumn('invoice_prefix', 'text', (c) => c.notNull().defaultTo('INV-'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('users')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('email', 'text', (c) => c.notNull().unique())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('hcpc_number', 'text')
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('totp_secret', 'text')
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('clients')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('dob', 'text', (c) => c.notNull())
    .addColumn('nhs_number', 'text')
    .addColumn('address', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('postcode', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('phone', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('email', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('consent_school', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('consent_la', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('consent_gp', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('consent_insurer', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('consent_solicitor', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('lead_clinician_id', 'text', (c) => c.references('users.id'))
    .addColumn('notes', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('clients_name_idx').on('clients').column('name').execute();
  await db.schema.createIndex('clients_lead_idx').on('clients').column('lead_clinician_id').execute();

  await db.schema
    .createTable('client_contacts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('client_id', 'text', (c) => c.notNull().references('clients.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('relationship', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('is_carer', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('parental_responsibility', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('phone', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('email', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('address', 'text', (c) => c.notNull().defaultTo(''))
    .execute();
  await db.schema.createIndex('client_contacts_client_idx').on('client_contacts').column('client_id').execute();

  await db.schema
    .createTable('organisations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('address', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('phone', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('email', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('notes', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('organisations_kind_idx').on('organisations').columns(['kind', 'name']).execute();

  await db.schema
    .createTable('contacts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('email', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('phone', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('contacts_org_idx').on('contacts').column('organisation_id').execute();

  await db.schema
    .createTable('cases')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('client_id', 'text', (c) => c.notNull().references('clients.id'))
    .addColumn('title', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('service_line', 'text', (c) => c.notNull())
    .addColumn('funder_kind', 'text', (c) => c.notNull().defaultTo('self_pay'))
    .addColumn('funder_org_id', 'text', (c) => c.references('organisations.id'))
    .addColumn('referrer_org_id', 'text', (c) => c.references('organisations.id'))
    .addColumn('referrer_contact_id', 'text', (c) => c.references('contacts.id'))
    .addColumn('jurisdiction', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('clinician_id', 'text', (c) => c.references('users.id'))
    .addColumn('opened_on', 'text', (c) => c.notNull())
    .addColumn('closed_on', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('cases_client_idx').on('cases').column('client_id').execute();
  await db.schema.createIndex('cases_clinician_idx').on('cases').column('clinician_id').execute();

  // A clinician also sees the cases (and their clients) that another clinician has shared with them.
  await db.schema
    .createTable('case_shares')
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addPrimaryKeyConstraint('case_shares_pk', ['case_id', 'user_id'])
    .execute();

  await db.schema
    .createTable('ehcp_plans')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().unique().references('cases.id'))
    .addColumn('la_org_id', 'text', (c) => c.references('organisations.id'))
    .addColumn('la_reference', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('school_org_id', 'text', (c) => c.references('organisations.id'))
    .addColumn('senco_contact_id', 'text', (c) => c.references('contacts.id'))
    .addColumn('plan_issued_on', 'text')
    .addColumn('last_review_on', 'text')
    .addColumn('next_review_meeting_on', 'text')
    .addColumn('advice_requested_on', 'text')
    .addColumn('year_group', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('transfer_year', 'integer')
    .execute();

  await db.schema
    .createTable('authorisations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
    .addColumn('insurer_org_id', 'text', (c) => c.references('organisations.id'))
    .addColumn('membership_number', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('authorisation_code', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('sessions_authorised', 'integer', (c) => c.notNull())
    .addColumn('valid_from', 'text', (c) => c.notNull())
    .addColumn('valid_until', 'text', (c) => c.notNull())
    .addColumn('per_session_limit_pence', 'integer')
    .addColumn('total_limit_pence', 'integer')
    .addColumn('excess_pence', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.createIndex('authorisations_case_idx').on('authorisations').column('case_id').execute();

  await db.schema
    .createTable('medico_legal_instructions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().unique().references('cases.id'))
    .addColumn('solicitor_org_id', 'text', (c) => c.references('organisations.id'))
    .addColumn('solicitor_contact_id', 'text', (c) => c.references('contacts.id'))
    .addColumn('instructed_by', 'text', (c) => c.notNull())
    .addColumn('claim_reference', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('court_claim_number', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('accident_date', 'text')
    .addColumn('report_type', 'text', (c) => c.notNull())
    .addColumn('fee_basis', 'text', (c) => c.notNull())
    .addColumn('stage', 'text', (c) => c.notNull())
    .addColumn('instructed_on', 'text', (c) => c.notNull())
    .addColumn('report_due_on', 'text')
    .execute();

  await db.schema
    .createTable('housing_adaptations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().unique().references('cases.id'))
    .addColumn('housing_org_id', 'text', (c) => c.references('organisations.id'))
    .addColumn('adaptation', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('tenure', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('dfg_application_on', 'text')
    .addColumn('dfg_approved_on', 'text')
    .addColumn('stage', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('workplace_assessments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().unique().references('cases.id'))
    .addColumn('employer_org_id', 'text', (c) => c.references('organisations.id'))
    .addColumn('job_title', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('job_start_on', 'text')
    .addColumn('atw_application_on', 'text')
    .addColumn('stage', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('sessions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
    .addColumn('clinician_id', 'text', (c) => c.references('users.id'))
    .addColumn('on_date', 'text', (c) => c.notNull())
    .addColumn('start_time', 'text')
    .addColumn('duration_minutes', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('attendance', 'text', (c) => c.notNull())
    .addColumn('billable', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('authorisation_id', 'text', (c) => c.references('authorisations.id'))
    .addColumn('notes', 'text', (c) => c.notNull().defaultTo(''))
    .execute();
  await db.schema.createIndex('sessions_case_idx').on('sessions').columns(['case_id', 'on_date']).execute();

  await db.schema
    .createTable('tasks')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('hardness', 'text', (c) => c.notNull())
    .addColumn('due_on', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('rule_id', 'text')
    .addColumn('trigger_kind', 'text')
    .addColumn('trigger_on', 'text')
    .addColumn('trigger_ref', 'text')
    .addColumn('snoozed_until', 'text')
    .addColumn('assignee_id', 'text', (c) => c.references('users.id'))
    .addColumn('client_id', 'text', (c) => c.references('clients.id'))
    .addColumn('case_id', 'text', (c) => c.references('cases.id'))
    .addColumn('notes', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('completed_on', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('tasks_status_due_idx').on('tasks').columns(['status', 'due_on']).execute();
  await db.schema.createIndex('tasks_client_idx').on('tasks').column('client_id').execute();
  await db.schema.createIndex('tasks_case_idx').on('tasks').column('case_id').execute();

  await db.schema
    .createTable('correspondence')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('client_id', 'text', (c) => c.references('clients.id'))
    .addColumn('case_id', 'text', (c) => c.references('cases.id'))
    .addColumn('direction', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('party_org_id', 'text', (c) => c.references('organisations.id'))
    .addColumn('party_contact_id', 'text', (c) => c.references('contacts.id'))
    .addColumn('party_name', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('on_date', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('file_path', 'text')
    .addColumn('follow_up_on', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('correspondence_client_idx').on('correspondence').columns(['client_id', 'on_date']).execute();

  await db.schema
    .createTable('documents')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('client_id', 'text', (c) => c.references('clients.id'))
    .addColumn('case_id', 'text', (c) => c.references('cases.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_by', 'text', (c) => c.references('users.id'))
    .addColumn('signed_by', 'text', (c) => c.references('users.id'))
    .addColumn('signed_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('documents_case_idx').on('documents').column('case_id').execute();

  // Tamper-evident: each event carries the hash of the one before, so an edited or deleted row breaks the chain.
  await db.schema
    .createTable('audit_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('seq', 'integer', (c) => c.notNull().unique())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text')
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('entity', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'text')
    .addColumn('client_id', 'text')
    .addColumn('detail', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('prev_hash', 'text', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('audit_client_idx').on('audit_events').column('client_id').execute();

  // Sign-in sessions live in the database so several servers can share one PostgreSQL (DESIGN.md principle 5).
  await db.schema
    .createTable('auth_sessions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('csrf_token', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('login_attempts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('succeeded', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('login_attempts_key_idx').on('login_attempts').columns(['key', 'at']).execute();
}
