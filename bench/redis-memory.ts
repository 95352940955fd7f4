/**
 * What one stored secret costs Redis beyond its ciphertext: INFO used_memory before and
 * after N secrets created through the real RedisStore (the same Lua script the API
 * runs), and MEMORY USAGE on a sample of the keys, grouped by type (the secret is a
 * string, its receipt a hash) so the figures follow the layout if it changes.
 */
import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { nanoid } from 'nanoid';
import { RedisStore } from '../server/store/redis.js';

export interface KeyUsage {
  /** Keys of this Redis type in the sample. */
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
  /** MEMORY USAGE by Redis type: "string" (the secret), "hash" (the receipt). */
  byType: Record<string, KeyUsage>;
}

export interface RedisMemoryOptions {
  redisUrl: string;
  secrets: number;
  envelope: Uint8Array;
  /** Keys to sample for MEMORY USAGE. */
  sample?: number;
}

const IN_FLIGHT = 256;
const DAY = 86_400;

/** Fills an empty Redis with `secrets` secrets, measures, and empties it again. */
export async function measureRedisMemory(options: RedisMemoryOptions): Promise<RedisMemoryResult> {
  const redis = new Redis(options.redisUrl, { lazyConnect: true });
  await redis.connect();
  const store = new RedisStore({ redis, limits: { maxAttempts: 10, receiptRetentionSeconds: 7 * DAY } });
  try {
    await redis.flushall();
    const before = await usedMemory(redis);
    for (let created = 0; created < options.secrets; created += IN_FLIGHT) {
      const batch = Math.min(IN_FLIGHT, options.secrets - created);
      await Promise.all(
        Array.from({ length: batch }, () =>
          store.create({
            id: nanoid(),
            ciphertext: options.envelope,
            accessHash: randomBytes(32),
            manageHash: randomBytes(32),
            views: 1,
            ttlSeconds: DAY,
          }),
        ),
      );
    }
    const after = await usedMemory(redis);
    const keys = await redis.dbsize();
    const byType = await sampleKeys(redis, options.sample ?? 200);
    const usedMemoryPerSecret = (after - before) / options.secrets;
    return {
      secrets: options.secrets,
      envelopeBytes: options.envelope.length,
      usedMemoryPerSecret,
      overheadPerSecret: usedMemoryPerSecret - options.envelope.length,
      keysPerSecret: keys / options.secrets,
      byType,
    };
  } finally {
    await redis.flushall().catch(() => undefined);
    // Only this client closes; the store's close() would quit the same connection.
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
    const [type, bytes] = await Promise.all([redis.type(key), redis.memory('USAGE', key, 'SAMPLES', 0)]);
    const total = (totals[type] ??= { sampled: 0, bytes: 0 });
    total.sampled++;
    total.bytes += Number(bytes);
  }
  return Object.fromEntries(
    Object.entries(totals).map(([type, { sampled, bytes }]) => [type, { sampled, meanBytes: bytes / sampled }]),
  );
}
