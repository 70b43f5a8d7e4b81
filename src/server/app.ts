/**
 * The HTTP API as a Fastify instance that never listens: tests drive it with inject(),
 * and src/main/server.ts listens. Thin routes over services; one error handler.
 */
import fastifyCookie from '@fastify/cookie';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import { jsonSchemaTransform, serializerCompiler } from 'fastify-type-provider-zod';
import { authHook } from './auth-hook.js';
import type { AppDeps } from './deps.js';
import { errorBody, errorHandler } from './error-handler.js';
import { registerRoute } from './route.js';
import { checkpointAudit } from '../services/audit/checkpoint-audit.js';
import { ROUTES } from './routes/index.js';
import { securityHeaders } from './security-headers.js';
import { registerWebApp, webAppPresent } from './static-web.js';
import { validatorCompiler } from './validation.js';

export type { AppDeps } from './deps.js';

export const DEFAULT_BODY_LIMIT = 1024 * 1024;

/** Request logs carry the method, the path without its query (a search term can be a name) and the status; never bodies or cookies. */
export const LOG_SERIALIZERS = {
  // A calendar feed's path is its secret: log the route, not the token.
  req: (req: { method: string; url: string; id: string }) => ({
    id: req.id,
    method: req.method,
    path: req.url.split('?')[0]!.replace(/^\/api\/calendar\/[^/]+$/, '/api/calendar/[token]'),
  }),
  res: (res: { statusCode: number }) => ({ status: res.statusCode }),
};

export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const bodyLimit = deps.bodyLimit ?? DEFAULT_BODY_LIMIT;
  const app = Fastify({
    bodyLimit,
    trustProxy: false,
    logger: {
      level: deps.logLevel,
      serializers: LOG_SERIALIZERS,
      redact: { paths: ['req.headers', 'headers', 'cookies', 'body', 'password', '*.password', '*.totp'], censor: '[redacted]' },
    },
  });
  app.decorateRequest('signedIn', null);
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(errorHandler(bodyLimit));
  app.addHook('onRequest', securityHeaders);

  await app.register(fastifyCookie);
  await app.register(fastifySwagger, {
    openapi: {
      info: { title: 'Steve API', version: deps.version, description: 'Practice operations for a UK private occupational therapy practice. See docs/API.md.' },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'steve_session' } } },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });

  app.addHook('onRequest', authHook(deps));
  if (deps.auditSeal) {
    // Before the answer leaves, the chain's head is recorded outside the database.
    app.addHook('onSend', async (req) => {
      if (req.url.startsWith('/api/')) await checkpointAudit(deps).catch((err: unknown) => req.log.error({ err }, 'audit checkpoint failed'));
    });
  }
  for (const route of ROUTES) registerRoute(app, deps, route);

  const web = webAppPresent(deps.webRoot) ? deps.webRoot : null;
  if (web) await registerWebApp(app, web);

  app.setNotFoundHandler((req, reply) => {
    const path = req.url.split('?')[0] ?? '';
    if (web && (req.method === 'GET' || req.method === 'HEAD') && !path.startsWith('/api/') && path !== '/api') {
      return reply.type('text/html; charset=utf-8').sendFile('index.html', web);
    }
    return reply
      .code(404)
      .type('application/json; charset=utf-8')
      .send(errorBody('NOT_FOUND', `There is no ${req.method} ${path} here.`));
  });
  return app;
}
