/**
 * Serves the built web app (dist/web) when it exists. Any GET outside /api that matches no
 * file gets index.html, so the single-page app's own routes (/clients/…) survive a reload.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

export function webAppPresent(webRoot: string | null): webRoot is string {
  return webRoot !== null && existsSync(join(webRoot, 'index.html'));
}

export async function registerWebApp(app: FastifyInstance, webRoot: string): Promise<void> {
  await app.register(fastifyStatic, {
    root: webRoot,
    prefix: '/',
    index: 'index.html',
    setHeaders: (reply, path) => {
      // Vite's hashed assets never change; index.html must always be fetched fresh.
      reply.header('cache-control', /[\\/]assets[\\/]/.test(path) ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
}
