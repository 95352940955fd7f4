/**
 * What one client may keep in the store, and the room kept for small secrets, so that
 * nobody can fill the store for everyone else (docs/SECURITY.md).
 *
 * - **Byte budget.** A stored secret costs its size times its lifetime (plus a fixed
 *   overhead per secret, so tiny ones count too). Each client (`request.clientKey`) has
 *   a bucket of `BYTE_BUDGET_MIB_DAYS` that refills evenly over
 *   `BYTE_BUDGET_WINDOW_SECONDS`; a create it cannot pay for is `429 quota_exceeded`
 *   with `Retry-After`. The buckets live in Redis when the store does (shared by every
 *   instance), with this process's own count as the fallback (redis-fallback.ts).
 * - **Headroom.** Above `100 − STORE_HEADROOM_PERCENT` % of the store (the memory
 *   store's budget, Redis's maxmemory), only small, short-lived secrets are taken
 *   (`503 store_nearly_full` for the rest), and a client may then hold no more than a
 *   1/64 share of the room left: each new address can take only a sliver of what is
 *   left, so 50 of them still leave most of the headroom.
 *
 * Routes opt in with `preHandler: byteBudget(app, measure)`, where `measure` reads the
 * stored size and lifetime from the validated body; a refused or failed create is
 * refunded when it is answered.
 */
import type {
  FastifyInstance,
  FastifyReply,
  FastifyRequest,
  onResponseAsyncHookHandler,
  preHandlerAsyncHookHandler,
} from 'fastify';
import fp from 'fastify-plugin';
import type { Cluster, Redis } from 'ioredis';
import { decodedLength } from '../base64url.js';
import type { Config } from '../config.js';
import { HttpError } from '../errors.js';
import { setLatest } from '../local-counts.js';
import { RedisFallback } from '../redis-fallback.js';
import { memoryStoreFill, RedisStoreFill, type StoreFill } from '../store-fill.js';
import { ENTRY_OVERHEAD_BYTES, MemoryStore } from '../store/memory.js';
import { lua, NOW_MS, runScript } from '../store/redis-scripts.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** The byte budgets and the headroom rule; routes use them through `byteBudget()`. */
    storageGuard: StorageGuard;
  }
}

/** What a request would store: envelope bytes, for how long. */
interface StoredSize {
  bytes: number;
  seconds: number;
}

const MiB = 1024 * 1024;
const DAY = 86_400;
/** The largest envelope taken while the store is short of room: a text, a key, a certificate. */
export const SMALL_SECRET_BYTES = 16 * 1024;
/** Short of room, one client may hold this fraction of the room left (as 1-day secrets). */
const CROWDED_SHARE = 1 / 64;
/** Redis keys: `bl:budget:CLIENT`, "LEVEL MS" (byte-seconds spent, when), living until the bucket is empty. */
const KEY_PREFIX = 'bl:budget:';

/**
 * KEYS: the bucket. ARGV: cost (byte-seconds; negative refunds), allowance, refill per ms.
 * Returns {1, 0} when charged, {0, ms until it would fit} when not.
 */
const CHARGE = lua(`${NOW_MS}
local now = now_ms()
local cost, allowance, rate = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3])
local level, at = 0, now
local value = redis.call('GET', KEYS[1])
if value then
  local space = string.find(value, ' ')
  level, at = tonumber(string.sub(value, 1, space - 1)), tonumber(string.sub(value, space + 1))
end
level = math.max(0, level - math.max(0, now - at) * rate)
if cost > 0 and level + cost > allowance then return {0, math.ceil((level + cost - allowance) / rate)} end
level = math.max(0, level + cost)
if level == 0 then
  redis.call('DEL', KEYS[1])
else
  redis.call('SET', KEYS[1], string.format('%.0f %.0f', level, now), 'PX', math.ceil(level / rate) + 1000)
end
return {1, 0}`);

type Verdict = { charged: true } | { charged: false; retryMs: number };

