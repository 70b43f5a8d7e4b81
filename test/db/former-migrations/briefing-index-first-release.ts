/**
 * 0008-briefing-index as the first release wrote it: tasks_briefing_idx with hardness, and client before
 * assignee. Kept to build a database the way that release did.
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
