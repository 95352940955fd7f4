import { setTimeout as sleep } from 'node:timers/promises';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { quitRedis, redisClientOptions } from '../../server/plugins/redis.js';
import { RedisStore, checkEvictionPolicy, checkRedisVersion } from '../../server/store/redis.js';
import {
  StoreUnavailableError,
  type NewSecret,
  type SecretStore,
  type StoreLimits,
} from '../../server/store/secret-store.js';
import { startRedis, type TestRedis } from '../helpers/redis-server.js';
import { RedisRequestStore } from '../../server/store/redis-requests.js';
import { LIMITS, describeSecretStore, expectRevealed, makeSecret, randomHash } from './conformance.js';
import { describeRequestStore } from './request-conformance.js';

/** A client set up as the server sets up its own, reconnecting sooner for the outage tests. */
async function connectClient(url: string): Promise<Redis> {
  const redis = new Redis(url, {
    ...redisClientOptions(5000),
    connectTimeout: 1000,
    retryStrategy: () => 200,
    lazyConnect: true,
  });
  await redis.connect();
  return redis;
}

/** A store on a client of its own, and what closes that client (the store does not). */
async function makeStore(url: string, limits: StoreLimits = LIMITS, keyPrefix?: string) {
  const redis = await connectClient(url);
  return { store: new RedisStore({ redis, limits, keyPrefix }), close: () => quitRedis(redis) };
}

let server: TestRedis;
beforeAll(async () => {
  server = await startRedis();
});
afterAll(() => server?.stop());

describeSecretStore('redis', async (limits) => {
  const { store, close } = await makeStore(server.url, limits);
  return { store, now: Date.now, advance: (ms) => sleep(ms), cleanup: close };
});

describeRequestStore('redis', async (limits) => {
  const redis = await connectClient(server.url);
  const store = new RedisRequestStore({ redis, limits });
  return { store, now: Date.now, advance: (ms) => sleep(ms), cleanup: () => quitRedis(redis) };
});