/** Token buckets of byte-seconds, in this process. */
class LocalBuckets {
  readonly #buckets = new Map<string, { level: number; at: number }>();

  constructor(private readonly ratePerMs: number) {}

  charge(key: string, cost: number, allowance: number, now = Date.now()): Verdict {
    const bucket = this.#buckets.get(key);
    const level = bucket ? Math.max(0, bucket.level - Math.max(0, now - bucket.at) * this.ratePerMs) : 0;
    if (cost > 0 && level + cost > allowance) {
      return { charged: false, retryMs: Math.ceil((level + cost - allowance) / this.ratePerMs) };
    }
    const next = Math.max(0, level + cost);
    const empty = (entry: { level: number; at: number }) => entry.level <= (now - entry.at) * this.ratePerMs;
    if (next > 0) setLatest(this.#buckets, key, { level: next, at: now }, empty);
    else this.#buckets.delete(key);
    return { charged: true };
  }
}

interface Charge {
  key: string;
  cost: number;
  bytes: number;
}

/** The byte budgets and headroom rule of one app (see the top of this file). */
export class StorageGuard {
  readonly #capacity: number;
  readonly #ratePerMs: number;
  readonly #headroom: number;
  readonly #smallSeconds: number;
  readonly #local: LocalBuckets;
  readonly #fallback: RedisFallback;
  readonly #charges = new WeakMap<FastifyRequest, Charge>();

  constructor(
    private readonly config: Config,
    private readonly fill: StoreFill | undefined,
    private readonly redis: Redis | Cluster | null,
    fallback: RedisFallback,
  ) {
    this.#capacity = config.byteBudgetMibDays * MiB * DAY;
    this.#ratePerMs = this.#capacity / (config.byteBudgetWindowSeconds * 1000);
    this.#headroom = config.storeHeadroomPercent / 100;
    this.#smallSeconds = Math.max(DAY, config.minExpiresIn);
    this.#local = new LocalBuckets(this.#ratePerMs);
    this.#fallback = fallback;
  }

  /** Whether there is anything to check: a budget, or headroom the store's fill can be known for. */
  get active(): boolean {
    return this.#capacity > 0 || (this.#headroom > 0 && this.fill !== undefined);
  }

