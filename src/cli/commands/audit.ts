/** `steve audit verify`: is the audit trail as it was written, and does it still reach its checkpoint? */
import type { Command } from 'commander';
import { AppError } from '../../domain/errors.js';
import { checkAuditTrail } from '../../services/audit/check-audit-trail.js';
import { globals, type CliRuntime } from '../runtime.js';

export function registerAudit(program: Command, rt: CliRuntime): void {
  const audit = program.command('audit').description('the audit trail of who did what, when');

  audit
    .command('verify')
    .description("check every event's keyed hash and the checkpoint kept outside the database; exits non-zero naming the first bad event or the truncation")
    .action(async (_opts: unknown, cmd: Command) => {
      const g = globals(cmd);
      const opened = await rt.open(g);
      try {
        const r = await checkAuditTrail(opened.ctx);
        if (g.json) rt.out(JSON.stringify(r, null, 2));
        else if (r.intact) rt.out(`The audit trail is intact: ${r.events} events${r.checkpoint ? `, reaching the checkpoint of ${r.checkpoint.at}` : ''}.`);
        if (!r.intact)
          throw new AppError(
            'CONFLICT',
            `The audit trail does not verify${r.broken_at ? ` from event ${r.broken_at}` : ''}: ${r.problem ?? 'unknown problem'}`,
          );
      } finally {
        await opened.close();
      }
    });
}
