import { hash, verify } from '@node-rs/argon2';
import { dictionary } from '@zxcvbn-ts/language-common';
import { AppError } from '../../domain/errors.js';

/** argon2id with OWASP's minimum (m=19 MiB, t=2, p=1): about 45 ms here. */
const OPTIONS = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export const hashPassword = (password: string): Promise<string> => hash(password, OPTIONS);

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

let common: Set<string> | undefined;
/** zxcvbn's list of about 49,000 passwords seen most often in breaches, loaded on first use. */
const commonPasswords = (): Set<string> => (common ??= new Set(dictionary['passwords-common'].map((p) => p.toLowerCase())));

/**
 * A common password padded with digits or symbols ("password12345!") is as easy to guess as the
 * password itself, so the core left after stripping them is checked too.
 */
export function isCommonPassword(password: string): boolean {
  const lower = password.toLowerCase();
  const core = lower.replace(/^[\d\W_]+|[\d\W_]+$/g, '');
  const list = commonPasswords();
  return list.has(lower) || (core.length > 0 && list.has(core)) || /^(.)\1*$/.test(lower);
}

/** Every new password goes through here: the contract has already asked for 12 characters or more. */
export async function hashNewPassword(password: string, field = 'password'): Promise<string> {
  if (isCommonPassword(password)) {
    throw new AppError('VALIDATION', 'That password is on a list of commonly used passwords (or is one with digits added): choose another.', { field });
  }
  return hashPassword(password);
}
