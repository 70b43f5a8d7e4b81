/**
 * Frozen. The referral network: referral sources with what each expects back, and
 * referrals with their acknowledgement and outcome. One referral per source, client, day
 * received and service line, enforced by the database so a repeated intake cannot land twice.
 */
import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('referral_sources')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull().unique())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('organisation_id', 'text', (c) => c.references('organisations.id'))
    .addColumn('contact_id', 'text', (c) => c.references('contacts.id'))
    .addColumn('consent_party', 'text')
    .addColumn('ack_working_days', 'integer', (c) => c.notNull().defaultTo(2))
    .addColumn('report_back_working_days', 'integer', (c) => c.notNull().defaultTo(10))
    .addColumn('expects', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('notes', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('referrals')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('source_id', 'text', (c) => c.notNull().references('referral_sources.id'))
    .addColumn('client_id', 'text', (c) => c.notNull().references('clients.id'))
    .addColumn('received_on', 'text', (c) => c.notNull())
    .addColumn('service_line', 'text', (c) => c.notNull())
    .addColumn('service_detail', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('urgency', 'text', (c) => c.notNull().defaultTo('routine'))
    .addColumn('funding', 'text', (c) => c.notNull().defaultTo('self_pay'))
    .addColumn('funder_org_id', 'text', (c) => c.references('organisations.id'))
    .addColumn('reason', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('outcome_on', 'text')
    .addColumn('decline_reason', 'text')
    .addColumn('case_id', 'text', (c) => c.references('cases.id'))
    .addColumn('ack_due_on', 'text', (c) => c.notNull())
    .addColumn('acknowledged_on', 'text')
    // Working days from receipt to acknowledgement, kept with the date so source health can tally it in SQL.
    .addColumn('ack_days', 'integer')
    .addColumn('created_by', 'text', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('referrals_same_referral_uq')
    .on('referrals')
    .columns(['source_id', 'client_id', 'received_on', 'service_line'])
    .unique()
    .execute();
  // Covers every source-health tally (dates, outcomes, acknowledgement times) without touching the table.
  await db.schema.createIndex('referrals_source_tally_idx').on('referrals').columns(['source_id', 'received_on', 'ack_days', 'status']).execute();
  await db.schema.createIndex('referrals_client_idx').on('referrals').column('client_id').execute();
  await db.schema.createIndex('referrals_case_idx').on('referrals').column('case_id').execute();
  // Referral analytics read acknowledgement and report-back tasks by rule without scanning every task.
  await db.schema.createIndex('tasks_rule_id_idx').on('tasks').columns(['rule_id', 'trigger_ref', 'status', 'due_on', 'completed_on', 'trigger_on']).execute();
}
