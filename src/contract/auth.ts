/** Sign-in, first-run setup and two-factor requests (docs/API.md, "Open routes" and /api/auth/*). */
import { z } from 'zod';
import { password } from './practice.js';
import { ROLES } from '../domain/vocabulary.js';

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

// What the API answers: the route serialises through these, so a field not listed never leaves the server.
export const publicUser = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string(),
  role: z.enum(ROLES),
  hcpc_number: z.string().nullable(),
  totp_enabled: z.boolean(),
});
export type PublicUser = z.infer<typeof publicUser>;
export const signedInResponse = z.object({ user: publicUser, csrf_token: z.string() });
export const userResponse = z.object({ user: publicUser });
export const getMeResponse = z.object({ user: publicUser, csrf_token: z.string(), practice: z.object({ name: z.string() }) });
export type GetMeResponse = z.infer<typeof getMeResponse>;
export const postTotpSetupResponse = z.object({ secret: z.string(), otpauth_uri: z.string() });
export const getSetupResponse = z.object({ needed: z.boolean() });

export const changePasswordInput = z
  .object({
    current_password: z.string().min(1, 'is required').max(200),
    new_password: password,
  })
  .strict();
export type ChangePasswordInput = z.input<typeof changePasswordInput>;

/** A one-time code the owner was shown, as the user types it (case and dashes do not matter). */
export const resetCode = z
  .string()
  .trim()
  .toUpperCase()
  .transform((s) => s.replace(/[\s-]/g, ''))
  .pipe(z.string().regex(/^[A-Z2-9]{16}$/, 'must be the 16-character code the practice owner gave you'));

export const redeemPasswordResetInput = z
  .object({
    email: z.string().trim().toLowerCase().min(1, 'is required').max(320),
    code: resetCode,
    new_password: password,
  })
  .strict();
export type RedeemPasswordResetInput = z.input<typeof redeemPasswordResetInput>;

export const passwordResetResponse = z.object({
  user_id: z.string(),
  email: z.string(),
  code: z.string(),
  expires_at: z.string(),
});
export type PasswordResetResponse = z.infer<typeof passwordResetResponse>;

export const unlockUserResponse = z.object({ user_id: z.string(), email: z.string(), failures_cleared: z.number() });
export type UnlockUserResponse = z.infer<typeof unlockUserResponse>;
