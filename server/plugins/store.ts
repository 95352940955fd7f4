/**
 * Decorates the app with its SecretStore and RequestStore: the ones passed in, else on
 * the app's Redis client (plugins/redis.ts) when the config names one, else in memory.
 * The stores are closed with the app; the Redis client is not theirs to close.
 */
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { Config } from '../config.js';
import { MemoryBudget } from '../store/memory-budget.js';
import { MemoryStore } from '../store/memory.js';
import { MemoryRequestStore } from '../store/memory-requests.js';
import type { RequestStore } from '../store/request-store.js';
import type { SecretStore, StoreLimits } from '../store/secret-store.js';

declare module 'fastify' {
  interface FastifyInstance {
    store: SecretStore;
    /** Requests for secrets, in the same Redis or the same memory budget as the secrets. */
    requests: RequestStore;
  }
}

async function storePlugin(
  app: FastifyInstance,
  options: { config: Config; store?: SecretStore; requests?: RequestStore },
) {
  const { config } = options;
  const { redis } = app;
  const limits: StoreLimits = {
    maxAttempts: config.maxPassphraseAttempts,
    receiptRetentionSeconds: config.receiptRetentionSeconds,
  };
  // The Redis stores are loaded only with a Redis, as ioredis is (plugins/redis.ts).
  let store = options.store;
  if (!store && redis) {
    const { checkEvictionPolicy, checkRedisVersion, RedisStore } = await import('../store/redis.js');
    store = new RedisStore({ redis, limits });
    // A Redis too old for the scripts, or one that may evict secrets, is served on with a warning.
    const warnings = await Promise.all(
      [checkRedisVersion, checkEvictionPolicy].map((check) => check(redis).catch(() => null)),
    );
    for (const warning of warnings) if (warning) app.log.warn(warning);
  }
  if (!store) {
    store = new MemoryStore({ limits, maxBytes: config.memoryStoreBytes });
    app.log.warn('Using the in-memory store: secrets do not survive a restart. Set REDIS_URL for production.');
  }
  let requests = options.requests;
  if (!requests && redis) {
    const { RedisRequestStore } = await import('../store/redis-requests.js');
    requests = new RedisRequestStore({ redis, limits });
  }
  requests ??= new MemoryRequestStore({
    limits,
    // Within the secrets' budget, so together they stay within MEMORY_STORE_BYTES.
    budget: store instanceof MemoryStore ? store.budget : new MemoryBudget(config.memoryStoreBytes),
  });
  app.decorate('store', store);
  app.decorate('requests', requests);
  app.addHook('onClose', async () => {
    await requests.close();
    await store.close();
  });
}

export default fp(storePlugin, { name: 'secret-store', fastify: '5.x', dependencies: ['redis'] });
