/**
 * What one stored secret costs Redis beyond its ciphertext: INFO used_memory before and
 * after N secrets created through the real RedisStore (the same Lua script the API
 * runs), and MEMORY USAGE on a sample of the keys, grouped by the part each key plays
 * (its name's suffix: `:s` the secret, `:r` its receipt) so the figures still name both
 * whatever Redis type the layout gives them.
 */
import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { nanoid } from 'nanoid';
import { RedisStore } from '../server/store/redis.js';

export interface KeyUsage {
  /** Keys of this role in the sample. */
  sampled: number;
  /** Mean MEMORY USAGE of one key, bytes. */
  meanBytes: number;
}

export interface RedisMemoryResult {
  secrets: number;
  /** Bytes of the envelope each secret stores. */
  envelopeBytes: number;
  /** Growth of INFO used_memory divided by the number of secrets. */
  usedMemoryPerSecret: number;
  /** usedMemoryPerSecret minus the envelope: the overhead the target is about. */
  overheadPerSecret: number;
  /** Keys per secret (all keys / secrets). */
  keysPerSecret: number;
  /** MEMORY USAGE by key role: "secret", "receipt" (any other key: "other"). */
  byRole: Record<string, KeyUsage>;
  /**
   * MEMORY USAGE of receipts whose secret was then revealed: what most receipts look like
   * during their retention, as most secrets allow one view and get it.
   */
  viewedReceipt: KeyUsage;
}

export interface RedisMemoryOptions {
  redisUrl: string;
  secrets: number;
  envelope: Uint8Array;
  /** Keys to sample for MEMORY USAGE. */
  sample?: number;
}

const IN_FLIGHT = 256;
const ROLES: Record<string, string> = { ':s': 'secret', ':r': 'receipt' };
const DAY = 86_400;

/** Fills an empty Redis with `secrets` secrets, measures, and empties it again. */
export async function measureRedisMemory(options: RedisMemoryOptions): Promise<RedisMemoryResult> {
  const redis = new Redis(options.redisUrl, { lazyConnect: true });
  await redis.connect();
  const store = new RedisStore({ redis, limits: { maxAttempts: 10, receiptRetentionSeconds: 7 * DAY } });
  try {
    await redis.flushall();
    const before = await usedMemory(redis);
    const sample = options.sample ?? 200;
    const toReveal: { id: string; accessHash: Buffer }[] = [];
    for (let created = 0; created < options.secrets; created += IN_FLIGHT) {
      const batch = Math.min(IN_FLIGHT, options.secrets - created);
      await Promise.all(
        Array.from({ length: batch }, () => {
          const secret = { id: nanoid(), accessHash: randomBytes(32) };
          if (toReveal.length < sample) toReveal.push(secret);
          return store.create({
            ...secret,
            ciphertext: options.envelope,
            manageHash: randomBytes(32),
            views: 1,
            ttlSeconds: DAY,
          });
        }),
      );
    }
    const after = await usedMemory(redis);
    const keys = await redis.dbsize();
    const byRole = await sampleKeys(redis, sample);
    let viewedBytes = 0;
    for (const secret of toReveal) {
      await store.reveal(secret);
      viewedBytes += Number(await redis.memory('USAGE', `bl:{${secret.id}}:r`, 'SAMPLES', 0));
    }
    const usedMemoryPerSecret = (after - before) / options.secrets;
    return {
      secrets: options.secrets,
      envelopeBytes: options.envelope.length,
      usedMemoryPerSecret,
      overheadPerSecret: usedMemoryPerSecret - options.envelope.length,
      keysPerSecret: keys / options.secrets,
      byRole,
      viewedReceipt: { sampled: toReveal.length, meanBytes: viewedBytes / toReveal.length },
    };
  } finally {
    await redis.flushall().catch(() => undefined);
    // The store never closes the client it was given: this one is ours to close.
    redis.disconnect();
  }
}

async function usedMemory(redis: Redis): Promise<number> {
  const info = await redis.info('memory');
  const match = /^used_memory:(\d+)/m.exec(info);
  if (!match) throw new Error('INFO memory has no used_memory line');
  return Number(match[1]);
}

async function sampleKeys(redis: Redis, sample: number): Promise<Record<string, KeyUsage>> {
  const totals: Record<string, { sampled: number; bytes: number }> = {};
  for (let i = 0; i < sample; i++) {
    const key = await redis.randomkey();
    if (key === null) break;
    const bytes = await redis.memory('USAGE', key, 'SAMPLES', 0);
    const total = (totals[ROLES[key.slice(-2)] ?? 'other'] ??= { sampled: 0, bytes: 0 });
    total.sampled++;
    total.bytes += Number(bytes);
  }
  return Object.fromEntries(
    Object.entries(totals).map(([role, { sampled, bytes }]) => [role, { sampled, meanBytes: bytes / sampled }]),
  );
}
