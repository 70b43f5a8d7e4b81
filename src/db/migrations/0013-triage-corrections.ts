/**
 * Frozen. What people corrected in the inbox (a category, a client link, a date, a reference),
 * kept per practice so later letters from the same sender, or with the same reference shape,
 * are read with it. Each row says what triage proposed, what the person set, and how to
 * recognise the pattern again (sender address, domain, reference shape or sentence words).
 */
import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('triage_corrections')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('item_id', 'text', (c) => c.notNull().references('inbox_items.id'))
    .addColumn('field', 'text', (c) => c.notNull())
    .addColumn('sender', 'text')
    .addColumn('domain', 'text')
    .addColumn('pattern', 'text')
    .addColumn('proposed', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('corrected', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('on_date', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.references('users.id'))
    .execute();
  await db.schema.createIndex('triage_corrections_sender_idx').on('triage_corrections').columns(['sender', 'field']).execute();
  await db.schema.createIndex('triage_corrections_domain_idx').on('triage_corrections').columns(['domain', 'field']).execute();
}
