/**
 * One typed configuration, read once from flags, STEVE_* environment variables and defaults
 * (flags win), then passed down frozen. Nothing else reads process.env.
 */
import { z } from 'zod';
import { parseInput } from '../contract/common.js';

const configSchema = z.object({
  dataDir: z.string().min(1),
  databaseUrl: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres://')
    .optional(),
  dbKey: z.string().min(1).optional(),
  /** The audit chain's HMAC key; without it the data folder's audit.key (made on first use). */
  auditKey: z.string().min(32, 'must be at least 32 characters').optional(),
  port: z.coerce.number().int().min(0).max(65535),
  host: z.string().min(1),
  sessionHours: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 30),
  secureCookies: z.boolean(),
  logLevel: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']),
  /** A folder that sent email is written to as .eml files; without it, sending is disabled. */
  mailOutbox: z.string().min(1).optional(),
});
export type Config = Readonly<z.output<typeof configSchema>>;

export interface ConfigFlags {
  data?: string | undefined;
  db?: string | undefined;
  port?: string | number | undefined;
  host?: string | undefined;
}

export function loadConfig(flags: ConfigFlags, env: Record<string, string | undefined>): Config {
  const cfg = parseInput(configSchema, {
    dataDir: flags.data ?? env.STEVE_DATA ?? './steve-data',
    databaseUrl: flags.db ?? (env.STEVE_DATABASE_URL || undefined),
    dbKey: env.STEVE_DB_KEY || undefined,
    auditKey: env.STEVE_AUDIT_KEY || undefined,
    port: flags.port ?? env.STEVE_PORT ?? 4310,
    host: flags.host ?? env.STEVE_HOST ?? '127.0.0.1',
    sessionHours: env.STEVE_SESSION_HOURS ?? 12,
    secureCookies: env.STEVE_SECURE_COOKIES === '1',
    logLevel: (env.STEVE_LOG_LEVEL as 'info' | undefined) ?? 'warn',
    mailOutbox: env.STEVE_MAIL_OUTBOX || undefined,
  });
  return Object.freeze(cfg);
}
