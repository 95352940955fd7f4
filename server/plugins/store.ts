/**
 * Decorates the app with its SecretStore: the one passed in, else Redis when
 * configured, else the in-memory store. The store is closed with the app.
 */
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { Cluster, Redis, type RedisOptions } from 'ioredis';
import { parseHostPorts, type Config } from '../config.js';
import { MemoryBudget } from '../store/memory-budget.js';
import { MemoryStore } from '../store/memory.js';
import { checkEvictionPolicy, checkRedisVersion, RedisStore } from '../store/redis.js';
import { connectSentinel, type SentinelClient } from '../store/redis-sentinel.js';
import { MemoryRequestStore } from '../store/memory-requests.js';
import { RedisRequestStore } from '../store/redis-requests.js';
import type { RequestStore } from '../store/request-store.js';
import type { SecretStore, StoreLimits } from '../store/secret-store.js';

declare module 'fastify' {
  interface FastifyInstance {
    store: SecretStore;
    /** Requests for secrets, in the same Redis or the same memory budget as the secrets. */
    requests: RequestStore;
    /** The Redis client behind the store, shared with the rate limiter; null with the memory store. */
    redis: Redis | Cluster | null;
  }
}

/**
 * The Redis client's settings, also used by the store's tests. Fail fast while Redis is
 * down (503 at once) instead of queueing requests behind it; `commandTimeout` covers a
 * Redis that accepts connections but does not answer (frozen, partitioned), which would
 * otherwise hold every request until the OS gives up on the socket.
 */
export const redisClientOptions = (commandTimeout: number): RedisOptions => ({
  enableOfflineQueue: false,
  maxRetriesPerRequest: 1,
  connectTimeout: 2000,
  commandTimeout,
  // Commands cut off by a dropped connection are failed, not sent again after the
  // reconnect: the scripts are not idempotent (a create would find its own id taken).
  autoResendUnfulfilledCommands: false,
  retryStrategy: (attempt) => Math.min(attempt * 200, 2000),
  // Not enableAutoPipelining: measured slower with wrk (create −4 to −16 %), and a frozen
  // Redis then held requests beyond commandTimeout unless every call was bounded from its
  // start (docs/BENCHMARKS.md, "Throughput").
});

/** How long start-up waits for Redis before serving anyway (and answering 503 until it comes). */
const READY_WAIT_MS = 5000;

async function storePlugin(
  app: FastifyInstance,
  options: { config: Config; store?: SecretStore; requests?: RequestStore },
) {
  const { config } = options;
  const limits: StoreLimits = {
    maxAttempts: config.maxPassphraseAttempts,
    receiptRetentionSeconds: config.receiptRetentionSeconds,
  };
  let store = options.store;
  let redis: Redis | Cluster | null = null;
  let sentinel: SentinelClient | undefined;
  if (!store && (config.redisUrl || config.redisClusterNodes || config.redisSentinels)) {
    const clientOptions = redisClientOptions(config.redisCommandTimeoutMs);
    if (config.redisSentinels) {
      const target = { sentinels: parseHostPorts(config.redisSentinels), name: config.redisSentinelName! };
      sentinel = connectSentinel(target, clientOptions, {
        info: (message) => app.log.info(message),
        warn: (message) => app.log.warn(message),
      });
    }
    const client =
      sentinel?.redis ??
      (config.redisClusterNodes
        ? new Cluster(parseHostPorts(config.redisClusterNodes), {
            enableOfflineQueue: false,
            redisOptions: clientOptions,
          })
        : new Redis(config.redisUrl!, clientOptions));
    // ioredis reports connection errors as events; without a listener they would crash the process.
    client.on('error', (err: Error) => app.log.warn({ reason: err.message }, 'redis connection error'));
    await waitForReady(client);
    store = new RedisStore({ redis: client, limits });
    for (const check of [checkRedisVersion, checkEvictionPolicy]) {
      const warning = await check(client).catch(() => null);
      if (warning) app.log.warn(warning);
    }
    redis = client;
  }
  if (!store) {
    store = new MemoryStore({ limits, maxBytes: config.memoryStoreBytes });
    app.log.warn('Using the in-memory store: secrets do not survive a restart. Set REDIS_URL for production.');
  }
  const requests: RequestStore =
    options.requests ??
    (redis
      ? new RedisRequestStore({ redis, limits })
      : new MemoryRequestStore({
          limits,
          // Within the secrets' budget, so together they stay within MEMORY_STORE_BYTES.
          budget: store instanceof MemoryStore ? store.budget : new MemoryBudget(config.memoryStoreBytes),
        }));
  app.decorate('store', store);
  app.decorate('requests', requests);
  app.decorate<Redis | Cluster | null>('redis', redis);
  app.addHook('onClose', async () => {
    // First, or a failover during shutdown would reconnect the closed client.
    sentinel?.close();
    await requests.close();
    await store.close();
  });
}

function waitForReady(redis: Redis | Cluster): Promise<void> {
  if (redis.status === 'ready') return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(done, READY_WAIT_MS);
    redis.once('ready', done);
    function done() {
      clearTimeout(timer);
      redis.off('ready', done);
      resolve();
    }
  });
}

export default fp(storePlugin, { name: 'secret-store', fastify: '5.x' });
