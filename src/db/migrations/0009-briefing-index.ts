/**
 * Frozen. A covering index for a clinician's briefing: open tasks in due order with
 * the snooze date, assignee and client inside the index, so "my work" counts and pages read the
 * index alone. (The practice-wide briefing is served by 0004's status/due index.)
 */
import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('tasks_briefing_idx').on('tasks').columns(['status', 'due_on', 'snoozed_until', 'assignee_id', 'client_id']).execute();
}
