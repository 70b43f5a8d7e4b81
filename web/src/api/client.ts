/**
 * The one way the web app talks to the server: same-origin fetch with the session cookie,
 * the CSRF token on every state-changing request, and every failure turned into one plain
 * sentence a clinician can act on.
 */

export class ApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly code: string,
    readonly field?: string,
    readonly totpRequired = false,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

let csrfToken: string | null = null;
let sessionLost: (() => void) | null = null;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Called when a signed-in request answers 401: the session expired or was signed out elsewhere. */
export function onSessionLost(handler: (() => void) | null): void {
  sessionLost = handler;
}

type Query = Record<string, string | number | undefined | null>;

export interface RequestOptions {
  query?: Query;
  body?: unknown;
  /** Open routes (login, setup, the first "who am I"): a 401 there is an answer, not a lost session. */
  open?: boolean;
}

const FALLBACK: Record<number, string> = {
  400: 'Some of the details are not right. Please check them and try again.',
  401: 'Please sign in again.',
  403: 'You do not have permission to do that.',
  404: 'That record could not be found.',
  409: 'That clashes with something already recorded.',
  413: 'That is too large to send.',
  429: 'Too many attempts. Please wait a minute and try again.',
  503: 'The service is not available just now. Please try again shortly.',
};

function buildUrl(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    if (v !== undefined && v !== null && v !== '') params.set(k, String(v));
  }
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

export async function request<T>(method: string, path: string, opts: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (opts.body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && method !== 'HEAD' && csrfToken) headers['x-csrf-token'] = csrfToken;
  let res: Response;
  try {
    res = await fetch(buildUrl(path, opts.query), {
      method,
      headers,
      credentials: 'same-origin',
      body: opts.body !== undefined ? JSON.stringify(opts.body) : undefined,
    });
  } catch {
    throw new ApiError('Steve’s server did not answer. Check that it is running, then try again.', 0, 'NETWORK');
  }
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  let data: unknown = null;
  if (text) {
    try {
      data = JSON.parse(text);
    } catch {
      data = null;
    }
  }
  if (!res.ok) {
    const err = (data as { error?: { code?: string; message?: string; field?: string; totp_required?: boolean } } | null)?.error;
    const message = err?.message || FALLBACK[res.status] || `Something went wrong (error ${res.status}). Please try again.`;
    const apiError = new ApiError(message, res.status, err?.code ?? 'HTTP_' + res.status, err?.field, err?.totp_required === true);
    if (res.status === 401 && !opts.open) sessionLost?.();
    throw apiError;
  }
  return data as T;
}

export const api = {
  get: <T>(path: string, query?: Query, opts: Omit<RequestOptions, 'query' | 'body'> = {}) => request<T>('GET', path, { ...opts, query }),
  post: <T>(path: string, body: unknown = {}, opts: Omit<RequestOptions, 'body'> = {}) => request<T>('POST', path, { ...opts, body }),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, { body }),
  delete: <T>(path: string) => request<T>('DELETE', path),
  /** A change to an existing record (PATCH its path) or a new one (POST to the list): the one call an add-or-edit form makes. */
  save: <T>(existingPath: string | null | undefined, newPath: string, body: unknown) =>
    existingPath ? request<T>('PATCH', existingPath, { body }) : request<T>('POST', newPath, { body }),
};

export function messageOf(e: unknown): string {
  if (e instanceof ApiError) return e.message;
  if (e instanceof Error) return e.message;
  return 'Something went wrong. Please try again.';
}
