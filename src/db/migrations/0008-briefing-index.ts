/**
 * Frozen. A covering index for the briefing (issue 4: < 50 ms on the 50,000-client demo):
 * open tasks in due order with the snooze date, hardness, client and assignee inside the
 * index, so each section's count and its hard-first page read the index alone.
 */
import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex('tasks_briefing_idx')
    .on('tasks')
    .columns(['status', 'due_on', 'snoozed_until', 'hardness', 'client_id', 'assignee_id'])
    .execute();
}
