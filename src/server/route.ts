/**
 * One route = one schema + one service call. `defineRoute` keeps each route file to that,
 * and `registerRoute` wires the shared parts: access (who may call it), the session, the
 * success status, and the Zod schemas that validate input and feed the OpenAPI document.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { AppError } from '../domain/errors.js';
import { rolesWith, type Permission } from '../domain/permissions.js';
import type { Role } from '../domain/vocabulary.js';
import type { SignedIn } from '../services/auth/sessions.js';
import type { ServiceContext } from '../services/context.js';
import type { AppDeps } from './deps.js';

/** 'open': no session needed; 'signed_in': any role; a permission: only the roles holding it (others get 403). */
export type Access = 'open' | 'signed_in' | Permission;

/** What the auth hook checks: the permission resolved to its roles once, when the route is registered. */
export type AdmittedRoles = 'open' | 'signed_in' | readonly Role[];

function admittedRoles(access: Access): AdmittedRoles {
  return access === 'open' || access === 'signed_in' ? access : rolesWith(access);
}

type Out<T> = T extends z.ZodType ? z.output<T> : undefined;

export interface RouteInput<B, Q, P> {
  body: B;
  query: Q;
  params: P;
  /** The service context: the signed-in user as actor, or the web's system actor on open routes. */
  ctx: ServiceContext;
  session: SignedIn | null;
  deps: AppDeps;
  req: FastifyRequest;
  reply: FastifyReply;
}

export interface RouteSpec<B, Q, P> {
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  url: string;
  access: Access;
  summary: string;
  tags: string[];
  body?: B;
  query?: Q;
  params?: P;
  response?: z.ZodType;
  status?: 200 | 201 | 204;
  /** Refuse a cross-site Origin header (sign-in and setup, which have no CSRF token yet). */
  sameOrigin?: boolean;
  handler(input: RouteInput<Out<B>, Out<Q>, Out<P>>): Promise<unknown>;
}

export type AnyRoute = RouteSpec<any, any, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

export function defineRoute<
  B extends z.ZodType | undefined = undefined,
  Q extends z.ZodType | undefined = undefined,
  P extends z.ZodType | undefined = undefined,
>(spec: RouteSpec<B, Q, P>): RouteSpec<B, Q, P> {
  return spec;
}

export interface RouteConfig {
  access: AdmittedRoles;
  sameOrigin: boolean;
}

declare module 'fastify' {
  interface FastifyRequest {
    signedIn: SignedIn | null;
  }
}

export function requireSession(session: SignedIn | null): SignedIn {
  if (!session) throw new AppError('UNAUTHENTICATED', 'Sign in to continue.');
  return session;
}

export function registerRoute(app: FastifyInstance, deps: AppDeps, spec: AnyRoute): void {
  const status = spec.status ?? 200;
  app.route({
    method: spec.method,
    url: spec.url,
    config: { access: admittedRoles(spec.access), sameOrigin: spec.sameOrigin ?? false } satisfies RouteConfig,
    schema: {
      summary: spec.summary,
      tags: spec.tags,
      ...(spec.body ? { body: spec.body } : {}),
      ...(spec.query ? { querystring: spec.query } : {}),
      ...(spec.params ? { params: spec.params } : {}),
      ...(spec.response ? { response: { [status]: spec.response } } : {}),
    },
    handler: async (req, reply) => {
      const session = req.signedIn;
      const ctx: ServiceContext = { db: deps.db, dialect: deps.dialect, clock: deps.clock, actor: session?.actor ?? { kind: 'system', label: 'web' } };
      const result = await spec.handler({ body: req.body, query: req.query, params: req.params, ctx, session, deps, req, reply });
      reply.code(status);
      if (status === 204) return reply.send();
      return result;
    },
  });
}