  /** Admits a request that would store `size`, charging its client; throws the refusal otherwise. */
  async admit(request: FastifyRequest, reply: FastifyReply, size: StoredSize): Promise<void> {
    const fill = this.#headroom > 0 ? this.fill?.current() : undefined;
    const crowded = fill !== undefined && fill.used >= fill.max * (1 - this.#headroom);
    if (crowded && (size.bytes > SMALL_SECRET_BYTES || size.seconds > this.#smallSeconds)) {
      throw storeNearlyFull(this.#smallSeconds);
    }
    if (this.#capacity === 0) {
      this.#charges.set(request, { key: '', cost: 0, bytes: size.bytes });
      return;
    }
    const cost = (size.bytes + ENTRY_OVERHEAD_BYTES) * size.seconds;
    if (cost > this.#capacity) throw tooLongForBudget(this.config.byteBudgetMibDays);
    const allowance = crowded
      ? Math.min(this.#capacity, Math.max(0, fill.max - fill.used) * DAY * CROWDED_SHARE)
      : this.#capacity;
    const key = request.clientKey;
    const verdict = await this.#charge(key, cost, allowance);
    if (!verdict.charged) {
      reply.header('retry-after', String(Math.ceil(verdict.retryMs / 1000)));
      throw overBudget(this.config.byteBudgetMibDays, verdict.retryMs);
    }
    this.#charges.set(request, { key, cost, bytes: size.bytes });
  }

  /** Settles an admitted request once answered: a stored secret counts towards the fill, anything else is refunded. */
  async settle(request: FastifyRequest, statusCode: number): Promise<void> {
    const charge = this.#charges.get(request);
    if (!charge) return;
    this.#charges.delete(request);
    if (statusCode < 300) this.fill?.stored(charge.bytes);
    else if (charge.cost > 0) await this.#charge(charge.key, -charge.cost, this.#capacity);
  }

  async #charge(key: string, cost: number, allowance: number): Promise<Verdict> {
    const local = this.#local.charge(key, cost, allowance);
    const redis = this.redis;
    if (!redis) return local;
    const remote = async (): Promise<Verdict> => {
      const [charged, retryMs] = (await runScript(
        redis,
        CHARGE,
        [KEY_PREFIX + key],
        [cost, allowance, this.#ratePerMs],
      )) as [number, number];
      return charged === 1 ? { charged: true } : { charged: false, retryMs };
    };
    const verdict = await this.#fallback.count(remote, local);
    // Redis said no where this process said yes: this process's count must not keep the charge.
    if (!verdict.charged && local.charged) this.#local.charge(key, -cost, this.#capacity);
    return verdict;
  }
}

/** "3 hours", "2 days": a wait as a person reads it. */
function duration(ms: number): string {
  const minutes = Math.max(1, Math.ceil(ms / 60_000));
  if (minutes < 120) return `${minutes} minute${minutes === 1 ? '' : 's'}`;
  const hours = Math.ceil(minutes / 60);
  return hours < 48 ? `${hours} hours` : `${Math.ceil(hours / 24)} days`;
}

const overBudget = (mibDays: number, retryMs: number) =>
  new HttpError(
    429,
    'quota_exceeded',
    `Your address has stored as much as this server allows for now (${mibDays} MiB·days: size × days kept). ` +
      `Try again in ${duration(retryMs)}, or send less, or choose a shorter expiry.`,
  );

const tooLongForBudget = (mibDays: number) =>
  new HttpError(
    429,
    'quota_exceeded',
    `This secret is too large to keep for that long: one address may store ${mibDays} MiB·days (size × days kept). ` +
      'Choose a shorter expiry or send less.',
  );

const storeNearlyFull = (smallSeconds: number) =>
  new HttpError(
    503,
    'store_nearly_full',
    `The server is short of room: for now it takes only secrets up to ${SMALL_SECRET_BYTES / 1024} KiB ` +
      `that expire within ${duration(smallSeconds * 1000)}. Try a smaller secret or a shorter expiry, or try again later.`,
  );

async function byteBudgetPlugin(app: FastifyInstance, { config }: { config: Config }) {
  const { store, redis } = app;
  const fill = redis
    ? new RedisStoreFill(redis, app.log)
    : store instanceof MemoryStore
      ? memoryStoreFill(store.budget)
      : undefined;
  const guard = new StorageGuard(config, fill, redis, new RedisFallback(app.log, 'byte budgets'));
  app.decorate('storageGuard', guard);
  if (!guard.active) return;
  // A first Redis sample before the first create needs one.
  fill?.current();
}

/** A body that stores an envelope: its base64url text, and for how long (else the default expiry). */
interface EnvelopeBody {
  ciphertext: string;
  expiresIn?: number;
}

/**
 * The hooks of a route that stores an envelope: a preHandler charging what it would store
 * to its client's byte budget, after the headroom check, and an onResponse settling the
 * charge once answered (kept if stored, refunded if not). None when both are off; only
 * these routes pay for them.
 */
export function byteBudget(
  app: FastifyInstance,
  config: Config,
): { preHandler?: preHandlerAsyncHookHandler; onResponse?: onResponseAsyncHookHandler } {
  const guard = app.storageGuard;
  if (!guard.active) return {};
  return {
    preHandler: async (request, reply) => {
      const body = request.body as EnvelopeBody;
      await guard.admit(request, reply, {
        bytes: decodedLength(body.ciphertext),
        seconds: body.expiresIn ?? config.defaultExpiresIn,
      });
    },
    onResponse: async (request, reply) => guard.settle(request, reply.statusCode),
  };
}

export default fp(byteBudgetPlugin, {
  name: 'byte-budget',
  fastify: '5.x',
  dependencies: ['secret-store', 'redis', 'client-key'],
});
