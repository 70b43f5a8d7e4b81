/**
 * Triage without a database: the faces (CLI, HTTP) hand in file names and bytes and get one
 * record or one error per file, in order. A file that cannot be read never stops the others.
 */
import type { LocalDate } from '../../domain/calendar/local-date.js';
import { triageDocument, type TriageResult } from '../../triage/triage.js';

export type { TriageResult, TriageRecord, TriageError } from '../../triage/triage.js';
export { isTriageError } from '../../triage/triage.js';

export interface IncomingFile {
  name: string;
  bytes: Uint8Array;
}

export interface TriageFilesOptions {
  today: LocalDate;
  /** The practice's own names and domains (never the sender or the client). */
  own?: string[];
}

export async function triageFiles(files: IncomingFile[], opts: TriageFilesOptions): Promise<TriageResult[]> {
  const out: TriageResult[] = [];
  for (const f of files) out.push(await triageDocument(f.name, f.bytes, opts));
  return out;
}
