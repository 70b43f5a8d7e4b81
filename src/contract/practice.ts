import { z } from 'zod';
import type { PracticeIdentity } from '../domain/practice/identity.js';
import { JURISDICTIONS, ROLES } from '../domain/vocabulary.js';
import { email, personName, shortText, longText } from './common.js';

/** 12 characters or more (NCSC's advice for a password that guards health records); the common-password list is checked by the services. */
export const password = z.string().min(12, 'must be at least 12 characters').max(200, 'is too long');

export const initPracticeInput = z
  .object({
    practice: personName,
    owner_name: personName,
    owner_email: email,
    owner_password: password,
    owner_hcpc_number: shortText.optional(),
  })
  .strict();
export type InitPracticeInput = z.input<typeof initPracticeInput>;

export const updatePracticeInput = z
  .object({
    name: personName.optional(),
    address: shortText.optional(),
    phone: shortText.optional(),
    email: z.union([z.literal(''), email]).optional(),
    letterhead: longText.optional(),
    bank_details: shortText.optional(),
    default_jurisdiction: z.enum(JURISDICTIONS).optional(),
    invoice_prefix: z.string().trim().min(1).max(12).optional(),
  })
  .strict();
export type UpdatePracticeInput = z.input<typeof updatePracticeInput>;

/**
 * The practice's identity as the inbox reader takes it (a `--practice` file for the database-free
 * `steve triage`): only what a practice types into its own settings, nothing about clients or senders.
 */
export const practiceIdentity = z
  .object({
    names: z.array(shortText.min(1)).min(1, 'must name the practice at least once'),
    staff: z.array(personName).default([]),
    address: shortText.default(''),
    postcode: z.string().trim().max(10).default(''),
    email_domains: z
      .array(
        z
          .string()
          .trim()
          .toLowerCase()
          .regex(/^[a-z0-9-]+(?:\.[a-z0-9-]+)+$/, 'must be a mail domain such as practice.co.uk'),
      )
      .default([]),
    invoice_prefix: z.string().trim().max(12).default(''),
  })
  .strict() satisfies z.ZodType<PracticeIdentity, unknown>;

/** HCPC numbers for OTs are "OT" and digits (HCPC register). */
export const hcpcNumber = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^OT\d{4,6}$/, 'must be OT followed by digits, as on the HCPC register (e.g. OT12345)');

/** Qualifications and professional bodies as they should read under a signature ("BSc (Hons) Occupational Therapy"). */
export const qualificationsText = z.string().trim().max(300, 'is too long (at most 300 characters)');

export const createUserInput = z
  .object({
    name: personName,
    email,
    role: z.enum(ROLES, { error: 'must be owner, clinician or admin' }),
    hcpc_number: hcpcNumber.optional(),
    qualifications: qualificationsText.optional(),
    professional_bodies: qualificationsText.optional(),
    password,
  })
  .strict();
export type CreateUserInput = z.input<typeof createUserInput>;

export const updateUserInput = z
  .object({
    name: personName.optional(),
    role: z.enum(ROLES).optional(),
    hcpc_number: z.union([z.literal(''), hcpcNumber]).optional(),
    qualifications: qualificationsText.optional(),
    professional_bodies: qualificationsText.optional(),
    active: z.boolean().optional(),
  })
  .strict();
export type UpdateUserInput = z.input<typeof updateUserInput>;

/** What any user may change about themselves: the professional details their signature shows. */
export const updateMyDetailsInput = z
  .object({
    hcpc_number: z.union([z.literal(''), hcpcNumber]).optional(),
    qualifications: qualificationsText.optional(),
    professional_bodies: qualificationsText.optional(),
  })
  .strict();
export type UpdateMyDetailsInput = z.input<typeof updateMyDetailsInput>;

// What the API answers: the route serialises through these, so a field not listed never leaves the server.
export const practice = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string(),
  created_at: z.string(),
  address: z.string(),
  phone: z.string(),
  letterhead: z.string(),
  bank_details: z.string(),
  default_jurisdiction: z.string(),
  invoice_prefix: z.string(),
});
export type Practice = z.infer<typeof practice>;
export const userRow = z.object({
  active: z.boolean(),
  totp_enabled: z.boolean(),
  id: z.string(),
  name: z.string(),
  email: z.string(),
  role: z.string(),
  hcpc_number: z.string().nullable(),
  qualifications: z.string().nullable(),
  professional_bodies: z.string().nullable(),
  created_at: z.string(),
});
export type UserRow = z.infer<typeof userRow>;
export const listUsersResponse = z.object({ users: z.array(userRow) });
