/**
 * The Redis store and the whole API on a real Redis Cluster (REDIS_CLUSTER_NODES): the
 * shared conformance suite through ioredis's Cluster client, secrets spread over every
 * node, and a secret's life plus the shared rate limit through the app.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { Cluster, Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { quitRedis, redisClientOptions } from '../../server/plugins/redis.js';
import { RedisStore } from '../../server/store/redis.js';
import type { StoreLimits } from '../../server/store/secret-store.js';
import { startRedisCluster, type TestRedisCluster } from '../helpers/redis-cluster.js';
import { jsonOf } from '../helpers/json.js';
import { createSecret } from '../helpers/proofs.js';
import { buildTestApp } from '../helpers/server.js';
import { RedisRequestStore } from '../../server/store/redis-requests.js';
import { LIMITS, describeSecretStore, expectRevealed, makeSecret } from './conformance.js';
import { describeRequestStore } from './request-conformance.js';

let cluster: TestRedisCluster;
beforeAll(async () => {
  cluster = await startRedisCluster();
}, 30_000);
afterAll(() => cluster?.stop());

/** A Cluster client set up as the server sets up its own. */
async function connectCluster(): Promise<Cluster> {
  const client = new Cluster(
    cluster.seeds.split(',').map((seed) => ({ host: '127.0.0.1', port: Number(seed.split(':')[1]) })),
    { enableOfflineQueue: false, redisOptions: redisClientOptions(5000), lazyConnect: true },
  );
  await client.connect();
  return client;
}

/** A store on a client of its own, and what closes that client (the store does not). */
async function makeStore(limits: StoreLimits = LIMITS) {
  const redis = await connectCluster();
  return { store: new RedisStore({ redis, limits }), close: () => quitRedis(redis) };
}

describeSecretStore('redis cluster', async (limits) => {
  const { store, close } = await makeStore(limits);
  return { store, now: Date.now, advance: (ms) => sleep(ms), cleanup: close };
});

describeRequestStore('redis cluster', async (limits) => {
  const redis = await connectCluster();
  const store = new RedisRequestStore({ redis, limits });
  return { store, now: Date.now, advance: (ms) => sleep(ms), cleanup: () => quitRedis(redis) };
});

describe('RedisStore on a cluster', () => {
  it('spreads secrets over every node, each with both its keys on one', async () => {
    const { store, close } = await makeStore();
    onTestFinished(close);
    const secrets = Array.from({ length: 30 }, () => makeSecret({ views: 2 }));
    await Promise.all(secrets.map((secret) => store.create(secret)));
    for (const secret of secrets) expectRevealed(await store.reveal({ id: secret.id, accessHash: secret.accessHash }));

    // Each node lists only its own keys.
    const nodes = cluster.nodes.map((node) => new Redis(node.port, '127.0.0.1'));
    onTestFinished(() => nodes.forEach((node) => node.disconnect()));
    const keysByNode = await Promise.all(nodes.map(async (node) => new Set(await node.keys('bl:*'))));
    const holders = secrets.map((secret) => {
      const [own, receipt] = [`bl:{${secret.id}}:s`, `bl:{${secret.id}}:r`];
      const holding = keysByNode.flatMap((keys, i) => (keys.has(own) || keys.has(receipt) ? [i] : []));
      expect(holding, `the keys of ${secret.id}`).toHaveLength(1);
      expect(keysByNode[holding[0]!]!.has(own) && keysByNode[holding[0]!]!.has(receipt)).toBe(true);
      return holding[0];
    });
    expect(new Set(holders).size).toBe(cluster.nodes.length);
  });
});