describe('RedisStore', () => {
  let store: RedisStore;
  let closeStore: () => Promise<void>;
  let inspect: Redis;
  beforeAll(async () => {
    ({ store, close: closeStore } = await makeStore(server.url));
    inspect = await connectClient(server.url);
  });
  afterAll(async () => {
    await closeStore?.();
    await inspect?.quit();
  });

  it('stores the ciphertext as raw bytes right after a small header', async () => {
    const plain = makeSecret();
    const locked = makeSecret({ unlockHash: randomHash() });
    await store.create(plain);
    await store.create(locked);

    expect(await inspect.getrangeBuffer(`bl:{${plain.id}}:s`, 37, -1)).toEqual(Buffer.from(plain.ciphertext));
    expect(await inspect.strlen(`bl:{${plain.id}}:s`)).toBe(plain.ciphertext.length + 37);
    expect(await inspect.getrangeBuffer(`bl:{${locked.id}}:s`, 69, -1)).toEqual(Buffer.from(locked.ciphertext));
    expect(await inspect.strlen(`bl:{${locked.id}}:s`)).toBe(locked.ciphertext.length + 69);
  });

  it('gives both keys a TTL at creation and keeps it through counter updates', async () => {
    const secret = makeSecret({ views: 2, unlockHash: randomHash(), ttlSeconds: 600 });
    await store.create(secret);
    const [secretKey, receiptKey] = [`bl:{${secret.id}}:s`, `bl:{${secret.id}}:r`];
    expect(await inspect.ttl(secretKey)).toBeGreaterThan(590);
    expect(await inspect.ttl(receiptKey)).toBeGreaterThan(590 + LIMITS.receiptRetentionSeconds);

    await store.reveal({ id: secret.id, accessHash: secret.accessHash, unlockHash: randomHash() });
    expectRevealed(await store.reveal({ id: secret.id, accessHash: secret.accessHash, unlockHash: secret.unlockHash }));
    expect(await inspect.ttl(secretKey)).toBeGreaterThan(590);
    expect(await inspect.ttl(receiptKey)).toBeGreaterThan(590 + LIMITS.receiptRetentionSeconds);
  });

  it('packs the receipt into one string whose layout does not drift', async () => {
    const secret = makeSecret({ views: 300, unlockHash: randomHash(), ttlSeconds: 600 });
    const { expiresAt } = await store.create(secret);
    const receiptKey = `bl:{${secret.id}}:r`;
    const read = async () => (await inspect.getBuffer(receiptKey))!;
    const uint48 = (ms: number) => Buffer.from(ms.toString(16).padStart(12, '0'), 'hex');
    const manage = Buffer.from(secret.manageHash.subarray(0, 16));
    const ttl = Buffer.from([0, 0, 0x02, 0x58]);
    // version 3, state pending (0), 300 views (0x012c), no failed attempts, expiresAt, first half of the manage hash, TTL 600 s
    expect(await read()).toEqual(Buffer.concat([Buffer.from([3, 0, 0x01, 0x2c, 0]), uint48(expiresAt), manage, ttl]));

    await store.reveal({ id: secret.id, accessHash: secret.accessHash, unlockHash: randomHash() });
    expectRevealed(await store.reveal({ id: secret.id, accessHash: secret.accessHash, unlockHash: secret.unlockHash }));
    const revealed = await read();
    // 299 views, 1 failed attempt, then one 6-byte view time
    expect(revealed.subarray(0, 31)).toEqual(
      Buffer.concat([Buffer.from([3, 0, 0x01, 0x2b, 1]), uint48(expiresAt), manage, ttl]),
    );
    expect(revealed).toHaveLength(37);
    const viewedAt = parseInt(revealed.subarray(31).toString('hex'), 16);
    expect(Math.abs(viewedAt - Date.now())).toBeLessThan(1000);
    expect(await store.receipt(secret.id, secret.manageHash)).toMatchObject({
      createdAt: expiresAt - 600_000,
      viewedAt: [viewedAt],
      burnedAt: null,
    });

    expect(await store.burn(secret.id, secret.manageHash)).toBe(true);
    // state burned (2), no views left, the rest unchanged, then the 6-byte burn time
    const burned = await read();
    expect(burned.subarray(0, 37)).toEqual(Buffer.concat([Buffer.from([3, 2, 0, 0]), revealed.subarray(4)]));
    expect(burned).toHaveLength(43);
    const burnedAt = parseInt(burned.subarray(37).toString('hex'), 16);
    expect(await store.receipt(secret.id, secret.manageHash)).toMatchObject({ viewedAt: [viewedAt], burnedAt });

    const locked = makeSecret({ unlockHash: randomHash() });
    await store.create(locked);
    for (let i = 0; i < LIMITS.maxAttempts; i++) {
      await store.reveal({ id: locked.id, accessHash: locked.accessHash, unlockHash: randomHash() });
    }
    // state locked (3), no views left, 3 failed attempts; header, then only the lock time
    const lockedReceipt = (await inspect.getBuffer(`bl:{${locked.id}}:r`))!;
    expect(lockedReceipt.subarray(0, 5)).toEqual(Buffer.from([3, 3, 0, 0, 3]));
    expect(lockedReceipt).toHaveLength(37);
  });

  it('keeps a receipt in one allocation with its object header through two events', async () => {
    // Redis embeds strings of up to 44 bytes in their object ("embstr"); every change
    // rewrites the receipt whole, as SETRANGE or APPEND would turn it into a separate one.
    const secret = makeSecret({ views: 3, unlockHash: randomHash() });
    await store.create(secret);
    const receiptKey = `bl:{${secret.id}}:r`;
    const encoding = () => inspect.object('ENCODING', receiptKey);
    expect(await encoding()).toBe('embstr');
    await store.reveal({ id: secret.id, accessHash: secret.accessHash, unlockHash: randomHash() });
    expect(await encoding()).toBe('embstr');
    expectRevealed(await store.reveal({ id: secret.id, accessHash: secret.accessHash, unlockHash: secret.unlockHash }));
    expect(await encoding()).toBe('embstr');
    expect(await store.burn(secret.id, secret.manageHash)).toBe(true);
    expect(await inspect.strlen(receiptKey)).toBe(43);
    expect(await encoding()).toBe('embstr');
  });

  it('compares the first 16 bytes of the manage hash, all a receipt of layout 3 keeps', async () => {
    const secret = makeSecret();
    await store.create(secret);
    const wrongSecondHalf = Uint8Array.from(secret.manageHash);
    wrongSecondHalf[31]! ^= 1;
    // The routes hash the token; here the store is given the hash. A token whose hash shares
    // the first 16 bytes is as hard to find as one that shares all 32, so either answers.
    expect(await store.receipt(secret.id, wrongSecondHalf)).not.toBeNull();
    const wrongFirstHalf = Uint8Array.from(secret.manageHash);
    wrongFirstHalf[0]! ^= 1;
    expect(await store.receipt(secret.id, wrongFirstHalf)).toBeNull();
    expect(await store.burn(secret.id, wrongFirstHalf)).toBe(false);
    expect(await store.burn(secret.id, secret.manageHash)).toBe(true);
  });

  it('reads, updates and burns a receipt of layout 2, which kept the whole manage hash', async () => {
    const secret = makeSecret({ views: 2, ttlSeconds: 600 });
    const { expiresAt } = await store.create(secret);
    const receiptKey = `bl:{${secret.id}}:r`;
    const layout3 = (await inspect.getBuffer(receiptKey))!;
    // What the earlier version wrote: the whole manage hash, then the TTL.
    const layout2 = Buffer.concat([Buffer.from([2]), layout3.subarray(1, 11), secret.manageHash, layout3.subarray(27)]);
    expect(layout2).toHaveLength(47);
    await inspect.set(receiptKey, layout2, 'KEEPTTL');

    expect(await store.receipt(secret.id, secret.manageHash)).toMatchObject({
      state: 'pending',
      createdAt: expiresAt - 600_000,
      viewsLeft: 2,
    });
    const wrongSecondHalf = Uint8Array.from(secret.manageHash);
    wrongSecondHalf[31]! ^= 1;
    expect(await store.receipt(secret.id, wrongSecondHalf)).toBeNull();
    expect(await store.burn(secret.id, wrongSecondHalf)).toBe(false);
    expectRevealed(await store.reveal({ id: secret.id, accessHash: secret.accessHash }));
    expect(await store.burn(secret.id, secret.manageHash)).toBe(true);
    const burned = (await inspect.getBuffer(receiptKey))!;
    // Still layout 2: header, one view time, the burn time.
    expect(burned.readUInt8(0)).toBe(2);
    expect(burned).toHaveLength(59);
    expect(await store.receipt(secret.id, secret.manageHash)).toMatchObject({
      state: 'burned',
      createdAt: expiresAt - 600_000,
      viewsLeft: 0,
    });
  });

  it('reads and serves a packed receipt of layout 1, which kept no creation or burn time', async () => {
    const secret = makeSecret({ views: 2 });
    const { expiresAt } = await store.create(secret);
    const receiptKey = `bl:{${secret.id}}:r`;
    // What the earliest version wrote: layout 2 without its TTL field.
    const layout3 = (await inspect.getBuffer(receiptKey))!;
    const layout1 = Buffer.concat([Buffer.from([1]), layout3.subarray(1, 11), secret.manageHash]);
    await inspect.set(receiptKey, layout1, 'KEEPTTL');

    expect(await store.receipt(secret.id, secret.manageHash)).toEqual({
      state: 'pending',
      createdAt: null,
      expiresAt,
      burnedAt: null,
      viewsLeft: 2,
      viewedAt: [],
      failedAttempts: 0,
    });
    expectRevealed(await store.reveal({ id: secret.id, accessHash: secret.accessHash }));
    const [viewedAt] = (await store.receipt(secret.id, secret.manageHash))!.viewedAt;
    expect(Math.abs(viewedAt! - Date.now())).toBeLessThan(1000);
    expect(await store.burn(secret.id, secret.manageHash)).toBe(true);
    // No burn time appended to a layout that has no room for one.
    expect(await inspect.strlen(receiptKey)).toBe(49);
    expect(await store.receipt(secret.id, secret.manageHash)).toMatchObject({
      state: 'burned',
      createdAt: null,
      burnedAt: null,
      viewedAt: [viewedAt],
    });
  });

  it('reads a hash receipt of the earlier layout as no receipt, and still serves the secret', async () => {
    const secret = makeSecret({ unlockHash: randomHash(), views: 2 });
    await store.create(secret);
    const receiptKey = `bl:{${secret.id}}:r`;
    await inspect.del(receiptKey);
    await inspect.hset(receiptKey, { manage: Buffer.from(secret.manageHash), state: 'pending', viewsLeft: 2 });
    await inspect.expire(receiptKey, 600);

    expect(await store.receipt(secret.id, secret.manageHash)).toBeNull();
    expect(
      await store.reveal({ id: secret.id, accessHash: secret.accessHash, unlockHash: randomHash() }),
    ).toMatchObject({
      kind: 'wrong_passphrase',
    });
    expectRevealed(await store.reveal({ id: secret.id, accessHash: secret.accessHash, unlockHash: secret.unlockHash }));
    expect(await store.burn(secret.id, secret.manageHash)).toBe(false);
    expect(await store.status(secret.id, secret.accessHash)).toMatchObject({ viewsLeft: 1 });
    expect(await inspect.hget(receiptKey, 'state')).toBe('pending');
  });

  it('keeps both keys of a secret under one hash tag and the configured prefix', async () => {
    const prefixed = await makeStore(server.url, LIMITS, 'other:');
    const secret = makeSecret();
    await prefixed.store.create(secret);
    expect(await inspect.exists(`other:{${secret.id}}:s`, `other:{${secret.id}}:r`)).toBe(2);
    expect(await store.status(secret.id, secret.accessHash)).toBeNull();
    await prefixed.close();
    expect(() => new RedisStore({ redis: inspect, limits: LIMITS, keyPrefix: '{x}' })).toThrow(RangeError);
  });

  it('loads its scripts again after Redis forgot them, also for many calls at once', async () => {
    const secret = makeSecret();
    await store.create(secret);
    await inspect.script('FLUSH');
    expectRevealed(await store.reveal({ id: secret.id, accessHash: secret.accessHash }));
    // Issued together, these all miss the script before any of them has loaded it again.
    await inspect.script('FLUSH');
    const secrets = Array.from({ length: 20 }, () => makeSecret({ views: 2 }));
    await Promise.all(secrets.map((s) => store.create(s)));
    await inspect.script('FLUSH');
    const [statuses, reveals] = await Promise.all([
      Promise.all(secrets.map((s) => store.status(s.id, s.accessHash))),
      Promise.all(secrets.map((s) => store.reveal({ id: s.id, accessHash: s.accessHash }))),
    ]);
    for (const status of statuses) expect(status).toMatchObject({ passphrase: false });
    reveals.forEach(expectRevealed);
  });

  it('warns unless the eviction policy is noeviction', async () => {
    expect(await checkEvictionPolicy(inspect)).toBeNull();
    await inspect.config('SET', 'maxmemory-policy', 'allkeys-lru');
    try {
      expect(await checkEvictionPolicy(inspect)).toMatch(/allkeys-lru.*noeviction/);
    } finally {
      await inspect.config('SET', 'maxmemory-policy', 'noeviction');
    }
  });

  it('warns when Redis is too old for the scripts', async () => {
    expect(await checkRedisVersion(inspect)).toBeNull();
    // No older Redis can run here: an INFO reply as one would send it.
    const old = { info: async () => '# Server\r\nredis_version:6.2.14\r\nredis_mode:standalone\r\n' };
    expect(await checkRedisVersion(old)).toMatch(/^Redis 6\.2\.14 is older than 7\.0/);
  });
});

