/**
 * Shared building blocks of the request and response schemas. The same schemas validate
 * HTTP bodies (server), CLI options (cli, via services) and forms (web), so a rule like
 * "2027-02-30 is not a date" is written once.
 */
import { z } from 'zod';
import { isValidIsoDate } from '../domain/calendar/local-date.js';
import { invalid } from '../domain/errors.js';
import { isValidNhsNumber } from '../domain/people/nhs-number.js';

export const isoDate = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date written YYYY-MM-DD')
  .refine(isValidIsoDate, 'is not a real calendar date');

export const id = z.string().trim().min(1, 'is required').max(64);
export const idParams = z.object({ id: z.string().trim().min(1).max(64) }).strict();

/** Every error the API answers, whatever the status. */
export const errorResponse = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    field: z.string().optional(),
    totp_required: z.boolean().optional(),
  }),
});
export type ErrorResponse = z.infer<typeof errorResponse>;

export const nhsNumber = z
  .string()
  .trim()
  .transform((s) => s.replace(/[\s-]/g, ''))
  .refine((s) => /^\d{10}$/.test(s), 'must be 10 digits')
  .refine(isValidNhsNumber, 'fails the modulus 11 check: check the digits');

/** Names are stored as typed; angle brackets are allowed (the web escapes on output), control characters are not. */
export const personName = z
  .string()
  .trim()
  .min(1, 'is required')
  .max(200, 'is too long (200 characters at most)')
  // eslint-disable-next-line no-control-regex -- finding control characters is the point
  .refine((s) => !/[\u0000-\u001f]/.test(s), 'contains control characters');

export const shortText = z.string().trim().max(500, 'is too long (500 characters at most)');
export const longText = z.string().max(20_000, 'is too long (20,000 characters at most)');
export const email = z.string().trim().toLowerCase().pipe(z.email('is not an email address'));
export const optionalEmail = z.union([z.literal(''), email]);

/** Validate input against a schema; the first problem becomes one clear AppError naming its field. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const field = issue.path.join('.');
  const label = field ? (FIELD_LABELS[field] ?? field.replace(/_/g, ' ')) : 'input';
  const message = issue.code === 'unrecognized_keys' ? `unknown field ${issue.keys.join(', ')}` : issue.message;
  throw invalid(`${capitalise(label)} ${message.replace(/^Invalid input: /, '')}.`.replace(/\.\.$/, '.'), field || undefined);
}

/** Field names as a UK clinician reads them in a message. */
const FIELD_LABELS: Record<string, string> = {
  dob: 'date of birth',
  nhs_number: 'NHS number',
  hcpc_number: 'HCPC number',
  owner_hcpc_number: 'HCPC number',
  due_on: 'due date',
  la_reference: 'LA reference',
  opened_on: 'opened date',
  meeting_on: 'meeting date',
  rule_id: 'rule',
  last_done_on: 'date last done',
  received_on: 'date received',
};

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
