/**
 * One route = one schema + one service call. `defineRoute` keeps each route file to that,
 * and `registerRoute` wires the shared parts: access (who may call it), the session, the
 * success status, and the Zod schemas that validate input and feed the OpenAPI document.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { errorResponse } from '../contract/common.js';
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

/** A body that is not JSON (a download, a calendar feed): documented by content type and sent as it is. */
export interface RawResponse {
  description: string;
  content: Record<string, { schema: z.ZodType }>;
}

/** What a route answers: a JSON schema (the body is serialised through it), a raw body, or nothing (204). */
export type ResponseSpec = z.ZodType | RawResponse;

/** A 204: documented without a body (OpenAPI shows no content for a null schema). */
export const NO_CONTENT = z.null().meta({ description: 'No content' });

/** A raw body described for the OpenAPI document; the bytes are the handler's own. */
export function rawResponse(description: string, contentType: string): RawResponse {
  return { description, content: { [contentType]: { schema: z.string().meta({ format: 'binary' }) } } };
}

/** The handler must return what the response schema describes, so a service and its schema cannot drift apart. */
export type Reply<R> = R extends typeof NO_CONTENT ? void : R extends z.ZodType ? z.output<R> : string | Buffer;

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

export interface RouteSpec<B, Q, P, R extends ResponseSpec = ResponseSpec> {
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  url: string;
  access: Access;
  summary: string;
  tags: string[];
  body?: B;
  query?: Q;
  params?: P;
  response: R;
  status?: 200 | 201 | 204;
  /** Answers 429 after too many attempts (sign-in). */
  rateLimited?: boolean;
  /** Refuse a cross-site Origin header (sign-in and setup, which have no CSRF token yet). */
  sameOrigin?: boolean;
  handler(input: RouteInput<Out<B>, Out<Q>, Out<P>>): Promise<Reply<R>>;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a list of routes holds every body, query, params and response schema; each route is checked where it is defined
export type AnyRoute = RouteSpec<any, any, any, any>;

export function defineRoute<
  B extends z.ZodType | undefined = undefined,
  Q extends z.ZodType | undefined = undefined,
  P extends z.ZodType | undefined = undefined,
  R extends ResponseSpec = ResponseSpec,
>(spec: RouteSpec<B, Q, P, R>): RouteSpec<B, Q, P, R> {
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

/** The error statuses a route can answer, each with the one error shape: what the OpenAPI document lists. */
export function errorStatuses(spec: AnyRoute): number[] {
  const open = spec.access === 'open';
  const changes = spec.method !== 'GET';
  const statuses = new Set<number>();
  if (spec.body || spec.query || spec.params || changes) statuses.add(400);
  if (!open) statuses.add(401);
  // Services check permissions too, so any signed-in route can refuse; open ones refuse a cross-site sign-in.
  if (!open || spec.sameOrigin) statuses.add(403);
  if (spec.params || spec.body) statuses.add(404);
  if (changes) statuses.add(409);
  if (spec.rateLimited) statuses.add(429);
  return [...statuses];
}

export function registerRoute(app: FastifyInstance, deps: AppDeps, spec: AnyRoute): void {
  const status = spec.status ?? 200;
  const errors = Object.fromEntries([...errorStatuses(spec).map(String), '4XX', '5XX'].map((s) => [s, errorResponse]));
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
      response: { ...(spec.response ? { [status]: spec.response } : {}), ...errors },
    },
    handler: async (req, reply) => {
      const session = req.signedIn;
      const ctx: ServiceContext = {
        db: deps.db,
        dialect: deps.dialect,
        clock: deps.clock,
        mail: deps.mail,
        languageModel: deps.languageModel,
        ...(deps.auditSeal ? { auditSeal: deps.auditSeal } : {}),
        actor: session?.actor ?? { kind: 'system', label: 'web' },
      };
      const result = await spec.handler({ body: req.body, query: req.query, params: req.params, ctx, session, deps, req, reply });
      reply.code(status);
      if (status === 204) return reply.send();
      return result;
    },
  });
}
