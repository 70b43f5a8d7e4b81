/** Sign-in, first-run setup and two-factor requests (docs/API.md, "Open routes" and /api/auth/*). */
import { z } from 'zod';
import { password } from './practice.js';

export const loginInput = z
  .object({
    // Not checked as an email: a mistyped address must fail like a wrong password, not with a hint.
    email: z.string().trim().toLowerCase().min(1, 'is required').max(320),
    password: z.string().min(1, 'is required').max(200),
    totp: z
      .string()
      .trim()
      .regex(/^\d{6}$/, 'must be the 6-digit code from your authenticator app')
      .optional(),
  })
  .strict();
export type LoginInput = z.input<typeof loginInput>;

export const totpTokenInput = z
  .object({
    token: z
      .string()
      .trim()
      .regex(/^\d{6}$/, 'must be the 6-digit code from your authenticator app'),
  })
  .strict();
export type TotpTokenInput = z.input<typeof totpTokenInput>;

export const totpDisableInput = z.object({ password: z.string().min(1, 'is required').max(200) }).strict();
export type TotpDisableInput = z.input<typeof totpDisableInput>;

/** Kept beside the other auth inputs so the web's change-password form can share it later. */
export const newPassword = password;
