/**
 * How full the secret store is, in bytes, for the headroom kept for small secrets
 * (plugins/byte-budget.ts). The memory store knows its fill exactly. Redis is asked with
 * `INFO memory` (used_memory / maxmemory) at most once a second, never on a request's
 * path; between samples, what this instance stored since is added, so a burst of creates
 * cannot overshoot the threshold by a second's worth. On a cluster the fullest primary
 * counts: a secret lands on any of them.
 */
import type { FastifyBaseLogger } from 'fastify';
import type { Cluster, Redis } from 'ioredis';

/** Bytes used of the store's limit (the memory store's budget, Redis's maxmemory). */
export interface Fill {
  used: number;
  max: number;
}

export interface StoreFill {
  /** The fill; undefined while unknown (no sample yet, or Redis without maxmemory). */
  current(): Fill | undefined;
  /** An envelope of `bytes` was just stored. */
  stored(bytes: number): void;
}

/** The memory store's (and its request store's) shared byte budget. */
export function memoryStoreFill(budget: { readonly usedBytes: number; readonly maxBytes: number }): StoreFill {
  return { current: () => ({ used: budget.usedBytes, max: budget.maxBytes }), stored: () => {} };
}

const SAMPLE_INTERVAL_MS = 1000;
/** What Redis spends on a stored envelope beyond its bytes (docs/OPERATIONS.md: allocator rounding, keys, receipt). */
const ALLOCATOR_ROUNDING = 1.25;
const PER_SECRET_BYTES = 400;

export class RedisStoreFill implements StoreFill {
  #sample: Fill | undefined;
  #sampledAt = -Infinity;
  #sampling = false;
  #storedSince = 0;
  #warned = false;

  constructor(
    private readonly redis: Redis | Cluster,
    private readonly log: FastifyBaseLogger,
    private readonly now: () => number = Date.now,
  ) {}

  current(): Fill | undefined {
    if (this.now() - this.#sampledAt >= SAMPLE_INTERVAL_MS) void this.#refresh();
    if (!this.#sample || this.#sample.max === 0) return undefined;
    return { used: this.#sample.used + this.#storedSince, max: this.#sample.max };
  }

  stored(bytes: number): void {
    this.#storedSince += bytes * ALLOCATOR_ROUNDING + PER_SECRET_BYTES;
  }

  async #refresh(): Promise<void> {
    if (this.#sampling) return;
    this.#sampling = true;
    this.#sampledAt = this.now();
    try {
      // isCluster rather than instanceof: the memory store's byte budget imports this module without ioredis.
      const nodes = this.redis.isCluster ? (this.redis as Cluster).nodes('master') : [this.redis];
      const samples = await Promise.all(nodes.map(async (node) => memoryOf(await node.info('memory'))));
      const fill = (sample: Fill) => (sample.max === 0 ? 0 : sample.used / sample.max);
      this.#sample = samples.reduce((fullest, sample) => (fill(sample) > fill(fullest) ? sample : fullest));
      this.#storedSince = 0;
      if (this.#sample.max === 0 && !this.#warned) {
        this.#warned = true;
        this.log.warn(
          'Redis has no maxmemory: the headroom for small secrets (STORE_HEADROOM_PERCENT) cannot apply. Set maxmemory.',
        );
      }
    } catch {
      // The last sample stands: an unreachable Redis is answered 503 by the store anyway.
    } finally {
      this.#sampling = false;
    }
  }
}

function memoryOf(info: string): Fill {
  const field = (name: string) => Number(new RegExp(`^${name}:(\\d+)`, 'm').exec(info)?.[1] ?? 0);
  return { used: field('used_memory'), max: field('maxmemory') };
}
