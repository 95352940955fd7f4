/**
 * GET /api/openapi.json: valid OpenAPI 3.1; true to the app (every route the app
 * registers is in it, and nothing else); every operation complete (its body, its
 * answers, each error code it can give, which bad requests confirm); served cacheable
 * with the app's security headers. Routes are seen through Fastify's onRoute hook, so
 * routes added later are checked without a change here.
 */
import { validate } from '@readme/openapi-parser';
import type { FastifyInstance, RouteOptions } from 'fastify';
import { describe, expect, it, vi } from 'vitest';
import { API_ERRORS, type ErrorCode } from '../../server/errors.js';
import { MANAGE_TOKEN, OPENAPI_PATH } from '../../server/plugins/openapi.js';
import { SECURITY_HEADERS } from '../../server/plugins/security-headers.js';
import type { Config } from '../../server/config.js';
import { oidcConfig } from '../helpers/oidc-config.js';
import { buildTestApp } from '../helpers/server.js';

/** Every route registered on any Fastify instance made while this file runs. */
const registered = vi.hoisted(() => [] as RouteOptions[]);
vi.mock('fastify', async (importOriginal) => {
  const fastify = await importOriginal<typeof import('fastify')>();
  const recording = (...args: unknown[]) => {
    const app = (fastify.default as (...options: unknown[]) => FastifyInstance)(...args);
    app.addHook('onRoute', (route) => void registered.push(route));
    return app;
  };
  return { ...fastify, default: Object.assign(recording, fastify.default) };
});

interface Schema {
  type?: string;
  pattern?: string;
  minimum?: number;
  enum?: string[];
  required?: string[];
  properties?: Record<string, Schema>;
}
interface Operation {
  operationId?: string;
  summary?: string;
  parameters?: { in: string; name: string; required?: boolean }[];
  requestBody?: { required?: boolean; content: Record<string, { schema: Schema }> };
  responses: Record<string, { description: string; content?: Record<string, { schema: Schema }> }>;
  security?: Record<string, string[]>[];
}
interface Document {
  openapi: string;
  paths: Record<string, Record<string, Operation>>;
  components: { securitySchemes: Record<string, unknown> };
}

/** The app (without the metrics server), its routes, and the document it serves. */
async function appAndDocument(overrides: Partial<Config> = {}) {
  registered.length = 0;
  const app = await buildTestApp(overrides);
  const res = await app.inject({ url: OPENAPI_PATH });
  expect(res.statusCode).toBe(200);
  return { app, res, document: res.json<Document>(), routes: [...registered] };
}

/** `/api/secrets/:id` in Fastify's syntax, `/api/secrets/{id}` in OpenAPI's. */
const openapiPath = (url: string) => url.replace(/:(\w+)/g, '{$1}');

/** Every operation of the document, as "METHOD /path". */
function operations(document: Document): [string, Operation][] {
  return Object.entries(document.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, operation]): [string, Operation] => [
      `${method.toUpperCase()} ${path}`,
      operation,
    ]),
  );
}

/** Every route as "METHOD /path" (HEAD left out: Fastify adds one to each GET), split by `hide`. */
function routeKeys(routes: RouteOptions[]) {
  const shown: string[] = [];
  const hidden: string[] = [];
  for (const route of routes) {
    for (const method of [route.method].flat()) {
      if (method === 'HEAD') continue;
      (route.schema?.hide ? hidden : shown).push(`${method} ${openapiPath(route.url)}`);
    }
  }
  return { shown, hidden };
}

