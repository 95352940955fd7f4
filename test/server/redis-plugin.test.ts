/** The app's Redis client: opened from the config, shared, and quit by the app that opened it — never by a store. */
import { once } from 'node:events';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildApp } from '../../server/app.js';
import { RedisStore } from '../../server/store/redis.js';
import { startRedis, type TestRedis } from '../helpers/redis-server.js';
import { buildTestApp, testConfig } from '../helpers/server.js';

let server: TestRedis;
beforeAll(async () => {
  server = await startRedis();
});
afterAll(() => server?.stop());

it('opens the client the config names, serves on it, and quits it when the app closes', async () => {
  const app = await buildApp(testConfig({ redisUrl: server.url }));
  const client = app.redis!;
  expect(client.status).toBe('ready');
  expect(app.store).toBeInstanceOf(RedisStore);
  expect((await app.inject({ url: '/readyz' })).statusCode).toBe(200);
  const ended = once(client, 'end');
  await app.close();
  await ended;
  expect(client.status).toBe('end');
});

it('opens none without a Redis in the config', async () => {
  const app = await buildTestApp();
  expect(app.redis).toBeNull();
});

it('leaves a client it was handed open: closing it is the creator’s job', async () => {
  const client = new Redis(server.url);
  const store = new RedisStore({ redis: client, limits: { maxAttempts: 3, receiptRetentionSeconds: 60 } });
  await store.ping();
  await store.close();
  expect(client.status).toBe('ready');
  await client.quit();
});
