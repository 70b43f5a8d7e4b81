/**
 * Frozen. Indexes for the HTTP API's hot reads on a big practice (bench/http.ts, 50,000 clients):
 * - a client's open tasks (client record) without walking every open task in the practice;
 * - the Today list: open tasks in due-date order, with the snooze date in the index so the
 *   counts (overdue, later) never touch the table;
 * - client search: a covering index in name order, so a search scans the index alone and
 *   stops at the page limit.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.createIndex('tasks_client_status_due_idx').on('tasks').columns(['client_id', 'status', 'due_on']).execute();
  await db.schema.createIndex('tasks_status_due_id_snooze_idx').on('tasks').columns(['status', 'due_on', 'id', 'snoozed_until']).execute();
  await db.schema.createIndex('clients_search_idx').on('clients').columns(['name', 'id', 'postcode', 'nhs_number', 'dob', 'lead_clinician_id']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('clients_search_idx').execute();
  await db.schema.dropIndex('tasks_status_due_id_snooze_idx').execute();
  await db.schema.dropIndex('tasks_client_status_due_idx').execute();
}
