import { createInterface } from 'node:readline/promises';
import type { Command } from 'commander';
import { AppError } from '../../domain/errors.js';
import { initPractice } from '../../services/practice/init-practice.js';
import { withContext, type CliRuntime } from '../runtime.js';

interface InitOptions {
  practice?: string;
  ownerName?: string;
  ownerEmail?: string;
  ownerPassword?: string;
  ownerHcpc?: string;
}

const PROMPTS: [keyof InitOptions, string, string][] = [
  ['practice', 'Practice name', '--practice'],
  ['ownerName', 'Your name', '--owner-name'],
  ['ownerEmail', 'Your email (you sign in with it)', '--owner-email'],
  ['ownerPassword', 'Choose a password (12 characters or more)', '--owner-password'],
];

/** Asks on a terminal for whatever was not given as a flag; without a terminal, names the missing flags. */
async function fillIn(rt: CliRuntime, opts: InitOptions): Promise<Required<Omit<InitOptions, 'ownerHcpc'>> & InitOptions> {
  const missing = PROMPTS.filter(([k]) => !opts[k]);
  if (missing.length > 0 && !rt.stdinIsTTY) {
    throw new AppError('VALIDATION', `Missing ${missing.map(([, , f]) => f).join(', ')} (no terminal to ask on).`);
  }
  if (missing.length > 0) {
    const rl = createInterface({ input: process.stdin, output: process.stderr });
    try {
      for (const [k, label] of missing) opts[k] = (await rl.question(`${label}: `)).trim();
    } finally {
      rl.close();
    }
  }
  return opts as Required<Omit<InitOptions, 'ownerHcpc'>> & InitOptions;
}

export function registerInit(program: Command, rt: CliRuntime): void {
  program
    .command('init')
    .description('set up a new practice and its owner account')
    .option('--practice <name>', 'practice name')
    .option('--owner-name <name>')
    .option('--owner-email <email>')
    .option('--owner-password <password>')
    .option('--owner-hcpc <number>', 'HCPC registration number, e.g. OT12345')
    .action(async (opts: InitOptions, cmd: Command) => {
      const filled = await fillIn(rt, { ...opts });
      await withContext(
        rt,
        cmd,
        (ctx) =>
          initPractice(ctx, {
            practice: filled.practice,
            owner_name: filled.ownerName,
            owner_email: filled.ownerEmail,
            owner_password: filled.ownerPassword,
            owner_hcpc_number: filled.ownerHcpc,
          }),
        (r) => `Set up ${r.name}. Sign in as ${r.owner_email}.`,
      );
    });
}