describe('RedisStore when Redis is full', () => {
  let full: TestRedis;
  let store: RedisStore;
  let closeStore: () => Promise<void>;
  beforeAll(async () => {
    full = await startRedis({ args: ['--maxmemory', '2mb'] });
    ({ store, close: closeStore } = await makeStore(full.url));
  });
  afterAll(async () => {
    await closeStore?.();
    await full?.stop();
  });

  it("answers 'full' to a create, yet still serves a last view", async () => {
    const stored: NewSecret[] = [];
    let refusal: unknown;
    for (let i = 0; i < 40 && !refusal; i++) {
      const secret = makeSecret({ ciphertext: new Uint8Array(200_000) });
      await store.create(secret).then(
        () => stored.push(secret),
        (error: unknown) => (refusal = error),
      );
    }
    expect(refusal).toBeInstanceOf(StoreUnavailableError);
    expect(refusal).toMatchObject({ reason: 'full' });

    const [first] = stored;
    expectRevealed(await store.reveal({ id: first!.id, accessHash: first!.accessHash }));
    expect(await store.receipt(first!.id, first!.manageHash)).toMatchObject({ state: 'viewed' });
  });

  it('locks a passphrase secret at a wrong guess it has no room to count, and still burns', async () => {
    const guarded = makeSecret({ unlockHash: randomHash(), views: 1 });
    const burned = makeSecret();
    await store.create(guarded);
    await store.create(burned);
    // Over maxmemory for certain, however small a write: a just-refused create can leave
    // room for small ones once Redis has freed its request.
    const admin = new Redis(full.url);
    await admin.config('SET', 'maxmemory', '1');
    try {
      await expect(store.create(makeSecret())).rejects.toMatchObject({ reason: 'full' });
      // Uncounted guesses next to a working right answer would lift the attempt cap.
      expect(await store.reveal({ id: guarded.id, accessHash: guarded.accessHash, unlockHash: randomHash() })).toEqual({
        kind: 'wrong_passphrase',
        attemptsLeft: 0,
      });
      expect(
        await store.reveal({ id: guarded.id, accessHash: guarded.accessHash, unlockHash: guarded.unlockHash }),
      ).toEqual({
        kind: 'not_found',
      });
      expect(await store.receipt(guarded.id, guarded.manageHash)).toMatchObject({ state: 'locked', failedAttempts: 1 });

      expect(await store.burn(burned.id, burned.manageHash)).toBe(true);
      expect(await store.receipt(burned.id, burned.manageHash)).toMatchObject({ state: 'burned' });
    } finally {
      await admin.config('SET', 'maxmemory', '2mb');
      await admin.quit();
    }
  });
});

