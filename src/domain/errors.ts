/**
 * The one error type of Steve. Domain and service code throw it with a code; only the
 * edges (server/error-handler.ts, cli/run.ts) turn a code into an HTTP status or exit code.
 */
export const ERROR_CODES = [
  'VALIDATION',
  'NOT_FOUND',
  'CONFLICT',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'CSRF',
  'RATE_LIMITED',
  'DB_TOO_NEW',
  'NOT_EMPTY',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export class AppError extends Error {
  readonly code: ErrorCode;
  /** Which input field was wrong, when there is one, so a form can point at it. */
  readonly field: string | undefined;

  constructor(code: ErrorCode, message: string, options: { field?: string; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
    this.field = options.field;
  }
}

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError;
}

export const invalid = (message: string, field?: string): AppError => new AppError('VALIDATION', message, field === undefined ? {} : { field });

export const notFound = (what: string, id: string): AppError => new AppError('NOT_FOUND', `No ${what} with id ${id}.`);
