/**
 * Applies the permission table (src/domain/permissions.ts) to an actor, and scopes queries to
 * a clinician's caseload. The CLI acts as the practice's operator on their own machine and has
 * owner powers.
 */
import { sql, type ExpressionBuilder } from 'kysely';
import type { Database } from '../db/schema.js';
import { AppError } from '../domain/errors.js';
import { roleCan, type Permission, PERMISSIONS } from '../domain/permissions.js';
import type { Role } from '../domain/vocabulary.js';
import type { Actor, Db } from './context.js';

export const forbidden = (message = 'You do not have access to this.'): AppError => new AppError('FORBIDDEN', message);

export function roleOf(actor: Actor): Role {
  return actor.kind === 'system' ? 'owner' : actor.role;
}

export function can(actor: Actor, permission: Permission): boolean {
  return roleCan(roleOf(actor), permission);
}

/** Refuses with FORBIDDEN; `what` names the act when it is narrower than the permission's own wording. */
export function requirePermission(actor: Actor, permission: Permission, what: string = PERMISSIONS[permission].what): void {
  if (!can(actor, permission)) throw forbidden(`Your role cannot ${what}.`);
}

/** True when the actor sees every client (owner, admin, CLI); clinicians see their caseload. */
export function seesAllClients(actor: Actor): boolean {
  return can(actor, 'clients.read_all');
}

/** May read clinical content (session notes, findings, drafts). */
export function canReadClinical(actor: Actor): boolean {
  return can(actor, 'clinical.read');
}

/** A where-clause for `clients` rows in a clinician's caseload. */
export function inCaseload(userId: string) {
  return (eb: ExpressionBuilder<Database, 'clients'>) =>
    eb.or([
      eb('clients.lead_clinician_id', '=', userId),
      eb.exists(
        eb
          .selectFrom('cases')
          .select(sql`1`.as('one'))
          .whereRef('cases.client_id', '=', 'clients.id')
          .where((e) =>
            e.or([
              e('cases.clinician_id', '=', userId),
              e.exists(
                e
                  .selectFrom('case_shares')
                  .select(sql`1`.as('one'))
                  .whereRef('case_shares.case_id', '=', 'cases.id')
                  .where('case_shares.user_id', '=', userId),
              ),
            ]),
          ),
      ),
    ]);
}

/** Throws NOT_FOUND rather than FORBIDDEN for another clinician's client, so ids leak nothing. */
export async function assertClientVisible(db: Db, actor: Actor, clientId: string): Promise<void> {
  let q = db.selectFrom('clients').select('id').where('id', '=', clientId);
  if (!seesAllClients(actor) && actor.kind === 'user') q = q.where(inCaseload(actor.id));
  const row = await q.executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', `No client with id ${clientId}.`);
}