// A server with sign-in has routes and refusals more: /auth/*, and 401s on the create routes.
describe.each([
  ['', {}],
  [' with CREATE_AUTH=oidc', oidcConfig()],
])('the OpenAPI document%s', (_, config: Partial<Config>) => {
  it('is valid OpenAPI 3.1', async () => {
    const { document } = await appAndDocument(config);
    expect(document.openapi).toBe('3.1.0');
    const result = await validate(structuredClone(document) as never);
    expect(result.valid ? [] : result.errors.map((error) => error.message)).toEqual([]);
  });

  it('documents every route the app registers, and nothing else', async () => {
    const { document, routes } = await appAndDocument(config);
    const { shown, hidden } = routeKeys(routes);
    expect(
      operations(document)
        .map(([key]) => key)
        .sort(),
    ).toEqual([...new Set(shown)].sort());
    expect(shown).toContain(`GET ${OPENAPI_PATH}`);
    if (config.createAuth === 'oidc') expect(shown).toContain('POST /auth/logout');
    // Only the page hides, never the API.
    expect(hidden.length).toBeGreaterThan(0);
    for (const key of hidden) expect(key).toMatch(/^GET \/(?!api\/)/);
  });

  it('describes each operation: summary, parameters, body, an answer, and the error shape with its codes', async () => {
    const { document, routes } = await appAndDocument(config);
    const bodies = new Set(routes.filter((route) => route.schema?.body).map((route) => openapiPath(route.url)));
    for (const [key, operation] of operations(document)) {
      const [, path] = key.split(' ') as [string, string];
      expect(operation.summary, key).toBeTruthy();
      expect(operation.operationId, key).toBeTruthy();
      for (const [, name] of path.matchAll(/\{(\w+)\}/g)) {
        expect(operation.parameters, key).toContainEqual(expect.objectContaining({ in: 'path', name, required: true }));
      }
      if (bodies.has(path)) {
        expect(operation.requestBody?.required, key).toBe(true);
        expect(operation.requestBody?.content['application/json']?.schema.type, key).toBe('object');
      } else {
        expect(operation.requestBody, key).toBeUndefined();
      }
      const statuses = Object.keys(operation.responses);
      expect(
        statuses.some((status) => /^2\d\d$/.test(status)),
        key,
      ).toBe(true);
      for (const status of statuses.filter((s) => Number(s) >= 400)) {
        const { description, content } = operation.responses[status]!;
        const schema = content?.['application/json']?.schema;
        expect(schema?.required, `${key} ${status}`).toEqual(expect.arrayContaining(['error', 'message']));
        const codes = schema?.properties?.error?.enum ?? [];
        expect(codes.length, `${key} ${status}`).toBeGreaterThan(0);
        for (const code of codes) {
          expect(API_ERRORS[code as ErrorCode]?.status, `${key} ${code}`).toBe(Number(status));
          expect(description, `${key} ${status}`).toContain(`\`${code}\``);
        }
      }
    }
  });

  it("lists every code a route answers to bad requests with, under that answer's status", async () => {
    const { app, document } = await appAndDocument(config);
    for (const [key, operation] of operations(document)) {
      for (const probe of probes(key, operation)) {
        const res = await app.inject(probe);
        const where = `${key} ${probe.label}: ${res.statusCode} ${res.body.slice(0, 200)}`;
        const answer = operation.responses[res.statusCode];
        expect.soft(answer, where).toBeDefined();
        if (answer && res.statusCode >= 400) {
          const codes = answer.content?.['application/json']?.schema.properties?.error?.enum;
          expect.soft(codes, where).toContain(res.json<{ error: string }>().error);
        }
      }
    }
  });

  it('names the bearer scheme on the manage-token routes', async () => {
    const { document } = await appAndDocument(config);
    expect(document.components.securitySchemes[MANAGE_TOKEN]).toMatchObject({ type: 'http', scheme: 'bearer' });
    const secured = operations(document)
      .filter(([, operation]) => operation.security)
      .map(([key, operation]) => [key, operation.security]);
    expect(secured).toEqual(
      expect.arrayContaining([
        ['DELETE /api/secrets/{id}', [{ [MANAGE_TOKEN]: [] }]],
        ['GET /api/secrets/{id}/receipt', [{ [MANAGE_TOKEN]: [] }]],
      ]),
    );
  });

  it('is served cacheable, with the security headers, and revalidated by its ETag', async () => {
    const { app, res } = await appAndDocument(config);
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(res.headers['cache-control']).toBe('public, max-age=300');
    expect(res.headers).toMatchObject(SECURITY_HEADERS);
    const again = await app.inject({ url: OPENAPI_PATH, headers: { 'if-none-match': String(res.headers.etag) } });
    expect(again.statusCode).toBe(304);
    expect(again.headers['cache-control']).toBe('public, max-age=300');
    // Every other API answer stays uncacheable.
    expect((await app.inject({ url: '/api/limits' })).headers['cache-control']).toBe('no-store');
  });
});

/**
 * Requests a client might get wrong, for one operation: no body, an empty one, one
 * that fits the schema's shapes but proves nothing, the wrong content type, one too
 * large, an over-long path parameter, a well-formed but wrong manage token.
 */
function probes(key: string, operation: Operation) {
  const [method, path] = key.split(' ') as [RouteOptions['method'] & string, string];
  const url = (id: string) => path.replace(/\{\w+\}/g, id);
  const plainUrl = url('a'.repeat(21));
  const json = { 'content-type': 'application/json' };
  const bodySchema = operation.requestBody?.content['application/json']?.schema;
  const list: {
    label: string;
    method: typeof method;
    url: string;
    headers?: Record<string, string>;
    payload?: string;
  }[] = [
    { label: 'bare', method, url: plainUrl },
    { label: 'long parameter', method, url: url('a'.repeat(150)) },
    { label: 'wrong token', method, url: plainUrl, headers: { authorization: `Bearer ${'A'.repeat(43)}` } },
  ];
  if (method !== 'GET') {
    list.push(
      { label: 'empty object', method, url: plainUrl, headers: json, payload: '{}' },
      { label: 'text/plain', method, url: plainUrl, headers: { 'content-type': 'text/plain' }, payload: 'x' },
      { label: '20 KiB', method, url: plainUrl, headers: json, payload: JSON.stringify({ x: 'x'.repeat(20_000) }) },
    );
  }
  if (bodySchema) {
    list.push({
      label: 'plausible body',
      method,
      url: plainUrl,
      headers: json,
      payload: JSON.stringify(plausible(bodySchema)),
    });
  }
  return list;
}

/** A value of the schema's shape, its strings fitting their patterns: what proves nothing but passes validation. */
function plausible(schema: Schema): unknown {
  if (schema.type === 'object') {
    return Object.fromEntries((schema.required ?? []).map((name) => [name, plausible(schema.properties![name]!)]));
  }
  if (schema.type === 'integer' || schema.type === 'number') return schema.minimum ?? 1;
  if (schema.type === 'boolean') return false;
  if (schema.enum) return schema.enum[0];
  const candidates = ['A'.repeat(43), 'A'.repeat(21), 'AA'];
  return candidates.find((candidate) => !schema.pattern || new RegExp(schema.pattern).test(candidate)) ?? 'AA';
}
