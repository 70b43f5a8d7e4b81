/** The OpenAPI document describes every route: its success answer, with the right status, and its error answers. */
import fastifySwagger from '@fastify/swagger';
import Fastify from 'fastify';
import { jsonSchemaTransform, serializerCompiler } from 'fastify-type-provider-zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { errorStatuses, registerRoute, type AnyRoute } from '../../src/server/route.js';
import { ROUTES } from '../../src/server/routes/index.js';
import { validatorCompiler } from '../../src/server/validation.js';
import { testApp, type TestApp } from './support.js';

interface Operation {
  responses?: Record<string, { content?: Record<string, { schema?: { type?: string; properties?: Record<string, unknown> } }> }>;
}
type Doc = { paths: Record<string, Record<string, Operation>> };

const openApiPath = (url: string) => url.replace(/:(\w+)/g, '{$1}');

/** Every way the document falls short of a route, as readable lines (none when it is complete). */
function gaps(doc: Doc, routes: readonly AnyRoute[]): string[] {
  const out: string[] = [];
  for (const r of routes) {
    const name = `${r.method} ${r.url}`;
    const op = doc.paths[openApiPath(r.url)]?.[r.method.toLowerCase()];
    if (!op) {
      out.push(`${name}: not in the document`);
      continue;
    }
    const status = String(r.status ?? 200);
    const ok = op.responses?.[status];
    if (!ok) out.push(`${name}: no ${status} response`);
    else if (status !== '204') {
      const schemas = Object.values(ok.content ?? {}).map((c) => c.schema);
      if (schemas.length === 0 || schemas.some((s) => !s || Object.keys(s).length === 0)) out.push(`${name}: ${status} response has no schema`);
    }
    for (const other of Object.keys(op.responses ?? {}).filter((s) => /^2\d\d$/.test(s) && s !== status)) out.push(`${name}: also documents ${other}`);
    for (const e of [...errorStatuses(r).map(String), '4XX', '5XX']) {
      const schema = op.responses?.[e]?.content?.['application/json']?.schema;
      if (!schema?.properties?.error) out.push(`${name}: no ${e} error response`);
    }
  }
  return out;
}

describe('OpenAPI document', () => {
  let t: TestApp;
  let doc: Doc;
  beforeAll(async () => {
    t = await testApp('sqlite', { seed: false });
    doc = (await t.call(null, 'GET', '/api/docs/json')).json();
  });
  afterAll(() => t.close());

  it('documents every route, and only those', () => {
    const operations = Object.values(doc.paths).flatMap((p) => Object.keys(p));
    expect(ROUTES.length).toBe(124);
    expect(operations.length).toBe(ROUTES.length);
    expect(new Set(ROUTES.map((r) => `${r.method} ${r.url}`)).size).toBe(ROUTES.length);
  });

  it('gives every route its success response schema at the status it answers, and its error responses', () => {
    expect(gaps(doc, ROUTES)).toEqual([]);
    expect(ROUTES.filter((r) => r.response === undefined)).toEqual([]);
  });

  it('documents the status a create route answers with (201)', () => {
    const post = doc.paths['/api/clients']!.post!;
    expect(Object.keys(post.responses!)).toContain('201');
    expect(Object.keys(post.responses!)).not.toContain('200');
    expect(post.responses!['201']!.content!['application/json']!.schema!.properties).toHaveProperty('nhs_number');
    expect(Object.keys(post.responses!)).toEqual(expect.arrayContaining(['400', '401', '403', '409', '4XX', '5XX']));
  });

  it('answers errors in the documented shape', async () => {
    const res = await t.call(null, 'GET', '/api/clients');
    expect(res.statusCode).toBe(401);
    expect(res.json()).toEqual({ error: { code: 'UNAUTHENTICATED', message: expect.any(String) } });
  });

  it('reports a route that has no response schema', async () => {
    const app = Fastify({ logger: false });
    app.setValidatorCompiler(validatorCompiler);
    app.setSerializerCompiler(serializerCompiler);
    await app.register(fastifySwagger, { openapi: { info: { title: 't', version: '0' } }, transform: jsonSchemaTransform });
    const described: AnyRoute = {
      method: 'GET',
      url: '/api/a',
      access: 'signed_in',
      summary: 'a',
      tags: [],
      response: z.object({ a: z.string() }),
      handler: async () => ({ a: '' }),
    };
    // A route written before responses were required: the check must catch it.
    const bare = {
      method: 'POST',
      url: '/api/b/:id',
      access: 'signed_in',
      summary: 'b',
      tags: [],
      status: 201,
      handler: async () => ({}),
    } as unknown as AnyRoute;
    for (const r of [described, bare]) registerRoute(app, {} as never, r);
    await app.ready();
    const found = gaps(app.swagger() as unknown as Doc, [described, bare]);
    expect(found).toEqual(['POST /api/b/:id: no 201 response']);
    await app.close();
  });
});
