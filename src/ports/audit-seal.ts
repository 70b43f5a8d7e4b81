/**
 * What keeps the audit trail honest from outside the database: a secret key for the events'
 * HMACs and a place for the chain's last known head. Someone who can edit the database but
 * not this (the data folder's key file, or STEVE_AUDIT_KEY) can neither recompute the hashes
 * of rewritten events nor delete the newest events unnoticed.
 */
export interface AuditSeal {
  /** The HMAC key (32 bytes or more); made on first use when none exists yet. */
  key(): Buffer;
  /** The last checkpoint written, as written, or null when there is none yet. */
  readHead(): Promise<string | null>;
  writeHead(text: string): Promise<void>;
  /** Where the key and checkpoint live, for messages. */
  readonly location: string;
}
