/**
 * Runs before every route: finds the session from the cookie, refuses a missing or expired
 * one (401), a state-changing request without the session's CSRF token (403), a role the
 * route does not admit (403), and a cross-site Origin on sign-in and setup (403).
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../domain/errors.js';
import { csrfMatches, findSession, SESSION_COOKIE } from '../services/auth/sessions.js';
import type { AppDeps } from './deps.js';
import type { RouteConfig } from './route.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export const CSRF_HEADER = 'x-csrf-token';

/** An Origin header, when present, must name this server: browsers always send it on cross-site POSTs. */
export function sameOrigin(req: FastifyRequest): boolean {
  const origin = req.headers.origin;
  if (origin === undefined) return true;
  try {
    return new URL(origin).host === req.headers.host;
  } catch {
    return false;
  }
}

export function clearSessionCookie(reply: FastifyReply, deps: AppDeps): void {
  reply.clearCookie(SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'strict', secure: deps.secureCookies });
}

export function authHook(deps: AppDeps) {
  return async (req: FastifyRequest, reply: FastifyReply): Promise<void> => {
    req.signedIn = null;
    const config = req.routeOptions.config as Partial<RouteConfig> | undefined;
    const access = config?.access;
    if (access === undefined) return; // not one of ours: static files, API docs, 404s
    if (config?.sameOrigin && !sameOrigin(req)) {
      throw new AppError('CSRF', 'Sign-in from another website is refused. Open Steve directly and sign in there.');
    }
    if (access === 'open') return;
    const token = req.cookies[SESSION_COOKIE];
    const session = await findSession(deps, token);
    if (!session) {
      if (token) clearSessionCookie(reply, deps);
      throw new AppError('UNAUTHENTICATED', token ? 'Your session has ended. Sign in again.' : 'Sign in to continue.');
    }
    if (!SAFE_METHODS.has(req.method)) {
      const given = req.headers[CSRF_HEADER];
      if (!csrfMatches(session.csrf_token, typeof given === 'string' ? given : undefined)) {
        throw new AppError('CSRF', 'This request is missing its security token or it is wrong. Reload the page and try again.');
      }
    }
    if (Array.isArray(access) && !access.includes(session.user.role)) {
      throw new AppError('FORBIDDEN', `Your role (${session.user.role}) cannot do this.`);
    }
    req.signedIn = session;
  };
}
