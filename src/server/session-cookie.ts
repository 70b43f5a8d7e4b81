import type { FastifyReply } from 'fastify';
import { SESSION_COOKIE, type NewSession } from '../services/auth/sessions.js';
import type { AppDeps } from './deps.js';

/** httpOnly (no script can read it), SameSite=Strict (no cross-site request carries it), with an expiry. */
export function setSessionCookie(reply: FastifyReply, deps: AppDeps, session: NewSession): void {
  reply.setCookie(SESSION_COOKIE, session.token, {
    path: '/',
    httpOnly: true,
    sameSite: 'strict',
    secure: deps.secureCookies,
    maxAge: session.max_age_seconds,
    expires: new Date(session.expires_at),
  });
}
