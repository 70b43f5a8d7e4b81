/**
 * Frozen. What happened to each task and why: marked done (with what was sent), waived,
 * snoozed (until when, and the reason) and reopened, by whom and when, with the one-line
 * confirmation a statutory or court deadline asks for before it leaves the list. The audit chain says
 * that a task changed; this says how, in the words of the person who did it, so a task's
 * history can be read and an action undone from it.
 */
import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('task_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('task_id', 'text', (c) => c.notNull().references('tasks.id'))
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.references('users.id'))
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('until', 'text')
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('confirmation', 'text', (c) => c.notNull().defaultTo(''))
    .execute();
  await db.schema.createIndex('task_events_task_idx').on('task_events').columns(['task_id', 'at']).execute();
  await db.schema.createIndex('task_events_at_idx').on('task_events').columns(['at', 'task_id']).execute();
}
