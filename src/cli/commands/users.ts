/**
 * The practice's people from the command line: `steve users list` and `steve users update`,
 * where a clinician's qualifications, professional bodies and HCPC number are recorded for
 * the sign-off block of every document they sign; `unlock` and `reset-password` help someone who cannot sign in.
 */
import type { Command } from 'commander';
import { listUsers } from '../../services/users/list-users.js';
import { updateUser } from '../../services/users/update-user.js';
import { startPasswordReset } from '../../services/users/start-password-reset.js';
import { unlockUser } from '../../services/users/unlock-user.js';
import { formatUkDate } from '../../domain/calendar/local-date.js';
import { table } from '../format.js';
import { withContext, type CliRuntime } from '../runtime.js';

type UserShown = Awaited<ReturnType<typeof updateUser>>;

function userText(u: UserShown): string {
  return [
    `${u.name} <${u.email}> (${u.role}${u.active ? '' : ', inactive'})`,
    `ID ${u.id}`,
    `Qualifications: ${u.qualifications ?? 'not recorded'}`,
    `Professional bodies: ${u.professional_bodies ?? 'not recorded'}`,
    `HCPC number: ${u.hcpc_number ?? 'not recorded'}`,
  ].join('\n');
}

export function registerUsers(program: Command, rt: CliRuntime): void {
  const users = program.command('users').description("the practice's users and the professional details their signature shows");
  users.command('list').action(async (_o: unknown, cmd: Command) =>
    withContext(
      rt,
      cmd,
      (ctx) => listUsers(ctx.db),
      (rows) =>
        table(
          rows.map((u) => ({ ...u, qualifications: u.qualifications ?? '—', hcpc_number: u.hcpc_number ?? '—' })),
          [
            ['name', 'Name'],
            ['email', 'Email'],
            ['role', 'Role'],
            ['qualifications', 'Qualifications'],
            ['hcpc_number', 'HCPC'],
            ['id', 'ID'],
          ],
        ),
    ),
  );
  users
    .command('update <user>')
    .description('change a user (by email or id): name, qualifications, professional bodies, HCPC number')
    .option('--name <name>')
    .option('--qualifications <text>', 'as they should read under a signature, e.g. "BSc (Hons) Occupational Therapy"')
    .option('--bodies <text>', 'professional body memberships, e.g. "Royal College of Occupational Therapists"')
    .option('--hcpc <number>', 'HCPC registration number, e.g. OT12345 ("" clears it)')
    .action(async (user: string, opts: { name?: string; qualifications?: string; bodies?: string; hcpc?: string }, cmd: Command) =>
      withContext(
        rt,
        cmd,
        (ctx) =>
          updateUser(ctx, user, {
            ...(opts.name !== undefined ? { name: opts.name } : {}),
            ...(opts.qualifications !== undefined ? { qualifications: opts.qualifications } : {}),
            ...(opts.bodies !== undefined ? { professional_bodies: opts.bodies } : {}),
            ...(opts.hcpc !== undefined ? { hcpc_number: opts.hcpc } : {}),
          }),
        userText,
      ),
    );

  users
    .command('unlock <user>')
    .description('end the sign-in back-off a user (by email or id) is in after failed attempts')
    .action(async (user: string, _opts: unknown, cmd: Command) =>
      withContext(
        rt,
        cmd,
        (ctx) => unlockUser(ctx, user),
        (r) => `Unlocked ${r.email} (${r.failures_cleared} failed attempts forgotten).`,
      ),
    );

  users
    .command('reset-password <user>')
    .description('make a one-time code with which the user chooses a new password (shown once, valid 24 hours)')
    .action(async (user: string, _opts: unknown, cmd: Command) =>
      withContext(
        rt,
        cmd,
        (ctx) => startPasswordReset(ctx, user),
        (r) =>
          [
            `One-time code for ${r.email}: ${r.code}`,
            `Give it to them in person or by phone. On the sign-in page they choose "I have a reset code";`,
            `it works once, until ${formatUkDate(r.expires_at.slice(0, 10))} ${r.expires_at.slice(11, 16)} UTC. Their old password works until then.`,
          ].join('\n'),
      ),
    );
}