describe('RedisStore when Redis is down', () => {
  let down: TestRedis;
  let store: RedisStore;
  let closeStore: () => Promise<void>;
  beforeAll(async () => {
    down = await startRedis();
    ({ store, close: closeStore } = await makeStore(down.url));
  });
  afterAll(async () => {
    await closeStore?.();
    await down?.stop();
  });

  it('rejects every operation quickly with StoreUnavailableError, then recovers', async () => {
    const secret = makeSecret();
    await store.create(secret);
    await down.stop();

    const started = Date.now();
    const operations: ((s: SecretStore) => Promise<unknown>)[] = [
      (s) => s.create(makeSecret()),
      (s) => s.status(secret.id, secret.accessHash),
      (s) => s.reveal({ id: secret.id, accessHash: secret.accessHash }),
      (s) => s.burn(secret.id, secret.manageHash),
      (s) => s.receipt(secret.id, secret.manageHash),
      (s) => s.ping(),
    ];
    for (const operation of operations) {
      await expect(operation(store)).rejects.toMatchObject({ name: 'StoreUnavailableError', reason: 'unreachable' });
    }
    expect(Date.now() - started).toBeLessThan(3000);

    await down.restart();
    await expect
      .poll(
        () =>
          store.ping().then(
            () => true,
            () => false,
          ),
        { timeout: 5000 },
      )
      .toBe(true);
    // The restarted Redis has lost its data and its script cache; new work goes through.
    const fresh = makeSecret();
    await store.create(fresh);
    expectRevealed(await store.reveal({ id: fresh.id, accessHash: fresh.accessHash }));
  });
});
