/**
 * The app's Redis client, when the config names a Redis (REDIS_URL, REDIS_CLUSTER_NODES
 * or REDIS_SENTINELS): created here, decorated as `app.redis` for the store, the rate
 * limiter and the byte budget, and closed here when the app closes. Those plugins
 * register after this one, so their onClose hooks run before its own: the client is
 * quit only once nothing uses it any more.
 */
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { Cluster, Redis, RedisOptions } from 'ioredis';
import { parseHostPorts, type Config } from '../config.js';
import type { SentinelClient } from '../store/redis-sentinel.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** The Redis client the config names, shared by the store and the limits; null without one. */
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

async function redisPlugin(app: FastifyInstance, { config }: { config: Config }) {
  if (!config.redisUrl && !config.redisClusterNodes && !config.redisSentinels) {
    app.decorate<Redis | Cluster | null>('redis', null);
    return;
  }
  // Loaded only with a Redis: the memory store's start-up need not evaluate ioredis
  // (docs/BENCHMARKS.md, "Start-up").
  const { Cluster, Redis } = await import('ioredis');
  const clientOptions = redisClientOptions(config.redisCommandTimeoutMs);
  let sentinel: SentinelClient | undefined;
  if (config.redisSentinels) {
    const target = { sentinels: parseHostPorts(config.redisSentinels), name: config.redisSentinelName! };
    const { connectSentinel } = await import('../store/redis-sentinel.js');
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
  app.decorate<Redis | Cluster | null>('redis', client);
  app.addHook('onClose', async () => {
    // First, or a failover during shutdown would reconnect the closed client.
    sentinel?.close();
    await quitRedis(client);
  });
  await waitForReady(client);
}

/** Quits the client after its pending replies; one already down or never connected just stops reconnecting. */
export async function quitRedis(client: Redis | Cluster): Promise<void> {
  try {
    await client.quit();
  } catch {
    client.disconnect();
  }
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

export default fp(redisPlugin, { name: 'redis', fastify: '5.x' });
