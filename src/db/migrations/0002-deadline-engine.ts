/**
 * Frozen. The deadline engine's tables: EHCP plan events, the practice compliance
 * register, subject access requests, practice overrides of [U] rule parameters, and on tasks
 * the key that ties a rule-made task to its trigger so recomputing never duplicates it.
 */
import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('ehcp_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('on_date', 'text', (c) => c.notNull())
    .addColumn('meeting_on', 'text')
    .addColumn('notes', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('ehcp_events_case_idx').on('ehcp_events').columns(['case_id', 'on_date']).execute();

  await db.schema.alterTable('ehcp_plans').addColumn('draft_served_on', 'text').execute();
  await db.schema.alterTable('ehcp_plans').addColumn('amendment_notice_on', 'text').execute();
  await db.schema.alterTable('ehcp_plans').addColumn('decision_letter_on', 'text').execute();
  await db.schema.alterTable('ehcp_plans').addColumn('transfer_kind', 'text').execute();

  await db.schema.alterTable('medico_legal_instructions').addColumn('report_served_on', 'text').execute();
  await db.schema.alterTable('medico_legal_instructions').addColumn('questions_received_on', 'text').execute();
  await db.schema.alterTable('medico_legal_instructions').addColumn('trial_window_from', 'text').execute();
  await db.schema.alterTable('medico_legal_instructions').addColumn('trial_window_to', 'text').execute();

  await db.schema
    .createTable('compliance_items')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('rule_id', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.references('users.id'))
    .addColumn('reference', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('last_done_on', 'text', (c) => c.notNull())
    .addColumn('notes', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('subject_access_requests')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('client_id', 'text', (c) => c.references('clients.id'))
    .addColumn('requester', 'text', (c) => c.notNull())
    .addColumn('received_on', 'text', (c) => c.notNull())
    .addColumn('extended', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('responded_on', 'text')
    .addColumn('notes', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('rule_params')
    .addColumn('rule_id', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('value', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('rule_params_pk', ['rule_id', 'name'])
    .execute();

  // One rule-made task per (rule, subject): e.g. "EHCP-AR-04|case:<id>". Recomputation finds it by this key.
  await db.schema.alterTable('tasks').addColumn('rule_key', 'text').execute();
  await db.schema.alterTable('tasks').addColumn('reason', 'text').execute();
  await db.schema.createIndex('tasks_rule_key_idx').on('tasks').column('rule_key').execute();
}
