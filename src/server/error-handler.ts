/**
 * The one place errors become HTTP answers, always shaped {error: {code, message, field?}}.
 * App errors keep their message (they are written for the user); anything unexpected is
 * logged and answered with a plain 500 that leaks no internals.
 */
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import type { ErrorResponse } from '../contract/common.js';
import { isAppError, type ErrorCode } from '../domain/errors.js';

export const STATUS_OF: Record<ErrorCode, number> = {
  VALIDATION: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  CSRF: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  NOT_EMPTY: 409,
  RATE_LIMITED: 429,
  DB_TOO_NEW: 503,
  INTERNAL: 500,
};

const INTERNAL_MESSAGE = 'Something went wrong on the server. Nothing was changed; the error has been logged.';

export type ErrorBody = ErrorResponse;

export function errorBody(code: string, message: string, extra: { field?: string | undefined; totp_required?: boolean } = {}): ErrorBody {
  return {
    error: {
      code,
      message,
      ...(extra.field ? { field: extra.field } : {}),
      ...(extra.totp_required ? { totp_required: true } : {}),
    },
  };
}

export function mapError(err: unknown, bodyLimit: number): { status: number; body: ErrorBody; internal: boolean } {
  if (isAppError(err)) {
    const status = STATUS_OF[err.code];
    if (err.code === 'INTERNAL') return { status, body: errorBody('INTERNAL', INTERNAL_MESSAGE), internal: true };
    const totp = (err as { totp_required?: unknown }).totp_required === true;
    return { status, body: errorBody(err.code, err.message, { field: err.field, totp_required: totp }), internal: false };
  }
  const fe = err as Partial<FastifyError>;
  const status = typeof fe.statusCode === 'number' ? fe.statusCode : 500;
  if (status === 413) {
    return {
      status,
      body: errorBody('TOO_LARGE', `The request is too large: the limit is ${Math.round(bodyLimit / 1024)} KB. Nothing was saved.`),
      internal: false,
    };
  }
  if (status === 415) return { status, body: errorBody('VALIDATION', 'Send the request body as JSON (content-type: application/json).'), internal: false };
  if (status === 400) {
    // Fastify's own messages for a broken body can quote the body, so they are replaced.
    const message =
      fe.code === 'FST_ERR_CTP_EMPTY_JSON_BODY'
        ? 'The request body is empty: send a JSON object (for example {}).'
        : err instanceof SyntaxError || fe.code === 'FST_ERR_CTP_INVALID_JSON_BODY'
          ? 'The request body is not valid JSON.'
          : 'The request is not valid.';
    return { status, body: errorBody('VALIDATION', message), internal: false };
  }
  if (status === 404) return { status, body: errorBody('NOT_FOUND', 'Not found.'), internal: false };
  if (status > 400 && status < 500) return { status, body: errorBody('BAD_REQUEST', 'The request was refused.'), internal: false };
  return { status: 500, body: errorBody('INTERNAL', INTERNAL_MESSAGE), internal: true };
}

function retryAfterOf(err: unknown): number | undefined {
  const seconds = isAppError(err) && 'retry_after_seconds' in err ? err.retry_after_seconds : undefined;
  return typeof seconds === 'number' ? seconds : undefined;
}

export function errorHandler(bodyLimit: number) {
  return (err: unknown, req: FastifyRequest, reply: FastifyReply) => {
    const { status, body, internal } = mapError(err, bodyLimit);
    if (internal) req.log.error({ err }, 'request failed');
    if (status === 429) reply.header('retry-after', String(retryAfterOf(err) ?? 900));
    return reply.code(status).type('application/json; charset=utf-8').send(body);
  };
}
