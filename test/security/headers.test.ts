/**
 * The exact security headers on every kind of response — page, asset, API success,
 * API error, 404, 413, 415, 429, 503, a URL Fastify cannot decode — and the cache
 * rule: `no-store` on everything but the content-hashed assets and the API document.
 * JSON answers and answers without a body get the page's whole policy too.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance, InjectOptions } from 'fastify';
import { describe, expect, it } from 'vitest';
import { StoreUnavailableError, type SecretStore } from '../../server/store/secret-store.js';
import { jsonOf } from '../helpers/json.js';
import { b64, fakeEnvelope, newProofs } from '../helpers/proofs.js';
import { buildTestApp, FIXTURE_PAGE } from '../helpers/server.js';

/** Written out in full, not imported: a change to the policy must change this test. */
const SECURITY_HEADERS = {
  'content-security-policy':
    "default-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'",
  'referrer-policy': 'no-referrer',
  'strict-transport-security': 'max-age=63072000; includeSubDomains',
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'permissions-policy': 'camera=(), microphone=(), geolocation=(), interest-cohort=()',
};
const NEVER = ['x-powered-by', 'server', 'access-control-allow-origin', 'set-cookie'];
const IMMUTABLE = 'public, max-age=31536000, immutable';

const asset = readdirSync(join(FIXTURE_PAGE, 'assets')).find((name) => name.endsWith('.js'))!;

/** A store that is down: every call fails the way an unreachable Redis does. */
const down = async (): Promise<never> => Promise.reject(new StoreUnavailableError('down for the test'));
const downStore: SecretStore = {
  create: down,
  status: down,
  reveal: down,
  burn: down,
  receipt: down,
  ping: down,
  close: async () => {},
};

type Case = [kind: string, request: InjectOptions, status: number, contentType: RegExp];

async function cases(app: FastifyInstance): Promise<Case[]> {
  const p = newProofs(true);
  const create = await app.inject({
    method: 'POST',
    url: '/api/secrets',
    payload: {
      ciphertext: b64(fakeEnvelope({ passphrase: true })),
      accessHash: p.accessHash,
      unlockHash: p.unlockHash,
      views: 3,
    },
  });
  const { id, manageToken } = jsonOf(create, 'createSecret', 201);
  const json = /^application\/json/;
  const auth = { authorization: `Bearer ${manageToken}` };
  return [
    ['the page', { url: '/' }, 200, /^text\/html/],
    ['the API document', { url: '/api/openapi.json' }, 200, json],
    ['a secret link', { url: `/s/${id}` }, 200, /^text\/html/],
    ['a receipt link', { url: `/r/${id}` }, 200, /^text\/html/],
    ['the page, by HEAD', { method: 'HEAD', url: '/' }, 200, /^text\/html/],
    ['an asset', { url: `/assets/${asset}` }, 200, /javascript/],
    ['the icon', { url: '/favicon.svg' }, 200, /^image\/svg\+xml/],
    ['API 200 (limits)', { url: '/api/limits' }, 200, json],
    [
      'API 200 (status)',
      { method: 'POST', url: `/api/secrets/${id}/status`, payload: { access: p.access } },
      200,
      json,
    ],
    [
      'API 200 (reveal)',
      { method: 'POST', url: `/api/secrets/${id}/reveal`, payload: { access: p.access, unlock: p.unlock } },
      200,
      json,
    ],
    ['API 200 (receipt)', { url: `/api/secrets/${id}/receipt`, headers: auth }, 200, json],
    ['API 400', { method: 'POST', url: '/api/secrets', payload: { ciphertext: 'AAAA' } }, 400, json],
    [
      'API 403',
      { method: 'POST', url: `/api/secrets/${id}/reveal`, payload: { access: p.access, unlock: p.access } },
      403,
      json,
    ],
    [
      'API 404',
      { method: 'POST', url: `/api/secrets/${'x'.repeat(21)}/reveal`, payload: { access: p.access } },
      404,
      json,
    ],
    ['a 404 path', { url: '/nothing/here' }, 404, json],
    ['a missing asset', { url: '/assets/missing.js' }, 404, json],
    [
      'a 413',
      { method: 'POST', url: '/api/secrets', payload: { ciphertext: 'A'.repeat(20_000), accessHash: p.accessHash } },
      413,
      json,
    ],
    [
      'a 415',
      {
        method: 'POST',
        url: '/api/secrets',
        payload: 'x=1',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
      },
      415,
      json,
    ],
    ['an undecodable URL', { url: '/s/%E0%A4%A' }, 400, json],
    ['a NUL in a static path', { url: '/assets/%00' }, 403, json],
    ['API 204 (burn)', { method: 'DELETE', url: `/api/secrets/${id}`, headers: auth }, 204, /^$/],
  ];
}

/** The whole policy, whatever the answer is. */
function expectHeaders(kind: string, headers: Record<string, unknown>, cacheControl: string) {
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) expect(headers[name], `${kind}: ${name}`).toBe(value);
  for (const name of NEVER) expect(headers[name], `${kind}: ${name}`).toBeUndefined();
  expect(headers['cache-control'], `${kind}: cache-control`).toBe(cacheControl);
}

describe('security headers', () => {
  it('sends the exact CSP and the other security headers on every kind of response', async () => {
    const app = await buildTestApp({ maxSecretBytes: 4096 });
    const all = await cases(app);
    for (const [kind, request, status, contentType] of all) {
      const res = await app.inject(request);
      expect(res.statusCode, kind).toBe(status);
      expect(res.headers['content-type'] ?? '', kind).toMatch(contentType);
      const cached: Record<string, string> = { 'an asset': IMMUTABLE, 'the API document': 'public, max-age=300' };
      expectHeaders(kind, res.headers, cached[kind] ?? 'no-store');
      if (status >= 400)
        expect(Object.keys(res.json()).sort(), kind).toEqual(expect.arrayContaining(['error', 'message']));
    }
    console.log(
      `headers: ${all.length} kinds of response, each with the exact CSP and ${Object.keys(SECURITY_HEADERS).length} ` +
        `security headers`,
    );
  });

  it('sends them on 429 and 503 too, with no-store', async () => {
    const limited = await buildTestApp({ rateLimitReveal: 1 });
    const guess = () =>
      limited.inject({
        method: 'POST',
        url: `/api/secrets/${'y'.repeat(21)}/reveal`,
        payload: { access: newProofs().access },
      });
    await guess();
    const tooMany = await guess();
    expect(tooMany.statusCode).toBe(429);
    expectHeaders('a 429', tooMany.headers, 'no-store');

    const down = await buildTestApp({}, { store: downStore });
    for (const request of [
      { url: '/readyz' },
      {
        method: 'POST',
        url: '/api/secrets',
        payload: { ciphertext: b64(fakeEnvelope()), accessHash: newProofs().accessHash },
      },
    ] as InjectOptions[]) {
      const res = await down.inject(request);
      expect(res.statusCode).toBe(503);
      expect(res.json()).toMatchObject({ error: 'store_unavailable' });
      expectHeaders('a 503', res.headers, 'no-store');
    }
  });

  it('keeps no-store on an asset that is not a 200', async () => {
    const app = await buildTestApp();
    const partial = await app.inject({ url: `/assets/${asset}`, headers: { range: 'bytes=0-9' } });
    expect(partial.statusCode).toBe(206);
    expectHeaders('a 206 asset', partial.headers, 'no-store');
  });
});
