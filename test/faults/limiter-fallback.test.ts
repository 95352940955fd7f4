/**
 * The per-address limits never fail open (issue 10, finding 1): when Redis cannot count —
 * over its maxmemory, killed, or refusing the limiter's keys — the rate limits and byte
 * budgets are counted in this process with the same budgets, one log line says so per
 * episode, and counting goes back to Redis once it can.
 */
import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { Redis } from 'ioredis';
import { afterEach, describe, expect, it } from 'vitest';
import type { Config } from '../../server/config.js';
import { captureLog } from '../helpers/log-capture.js';
import { b64, fakeEnvelope, newProofs } from '../helpers/proofs.js';
import { startRedis, type TestRedis } from '../helpers/redis-server.js';
import { buildTestApp } from '../helpers/server.js';

const FALLBACK = /counted in this process/;
const BACK = /counted in Redis again/;

const randomId = () => randomBytes(16).toString('base64url').slice(0, 21);
const guess = (app: FastifyInstance) =>
  app.inject({ method: 'POST', url: `/api/secrets/${randomId()}/reveal`, payload: { access: newProofs().access } });

async function guesses(app: FastifyInstance, count: number) {
  const codes: number[] = [];
  for (let i = 0; i < count; i++) codes.push((await guess(app)).statusCode);
  return codes;
}

let redis: TestRedis | undefined;
afterEach(async () => redis?.stop());

async function appOn(redisUrl: string, overrides: Partial<Config> = {}) {
  const log = captureLog();
  const app = await buildTestApp(
    { redisUrl, logLevel: 'info', rateLimitReveal: 5, ...overrides },
    { logStream: log.stream },
  );
  const lines = (pattern: RegExp) => log.entries().filter((entry) => pattern.test(String(entry.msg))).length;
  return { app, lines };
}

describe('the rate limiter when Redis cannot count', () => {
  it('still limits with Redis over its maxmemory, and logs it once', async () => {
    redis = await startRedis();
    const { app, lines } = await appOn(redis.url);
    const admin = new Redis(redis.url);
    try {
      await admin.config('SET', 'maxmemory', '1');
      expect(await guesses(app, 8)).toEqual([404, 404, 404, 404, 404, 429, 429, 429]);
      expect(lines(FALLBACK)).toBe(1);
    } finally {
      await admin.quit();
    }
    console.log('limiter, Redis over maxmemory: 5 guesses answered 404, then 429; one log line');
  });

  it('still limits with Redis killed, and counts in Redis again once it is back', async () => {
    redis = await startRedis();
    const { app, lines } = await appOn(redis.url);
    expect(await guesses(app, 2)).toEqual([404, 404]);
    await redis.kill();
    // The store answers 503 while Redis is away; the limit still holds for this address.
    expect(await guesses(app, 6)).toEqual([503, 503, 503, 429, 429, 429]);
    expect(lines(FALLBACK)).toBe(1);

    // Until Redis answers again the local count stands (429); then the restarted, empty Redis counts.
    await redis.restart();
    await expect.poll(async () => (await guess(app)).statusCode, { timeout: 10_000, interval: 200 }).toBe(404);
    const admin = new Redis(redis.url);
    try {
      expect(await admin.keys('bl:rate:*')).toEqual(['bl:rate:reveal:127.0.0.1']);
    } finally {
      await admin.quit();
    }
    expect(lines(BACK)).toBe(1);
    expect(lines(FALLBACK)).toBe(1);
  });
});

describe('the byte budget when Redis cannot count', () => {
  it('still refuses an address over its budget when Redis refuses the budget keys', async () => {
    redis = await startRedis();
    // A Redis user that may touch the secrets but not the budget's keys: Redis answers, but cannot count.
    const admin = new Redis(redis.url);
    await admin.call('ACL', 'SETUSER', 'app', 'on', 'nopass', '~bl:{*', '~bl:rate:*', '+@all');
    await admin.quit();
    const url = `redis://app@127.0.0.1:${redis.port}`;
    const { app, lines } = await appOn(url, { byteBudgetMibDays: 1, maxSecretBytes: 300 * 1024 });
    const create = () =>
      app.inject({
        method: 'POST',
        url: '/api/secrets',
        payload: {
          ciphertext: b64(fakeEnvelope({ bytes: 250 * 1024 })),
          accessHash: newProofs().accessHash,
          expiresIn: 86_400,
        },
      });
    const codes: number[] = [];
    for (let i = 0; i < 6; i++) codes.push((await create()).statusCode);
    // 1 MiB·days: four 250 KiB secrets for a day.
    expect(codes).toEqual([201, 201, 201, 201, 429, 429]);
    expect(lines(/byte budgets are counted in this process/)).toBe(1);
  });
});
