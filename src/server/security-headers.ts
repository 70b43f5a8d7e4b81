import type { FastifyReply, FastifyRequest } from 'fastify';

/** The web app's policy: only our own scripts, styles and images; never framed; no referrer sent. */
const APP_CSP = "default-src 'self'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'; object-src 'none'; img-src 'self' data:";
/** Swagger UI sets inline styles, so its pages (and only those) may use them. */
const DOCS_CSP =
  "default-src 'self'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'; object-src 'none'; img-src 'self' data:; style-src 'self' 'unsafe-inline'";

export async function securityHeaders(req: FastifyRequest, reply: FastifyReply): Promise<void> {
  reply.header('x-content-type-options', 'nosniff');
  reply.header('referrer-policy', 'no-referrer');
  reply.header('x-frame-options', 'DENY');
  reply.header('cross-origin-opener-policy', 'same-origin');
  reply.header('content-security-policy', req.url.startsWith('/api/docs') ? DOCS_CSP : APP_CSP);
  // Client records must not linger in shared caches or the browser's back/forward cache.
  if (req.url.startsWith('/api/')) reply.header('cache-control', 'no-store');
}
