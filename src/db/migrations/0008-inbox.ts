/**
 * Frozen. The inbox: each imported letter or email once (by content hash and by
 * Message-ID), its original bytes, the triage record, and the proposals that wait for a
 * person to accept, edit or reject them. Originals are kept in the database on both dialects
 * (base64 text) so an import is one transaction and a practice export carries them.
 */
import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('inbox_files')
    .addColumn('hash', 'text', (c) => c.primaryKey())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('content_base64', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('inbox_items')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('content_hash', 'text', (c) => c.notNull().unique().references('inbox_files.hash'))
    .addColumn('message_id', 'text', (c) => c.unique())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('received_on', 'text')
    .addColumn('subject', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('sender_org', 'text')
    .addColumn('sender_name', 'text')
    .addColumn('client_id', 'text', (c) => c.references('clients.id'))
    .addColumn('case_id', 'text', (c) => c.references('cases.id'))
    .addColumn('match', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('correspondence_id', 'text', (c) => c.references('correspondence.id'))
    .addColumn('triage_json', 'text', (c) => c.notNull())
    .addColumn('imported_at', 'text', (c) => c.notNull())
    .addColumn('imported_by', 'text', (c) => c.references('users.id'))
    .execute();
  await db.schema.createIndex('inbox_items_client_idx').on('inbox_items').column('client_id').execute();

  await db.schema
    .createTable('inbox_proposals')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('item_id', 'text', (c) => c.notNull().references('inbox_items.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('payload_json', 'text', (c) => c.notNull())
    .addColumn('rule_id', 'text')
    .addColumn('due_on', 'text')
    .addColumn('reason', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('outcome', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('decided_at', 'text')
    .addColumn('decided_by', 'text', (c) => c.references('users.id'))
    .execute();
  await db.schema.createIndex('inbox_proposals_status_idx').on('inbox_proposals').columns(['status', 'item_id']).execute();
}
