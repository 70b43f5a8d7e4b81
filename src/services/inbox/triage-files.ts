/**
 * Triage without a database: the faces (CLI, HTTP) hand in file names and bytes and get one
 * record or one error per file, in order. A file that cannot be read never stops the others.
 */
import type { LocalDate } from '../../domain/calendar/local-date.js';
import { parseInput } from '../../contract/common.js';
import { practiceIdentity } from '../../contract/practice.js';
import type { LearnedHints } from '../../triage/learning.js';
import { triageDocument, type TriageResult } from '../../triage/triage.js';

export type { TriageResult, TriageRecord, TriageError } from '../../triage/triage.js';
export { isTriageError } from '../../triage/triage.js';

export interface IncomingFile {
  name: string;
  bytes: Uint8Array;
}

export interface TriageFilesOptions {
  today: LocalDate;
  /**
   * Who the practice is (never the sender or the client), checked against the contract's
   * practiceIdentity: a file typed by hand or the settings. Without it nothing is known about the practice.
   */
  practice?: unknown;
  /** What the practice's earlier corrections teach. */
  hints?: LearnedHints;
}

export async function triageFiles(files: IncomingFile[], opts: TriageFilesOptions): Promise<TriageResult[]> {
  // A practice file typed by hand is checked here, once, before any letter is read.
  const practice = opts.practice === undefined ? undefined : parseInput(practiceIdentity, opts.practice);
  const out: TriageResult[] = [];
  for (const f of files) out.push(await triageDocument(f.name, f.bytes, { today: opts.today, practice, ...(opts.hints ? { hints: opts.hints } : {}) }));
  return out;
}
