/**
 * Per-client rate limits: guessing ids, proofs and manage tokens is throttled, IPv6 clients
 * count by network, and Redis shares the count between instances.
 */
import { describe, expect, it } from 'vitest';
import { b64, fakeEnvelope, newProofs } from '../helpers/proofs.js';
import { useRedis } from '../helpers/use-redis.js';
import { jsonOf } from '../helpers/json.js';
import { buildTestApp } from '../helpers/server.js';
import type { FastifyInstance } from 'fastify';
import { randomBytes } from 'node:crypto';

const randomId = () => randomBytes(16).toString('base64url').slice(0, 21);
const guess = (app: FastifyInstance, headers: Record<string, string> = {}, path = 'reveal') =>
  app.inject({
    method: 'POST',
    url: `/api/secrets/${randomId()}/${path}`,
    payload: { access: newProofs().access },
    headers,
  });

describe('rate limits', () => {
  it('stops a burst of reveals and status checks on random ids from one address', async () => {
    const app = await buildTestApp({ rateLimitReveal: 5 });
    const codes = [];
    for (let i = 0; i < 8; i++) codes.push((await guess(app, {}, i % 2 ? 'status' : 'reveal')).statusCode);
    expect(codes).toEqual([404, 404, 404, 404, 404, 429, 429, 429]);
    const refused = await guess(app);
    const refusal = jsonOf(refused, 'revealSecret', 429);
    expect(refusal).toMatchObject({ error: 'rate_limited' });
    expect(refusal.message).toMatch(/^Too many requests from your address: try again in \d+ seconds\.$/);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('limits creation separately', async () => {
    const app = await buildTestApp({ rateLimitCreate: 2, rateLimitReveal: 0 });
    const create = () =>
      app.inject({
        method: 'POST',
        url: '/api/secrets',
        payload: { ciphertext: b64(fakeEnvelope()), accessHash: newProofs().accessHash },
      });
    expect([(await create()).statusCode, (await create()).statusCode, (await create()).statusCode]).toEqual([
      201, 201, 429,
    ]);
    expect((await guess(app)).statusCode).toBe(404);
  });

  it('counts per client address, from X-Forwarded-For only when TRUST_PROXY is on', async () => {
    const trusting = await buildTestApp({ rateLimitReveal: 1, trustProxy: true });
    expect((await guess(trusting, { 'x-forwarded-for': '203.0.113.1' })).statusCode).toBe(404);
    expect((await guess(trusting, { 'x-forwarded-for': '203.0.113.2' })).statusCode).toBe(404);
    expect((await guess(trusting, { 'x-forwarded-for': '203.0.113.1' })).statusCode).toBe(429);

    const direct = await buildTestApp({ rateLimitReveal: 1, trustProxy: false });
    expect((await guess(direct, { 'x-forwarded-for': '203.0.113.1' })).statusCode).toBe(404);
    expect((await guess(direct, { 'x-forwarded-for': '203.0.113.2' })).statusCode).toBe(429);
  });

  it('takes from X-Forwarded-For only what the named proxies added', async () => {
    // inject's requests come from 127.0.0.1: the proxy here. Each client prepends a made-up address.
    const named = await buildTestApp({ rateLimitReveal: 1, trustProxy: '127.0.0.1' });
    expect((await guess(named, { 'x-forwarded-for': '198.51.100.1, 203.0.113.7' })).statusCode).toBe(404);
    expect((await guess(named, { 'x-forwarded-for': '198.51.100.2, 203.0.113.7' })).statusCode).toBe(429);
    expect((await guess(named, { 'x-forwarded-for': '198.51.100.2, 203.0.113.8' })).statusCode).toBe(404);

    // true believes the made-up entry too: every guess looks like a new client.
    const all = await buildTestApp({ rateLimitReveal: 1, trustProxy: true });
    expect((await guess(all, { 'x-forwarded-for': '198.51.100.1, 203.0.113.7' })).statusCode).toBe(404);
    expect((await guess(all, { 'x-forwarded-for': '198.51.100.2, 203.0.113.7' })).statusCode).toBe(404);

    // A peer that is not a named proxy gets no say at all.
    const elsewhere = await buildTestApp({ rateLimitReveal: 1, trustProxy: '10.0.0.0/8' });
    expect((await guess(elsewhere, { 'x-forwarded-for': '203.0.113.1' })).statusCode).toBe(404);
    expect((await guess(elsewhere, { 'x-forwarded-for': '203.0.113.2' })).statusCode).toBe(429);
  });

  it('limits receipt and burn on a budget of their own', async () => {
    const app = await buildTestApp({ rateLimitManage: 3, rateLimitReveal: 2 });
    const manage = (method: 'GET' | 'DELETE') =>
      app.inject({
        method,
        url: method === 'GET' ? `/api/secrets/${randomId()}/receipt` : `/api/secrets/${randomId()}`,
        headers: { authorization: `Bearer ${newProofs().access}` },
      });
    const codes = [];
    for (const method of ['GET', 'DELETE', 'GET', 'DELETE', 'GET'] as const)
      codes.push((await manage(method)).statusCode);
    expect(codes).toEqual([404, 404, 404, 429, 429]);
    expect((await manage('DELETE')).json()).toMatchObject({ error: 'rate_limited' });
    // The reveal budget is untouched by them.
    expect([(await guess(app)).statusCode, (await guess(app)).statusCode, (await guess(app)).statusCode]).toEqual([
      404, 404, 429,
    ]);
  });

  it('counts an IPv6 client by its /64 and an IPv4-mapped address as the IPv4 one', async () => {
    const app = await buildTestApp({ rateLimitReveal: 1, trustProxy: 'loopback' });
    const from = async (address: string) => (await guess(app, { 'x-forwarded-for': address })).statusCode;
    expect(await from('2001:db8:1:2::1')).toBe(404);
    expect(await from('2001:db8:1:2:ffff:ffff:ffff:9')).toBe(429);
    expect(await from('2001:db8:1:3::1')).toBe(404);
    expect(await from('203.0.113.5')).toBe(404);
    expect(await from('::ffff:203.0.113.5')).toBe(429);

    const perAddress = await buildTestApp({ rateLimitReveal: 1, trustProxy: 'loopback', rateLimitIpv6Prefix: 128 });
    expect((await guess(perAddress, { 'x-forwarded-for': '2001:db8:1:2::1' })).statusCode).toBe(404);
    expect((await guess(perAddress, { 'x-forwarded-for': '2001:db8:1:2::2' })).statusCode).toBe(404);
  });

  it('is off with 0', async () => {
    const app = await buildTestApp({ rateLimitReveal: 0 });
    const codes = new Set<number>();
    for (let i = 0; i < 100; i++) codes.add((await guess(app)).statusCode);
    expect([...codes]).toEqual([404]);
  });
});

describe('rate limits with Redis', () => {
  const redis = useRedis();

  it('shares one count between app instances', async () => {
    const a = await buildTestApp({ redisUrl: redis.url, rateLimitReveal: 4 });
    const b = await buildTestApp({ redisUrl: redis.url, rateLimitReveal: 4 });
    const codes = [];
    for (const app of [a, b, a, b, a, b]) codes.push((await guess(app)).statusCode);
    expect(codes).toEqual([404, 404, 404, 404, 429, 429]);
  });
});
