/**
 * Frozen. Clinical documents: structured findings per case (narrative notes,
 * needs/observations/recommendations, standardised assessments, goals with COPM and GAS,
 * provision lines), local authority profiles for EHCP advice, and immutable document
 * versions with a content hash, so a signed version can be proved unchanged.
 */
import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('finding_notes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.references('users.id'))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('finding_notes_case_key', ['case_id', 'key'])
    .execute();

  await db.schema
    .createTable('finding_items')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('area', 'text')
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('on_date', 'text')
    .addColumn('setting', 'text')
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('finding_items_case_idx').on('finding_items').columns(['case_id', 'kind', 'position']).execute();

  await db.schema
    .createTable('assessments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
    .addColumn('test_name', 'text', (c) => c.notNull())
    .addColumn('edition', 'text')
    .addColumn('test_date', 'text')
    .addColumn('examiner', 'text')
    .addColumn('examiner_qualification', 'text')
    .addColumn('subtest', 'text')
    .addColumn('raw_score', 'double precision')
    .addColumn('derived_score', 'double precision')
    .addColumn('metric', 'text', (c) => c.notNull())
    .addColumn('mean', 'double precision')
    .addColumn('sd', 'double precision')
    .addColumn('percentile', 'double precision')
    .addColumn('ci_low', 'double precision')
    .addColumn('ci_high', 'double precision')
    .addColumn('band', 'text')
    .addColumn('area', 'text')
    .addColumn('interpretation', 'text')
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('assessments_case_idx').on('assessments').columns(['case_id', 'position']).execute();

  await db.schema
    .createTable('goals')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('area', 'text')
    .addColumn('target_date', 'text')
    .addColumn('importance', 'integer')
    .addColumn('performance_baseline', 'integer')
    .addColumn('satisfaction_baseline', 'integer')
    .addColumn('performance_followup', 'integer')
    .addColumn('satisfaction_followup', 'integer')
    .addColumn('gas_weight', 'double precision')
    .addColumn('gas_baseline', 'integer')
    .addColumn('gas_outcome', 'integer')
    .addColumn('status', 'text')
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('goals_case_idx').on('goals').columns(['case_id', 'position']).execute();

  await db.schema
    .createTable('provision_lines')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
    .addColumn('section', 'text', (c) => c.notNull())
    .addColumn('need_ref', 'text')
    .addColumn('what', 'text', (c) => c.notNull())
    .addColumn('who', 'text')
    .addColumn('qualification', 'text')
    .addColumn('frequency', 'text')
    .addColumn('duration', 'text')
    .addColumn('programme_length', 'text')
    .addColumn('group_size', 'text')
    .addColumn('delivery', 'text')
    .addColumn('location', 'text')
    .addColumn('review', 'text')
    .addColumn('cost_pence', 'integer')
    .addColumn('cost_basis', 'text')
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('provision_lines_case_idx').on('provision_lines').columns(['case_id', 'position']).execute();

  // Lists and maps are JSON text so both dialects hold identical values (export is byte-stable).
  await db.schema
    .createTable('la_profiles')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.references('organisations.id').unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('section_order', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('headings', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('front_sheet_fields', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('reference_format', 'text')
    .addColumn('provision_layout', 'text', (c) => c.notNull().defaultTo('split'))
    .addColumn('scores_in', 'text', (c) => c.notNull().defaultTo('appendix'))
    .addColumn('max_words', 'integer')
    .addColumn('max_pages', 'integer')
    .addColumn('freshness_months', 'integer')
    .addColumn('return_to', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .alterTable('documents')
    .addColumn('options', 'text', (c) => c.notNull().defaultTo('{}'))
    .execute();
  await db.schema.alterTable('documents').addColumn('sent_at', 'text').execute();
  await db.schema.alterTable('documents').addColumn('correspondence_id', 'text').execute();
  await db.schema.alterTable('documents').addColumn('updated_at', 'text').execute();

  await db.schema
    .createTable('document_versions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('document_id', 'text', (c) => c.notNull().references('documents.id'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('model', 'text', (c) => c.notNull())
    .addColumn('content_hash', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('change', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_by', 'text', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('signed_by', 'text', (c) => c.references('users.id'))
    .addColumn('signed_at', 'text')
    .addUniqueConstraint('document_versions_doc_version', ['document_id', 'version'])
    .execute();
}
