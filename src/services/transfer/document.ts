/**
 * The whole-practice file: one JSON document,
 *   {"format":"steve-practice","version":1,"migrations":[…],"exported_at":"…","tables":{"<table>":[rows…]}}
 * with every table of EXPORT_TABLES in that order and each row exactly as stored.
 * Validation here names the first problem precisely (table, row number, column), because
 * the person reading the message is moving their practice and needs to know what is wrong.
 */
import { z } from 'zod';
import { KNOWN_MIGRATIONS, changesNoExportedRow, currentMigrationName } from '../../db/connect.js';
import { EXPORT_TABLES } from '../../db/schema.js';
import { AppError, invalid } from '../../domain/errors.js';
import type { ColumnInfo } from './columns.js';

export const EXPORT_FORMAT = 'steve-practice';
export const EXPORT_VERSION = 1;

export type Row = Record<string, string | number | null>;

const headerSchema = z
  .object({
    format: z.string(),
    version: z.number().int(),
    migrations: z.array(z.string()),
    exported_at: z.iso.datetime({ offset: true, error: 'must be an ISO 8601 instant' }),
    tables: z.record(z.string(), z.array(z.unknown())),
  })
  .strict();

/** Text → document, with a clear message for a file that is not JSON at all. */
export function parsePracticeJson(text: string, name: string): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    throw invalid(`${name} is not a Steve practice export: it is not valid JSON (${e instanceof Error ? e.message : String(e)}).`);
  }
}

/**
 * Checks the envelope: format, version and migrations. A file from a newer Steve (a later
 * format version or a migration this build does not know) is refused rather than guessed at.
 */
export function checkEnvelope(doc: unknown): z.output<typeof headerSchema> {
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) {
    throw invalid('This file is not a Steve practice export: it is not a JSON object.');
  }
  const o = doc as Record<string, unknown>;
  if (o.format !== EXPORT_FORMAT) {
    throw invalid(`This file is not a Steve practice export: its format is ${JSON.stringify(o.format ?? null)}, not "${EXPORT_FORMAT}".`);
  }
  if (typeof o.version === 'number' && o.version > EXPORT_VERSION) {
    throw new AppError(
      'DB_TOO_NEW',
      `This export was made by a newer version of Steve (file format version ${o.version}; this Steve reads version ${EXPORT_VERSION}). Upgrade Steve to import it.`,
    );
  }
  if (o.version !== EXPORT_VERSION) {
    throw invalid(`This export has file format version ${JSON.stringify(o.version ?? null)}; this Steve reads version ${EXPORT_VERSION}.`);
  }
  const parsed = headerSchema.safeParse(doc);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const where = issue.path.join('.') || 'document';
    const what = issue.code === 'unrecognized_keys' ? `unknown field ${issue.keys.join(', ')}` : issue.message;
    throw invalid(`This export is malformed: ${where}: ${what}.`);
  }
  const migrations = parsed.data.migrations.map(currentMigrationName);
  const unknown = migrations.filter((m) => !KNOWN_MIGRATIONS.includes(m));
  if (unknown.length > 0) {
    throw new AppError(
      'DB_TOO_NEW',
      `This export was made by a newer version of Steve (it has migration ${unknown.sort().at(-1)}, which this version does not know). Upgrade Steve to import it.`,
    );
  }
  const missingMigrations = KNOWN_MIGRATIONS.filter((m) => !migrations.includes(m) && !changesNoExportedRow(m));
  if (missingMigrations.length > 0) {
    // Older files would need their rows upgraded column by column; no such file exists yet.
    throw invalid(
      `This export was made by an older version of Steve (it lacks migration ${missingMigrations[0]}); import it with that version and export again.`,
    );
  }
  for (const t of Object.keys(parsed.data.tables)) {
    if (!(EXPORT_TABLES as readonly string[]).includes(t)) throw invalid(`This export has an unknown table "${t}".`);
  }
  for (const t of EXPORT_TABLES) {
    if (!(t in parsed.data.tables)) throw invalid(`This export has no "${t}" table.`);
  }
  return parsed.data;
}

/** A Zod schema for one table's rows: exactly its columns, each of the stored type. */
export function rowSchema(columns: ColumnInfo[]) {
  const shape: Record<string, z.ZodType> = {};
  for (const c of columns) {
    const base =
      c.kind === 'integer'
        ? z.number({ error: 'must be a whole number' }).int('must be a whole number')
        : c.kind === 'real'
          ? z.number({ error: 'must be a number' })
          : z.string({ error: 'must be text' });
    shape[c.name] = c.nullable ? base.nullable() : base;
  }
  return z.object(shape).strict();
}

/** The first bad row of a table, as one message naming table, row number (from 1) and column. */
export function checkRows(table: string, rows: unknown[], schema: ReturnType<typeof rowSchema>): Row[] {
  for (let i = 0; i < rows.length; i++) {
    const r = schema.safeParse(rows[i]);
    if (r.success) continue;
    const issue = r.error.issues[0]!;
    const at = `Table ${table}, row ${i + 1}`;
    if (typeof rows[i] !== 'object' || rows[i] === null || Array.isArray(rows[i])) throw invalid(`${at} is not an object.`);
    if (issue.code === 'unrecognized_keys') throw invalid(`${at} has unknown column ${issue.keys.map((k) => `"${k}"`).join(', ')}.`);
    const col = String(issue.path[0] ?? '');
    if (!(col in (rows[i] as object))) throw invalid(`${at} lacks column "${col}".`);
    throw invalid(`${at}: column "${col}" ${issue.message.replace(/^Invalid input: /, '')}.`);
  }
  return rows as Row[];
}
