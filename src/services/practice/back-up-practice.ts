/**
 * `steve backup`: a consistent copy of the SQLite practice, taken while the server runs, and
 * an audit event saying a copy was made (where to, not what is in it). PostgreSQL practices are
 * backed up with pg_dump (README, "Your data").
 */
import { copySqliteInto } from '../../db/backup.js';
import { AppError } from '../../domain/errors.js';
import { requirePermission } from '../access.js';
import { appendAudit } from '../audit/append-audit.js';
import type { ServiceContext } from '../context.js';

export async function backUpPractice(ctx: ServiceContext, out: string): Promise<{ file: string; audit_events: number }> {
  requirePermission(ctx.actor, 'practice.export', 'back up the practice');
  if (ctx.dialect !== 'sqlite') {
    throw new AppError(
      'VALIDATION',
      'This practice is on PostgreSQL: back it up with pg_dump --format=custom (see "Your data" in the README), which copies it consistently while Steve runs.',
    );
  }
  // Recorded before the copy, so the copy itself carries the record that it was made.
  await ctx.db.transaction().execute((trx) => appendAudit(trx, ctx, { action: 'backup', entity: 'practice', detail: 'sqlite copy' }));
  await copySqliteInto(ctx.db, out);
  const n = await ctx.db
    .selectFrom('audit_events')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return { file: out, audit_events: Number(n.n) };
}