describe('the API on a cluster', () => {
  it('serves a secret’s life and shares the rate limit through REDIS_CLUSTER_NODES', async () => {
    const app = await buildTestApp({ redisClusterNodes: cluster.seeds, rateLimitReveal: 3 });
    expect((await app.inject({ method: 'GET', url: '/readyz' })).statusCode).toBe(200);
    const { id, manageToken, ciphertext, proofs } = await createSecret(app, { views: 2 });

    const reveal = () =>
      app.inject({ method: 'POST', url: `/api/secrets/${id}/reveal`, payload: { access: proofs.access } });
    expect((await reveal()).json()).toEqual({ ciphertext, viewsLeft: 1 });
    const receipt = await app.inject({
      method: 'GET',
      url: `/api/secrets/${id}/receipt`,
      headers: { authorization: `Bearer ${manageToken}` },
    });
    const seen = jsonOf(receipt, 'getReceipt', 200);
    expect(seen).toMatchObject({ state: 'pending', viewsLeft: 1 });
    expect(seen.viewedAt).toHaveLength(1);
    expect((await reveal()).statusCode).toBe(200);
    expect((await reveal()).statusCode).toBe(404);
    // Three reveals a minute per address, counted in the cluster: the fourth is refused.
    expect((await reveal()).statusCode).toBe(429);
    const counters = await Promise.all(
      cluster.nodes.map(async (node) => {
        const client = new Redis(node.port, '127.0.0.1');
        const keys = await client.keys('bl:rate:*');
        client.disconnect();
        return keys;
      }),
    );
    expect(counters.flat()).toHaveLength(1);
  });
});

describe('the API when a cluster node dies', () => {
  it('answers 503 for the secrets on that node only, fast, and serves them again once it is back', async () => {
    // Fsynced on every write, so the node comes back with exactly what it acknowledged.
    const own = await startRedisCluster({ args: ['--appendonly', 'yes', '--appendfsync', 'always'] });
    onTestFinished(() => own.stop());
    const app = await buildTestApp({ redisClusterNodes: own.seeds });
    const created = await Promise.all(Array.from({ length: 24 }, () => createSecret(app, { views: 2 })));
    const reveal = (secret: (typeof created)[number]) =>
      app.inject({
        method: 'POST',
        url: `/api/secrets/${secret.id}/reveal`,
        payload: { access: secret.proofs.access },
      });

    const victim = own.nodes[1]!;
    const onVictim = new Set(
      await (async () => {
        const client = new Redis(victim.port, '127.0.0.1');
        const keys = await client.keys('bl:*:s');
        client.disconnect();
        return keys.map((key) => key.slice('bl:{'.length, -'}:s'.length));
      })(),
    );
    expect(onVictim.size).toBeGreaterThan(0);
    expect(onVictim.size).toBeLessThan(created.length);

    await victim.kill();
    const started = performance.now();
    const during = await Promise.all(created.map(reveal));
    const tookMs = performance.now() - started;
    created.forEach((secret, i) => {
      expect(during[i]!.statusCode, secret.id).toBe(onVictim.has(secret.id) ? 503 : 200);
    });
    // Bounded by the store's fail-fast settings, not by a TCP timeout.
    expect(tookMs).toBeLessThan(10_000);

    await victim.restart();
    const restarted = performance.now();
    // Status burns nothing: poll with it until the node answers again, then reveal once.
    const stranded = created.filter((secret) => onVictim.has(secret.id));
    const status = (secret: (typeof created)[number]) =>
      app.inject({
        method: 'POST',
        url: `/api/secrets/${secret.id}/status`,
        payload: { access: secret.proofs.access },
      });
    const deadline = Date.now() + 15_000;
    while ((await Promise.all(stranded.map(status))).some((answer) => answer.statusCode === 503)) {
      expect(Date.now(), 'the node did not come back').toBeLessThan(deadline);
      await sleep(100);
    }
    const after = await Promise.all(stranded.map(reveal));
    // One view each was left: the ones refused with 503 were never counted.
    expect(after.map((answer) => answer.statusCode)).toEqual([...onVictim].map(() => 200));
    expect(after.map((answer) => jsonOf(answer, 'revealSecret', 200).viewsLeft)).toEqual([...onVictim].map(() => 1));
    console.log(
      `cluster node down: ${onVictim.size} of ${created.length} reveals answered 503 (the rest 200) in ` +
        `${Math.round(tookMs)} ms; served again ${Math.round(performance.now() - restarted)} ms after the restart`,
    );
  }, 60_000);
});
