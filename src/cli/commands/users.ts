/**
 * The practice's people from the command line: `steve users list` and `steve users update`,
 * where a clinician's qualifications, professional bodies and HCPC number are recorded for
 * the sign-off block of every document they sign.
 */
import type { Command } from 'commander';
import { listUsers } from '../../services/users/list-users.js';
import { updateUser } from '../../services/users/update-user.js';
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
}
