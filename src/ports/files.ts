/**
 * The files a person hands Steve or asks it to write: an export, a calendar, a rendered
 * document, letters to triage. The CLI reaches the disk only through this port, so a command's
 * reading and writing can be exercised without one and a failure always reads the same way.
 */
import { AppError } from '../domain/errors.js';

export type FileErrorReason = 'not_found' | 'is_a_folder' | 'not_a_folder' | 'denied' | 'failed';

/** A path the person named could not be read or written; the message says which and why. */
export class FileError extends AppError {
  readonly reason: FileErrorReason;
  readonly path: string;

  constructor(reason: FileErrorReason, path: string, message: string, options: { cause?: unknown } = {}) {
    // The path came from the person, so a failure is theirs to fix: the CLI shows it and exits 2.
    super('VALIDATION', message, options);
    this.name = 'FileError';
    this.reason = reason;
    this.path = path;
  }
}

/** Output too large to hold at once, written in pieces and put in place only when whole. */
export interface FileWriter {
  write(text: string): Promise<void>;
  /** Puts the finished file under its name, replacing any file there. */
  commit(): Promise<void>;
  /** Leaves nothing behind: no partial file, and the named file untouched. */
  abort(): Promise<void>;
}

export interface Files {
  readBytes(path: string): Promise<Uint8Array>;
  readText(path: string): Promise<string>;
  /** Writes the whole file; a failure leaves no half-written file under that name. */
  write(path: string, content: string | Uint8Array): Promise<void>;
  openWriter(path: string): Promise<FileWriter>;
  /** What is at a path, or null when nothing is. */
  kind(path: string): Promise<'file' | 'folder' | null>;
  /** The names in a folder, sorted. */
  list(folder: string): Promise<string[]>;
  /** A path inside a folder, spelled as this store spells paths. */
  join(folder: string, name: string): string;
}
