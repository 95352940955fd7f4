/**
 * Per-client rate limits (@fastify/rate-limit), keyed by `request.clientKey` and counted
 * in the app's Redis when there is one (plugins/redis.ts), so every app instance shares
 * them. Routes opt in with `rateLimiter(app, max, group)`; the check runs on request,
 * before the body is read.
 *
 * They never fail open: each instance also counts in its own memory, and when Redis
 * cannot count (full, frozen, down) that count answers until Redis can again
 * (redis-fallback.ts). Without Redis, the memory count is the only one.
 */
import rateLimit, { type FastifyRateLimitStore, type FastifyRateLimitStoreCtor } from '@fastify/rate-limit';
import type { FastifyInstance, onRequestHookHandler } from 'fastify';
import fp from 'fastify-plugin';
import type { Cluster, Redis } from 'ioredis';
import { HttpError } from '../errors.js';
import { setLatest } from '../local-counts.js';
import { RedisFallback } from '../redis-fallback.js';
import { lua, runScript } from '../store/redis-scripts.js';

/** Redis keys: `bl:rate:GROUP:CLIENT`, one a client and group, living one window. */
const KEY_PREFIX = 'bl:rate:';

/** KEYS: the counter. ARGV: window ms. Returns {count, ms left}. The TTL is set again should a key lack one. */
const COUNT = lua(`local count = redis.call('INCR', KEYS[1])
if count == 1 or redis.call('PTTL', KEYS[1]) < 0 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
return {count, redis.call('PTTL', KEYS[1])}`);

interface Count {
  current: number;
  ttl: number;
}

/** Fixed-window counters in Redis, with this process's own count beside them for when Redis cannot answer. */
class SharedCounters implements FastifyRateLimitStore {
  readonly #local = new Map<string, { count: number; resetAt: number }>();

  constructor(
    private readonly redis: Redis | Cluster | null,
    private readonly fallback: RedisFallback,
  ) {}

  incr(key: string, callback: (error: Error | null, result?: Count) => void, timeWindow: number): void {
    const local = this.#countLocally(key, timeWindow);
    const redis = this.redis;
    if (!redis) return callback(null, local);
    const remote = async (): Promise<Count> => {
      const [current, ttl] = (await runScript(redis, COUNT, [KEY_PREFIX + key], [timeWindow])) as [number, number];
      return { current, ttl };
    };
    void this.fallback.count(remote, local).then((count) => callback(null, count));
  }

  /** One store serves every limiter: the group is part of each key. */
  child(): FastifyRateLimitStore {
    return this;
  }

  #countLocally(key: string, timeWindow: number): Count {
    const now = Date.now();
    let entry = this.#local.get(key);
    if (!entry || entry.resetAt <= now) {
      // Set anew when a window starts: the windows that ended first go first.
      entry = { count: 0, resetAt: now + timeWindow };
      setLatest(this.#local, key, entry, (started) => started.resetAt <= now);
    }
    entry.count += 1;
    return { current: entry.count, ttl: entry.resetAt - now };
  }
}

async function rateLimitPlugin(app: FastifyInstance) {
  const counters = new SharedCounters(app.redis, new RedisFallback(app.log, 'rate limits'));
  await app.register(rateLimit, {
    global: false,
    // The plugin constructs its store itself; this hands it the one above.
    store: class {
      constructor() {
        return counters;
      }
    } as unknown as FastifyRateLimitStoreCtor,
    errorResponseBuilder: (_request, context) =>
      new HttpError(
        429,
        'rate_limited',
        `Too many requests from your address: try again in ${Math.max(1, Math.ceil(context.ttl / 1000))} seconds.`,
      ),
  });
}

/**
 * onRequest hooks for at most `max` requests a minute per client, one budget for every
 * route given the same `group`; none when max is 0. (The plugin's per-route `groupId`
 * would not do: it keeps one counter per route in memory.)
 */
export function rateLimiter(app: FastifyInstance, max: number, group: string): onRequestHookHandler[] {
  if (max === 0) return [];
  return [app.rateLimit({ max, timeWindow: 60_000, keyGenerator: (request) => `${group}:${request.clientKey}` })];
}

export default fp(rateLimitPlugin, {
  name: 'rate-limit',
  fastify: '5.x',
  dependencies: ['redis', 'client-key'],
});
