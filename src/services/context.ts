/**
 * What every service receives: the database, the clock and who is acting. Services own
 * their transactions and their access checks, so the CLI and the HTTP API behave alike.
 */
import type { Kysely, Transaction } from 'kysely';
import type { Dialect } from '../db/connect.js';
import type { Database } from '../db/schema.js';
import type { Role } from '../domain/vocabulary.js';
import type { AuditSeal } from '../ports/audit-seal.js';
import type { Clock } from '../ports/clock.js';
import type { LanguageModel } from '../ports/language-model.js';
import type { MailSender } from '../ports/mail.js';

/** The CLI acts as the practice's operator on their own machine (owner powers); the web acts as a signed-in user. */
export type Actor = { kind: 'system'; label: string } | { kind: 'user'; id: string; role: Role; name: string };

export interface ServiceDeps {
  db: Kysely<Database>;
  dialect: Dialect;
  clock: Clock;
  /** How messages leave the practice; the disabled adapter when nothing is set up. */
  mail: MailSender;
  /** The disabled adapter unless a model is set up; no service may depend on one being there. */
  languageModel: LanguageModel;
  /** The key that signs audit events and where the chain's head is checkpointed; without it events are hashed unkeyed (tests, imports). */
  auditSeal?: AuditSeal;
}

export interface ServiceContext extends ServiceDeps {
  actor: Actor;
}

export type Db = Kysely<Database> | Transaction<Database>;

export const cliActor: Actor = { kind: 'system', label: 'cli' };

export function actorUserId(actor: Actor): string | null {
  return actor.kind === 'user' ? actor.id : null;
}

export function nowIso(ctx: { clock: Clock }): string {
  return ctx.clock.now().toISOString();
}
