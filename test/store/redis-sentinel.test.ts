/**
 * The Redis store and the whole API behind Redis Sentinel (REDIS_SENTINELS): the shared
 * conformance suite through ioredis' Sentinel support, then a real failover — the primary
 * stepping down (`SENTINEL FAILOVER`) or killed — in the middle of a stream of creates and
 * reveals through the app. Throughout, no secret is served twice and every failure is a
 * 503; the same server serves again within seconds of the new primary.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { parseHostPorts } from '../../server/config.js';
import { quitRedis, redisClientOptions } from '../../server/plugins/redis.js';
import { RedisStore } from '../../server/store/redis.js';
import { connectSentinel, watchFailovers } from '../../server/store/redis-sentinel.js';
import { call, expectStoreUnavailable, send, startLoad } from '../faults/client.js';
import { startRedis } from '../helpers/redis-server.js';
import { startRedisSentinel, type TestRedisSentinel } from '../helpers/redis-sentinel.js';
import { createSecret } from '../helpers/proofs.js';
import { buildTestApp, startServer } from '../helpers/server.js';
import { describeSecretStore } from './conformance.js';

const QUIET = { info: () => {}, warn: () => {} };
const WORKERS = 6;
/** "Within a few seconds of the new primary", with room for a loaded machine. */
const RECOVERY_BOUND_MS = 10_000;

describe('on a Sentinel-managed primary', () => {
  let setup: TestRedisSentinel;
  beforeAll(async () => {
    setup = await startRedisSentinel();
  });
  afterAll(() => setup?.stop());

  // A client set up as the server sets up its own.
  describeSecretStore('redis sentinel', async (limits) => {
    const target = { sentinels: parseHostPorts(setup.sentinels), name: setup.name };
    const { redis, close } = connectSentinel(target, { ...redisClientOptions(5000), lazyConnect: true }, QUIET);
    await redis.connect();
    const store = new RedisStore({ redis, limits });
    const cleanup = async () => {
      close();
      await quitRedis(redis);
    };
    return { store, now: Date.now, advance: (ms) => sleep(ms), cleanup };
  });

  it('serves a secret’s life and shares the rate limit through REDIS_SENTINELS', async () => {
    const app = await buildTestApp({
      redisSentinels: setup.sentinels,
      redisSentinelName: setup.name,
      rateLimitReveal: 2,
    });
    expect((await app.inject({ method: 'GET', url: '/readyz' })).statusCode).toBe(200);
    const { id, ciphertext, proofs } = await createSecret(app);
    const reveal = () =>
      app.inject({ method: 'POST', url: `/api/secrets/${id}/reveal`, payload: { access: proofs.access } });
    expect((await reveal()).json()).toEqual({ ciphertext, viewsLeft: 0 });
    expect((await reveal()).statusCode).toBe(404);
    expect((await reveal()).statusCode).toBe(429);
    const primary = new Redis((await setup.primary()).port, '127.0.0.1');
    onTestFinished(() => primary.disconnect());
    expect(await primary.keys('bl:rate:*')).toHaveLength(1);
  });
});

describe('the failover guard', () => {
  /** Polls until `check` holds, for at most 5 s. */
  async function until(check: () => boolean | Promise<boolean>, what: string): Promise<void> {
    const deadline = Date.now() + 5000;
    while (!(await check())) {
      expect(Date.now(), what).toBeLessThan(deadline);
      await sleep(20);
    }
  }

  it('stops at the start of its primary’s failover, goes back when it is called off, stays when it lands there', async () => {
    // A plain Redis plays the Sentinel: the test publishes its events there.
    const [data, sentinel] = await Promise.all([startRedis(), startRedis()]);
    onTestFinished(() => Promise.all([data.stop(), sentinel.stop()]).then(() => {}));
    const redis = new Redis(data.port, '127.0.0.1', { ...redisClientOptions(1000), lazyConnect: true });
    await redis.connect();
    const events = new Redis(sentinel.port, '127.0.0.1');
    const log: string[] = [];
    const target = { sentinels: [{ host: '127.0.0.1', port: sentinel.port }], name: 'burnlink' };
    const stop = watchFailovers(redis, target, redisClientOptions(1000), {
      info: (message) => log.push(message),
      warn: (message) => log.push(message),
    });
    onTestFinished(() => {
      stop();
      redis.disconnect();
      events.disconnect();
    });
    await until(async () => {
      const [, subscribers] = (await events.call('PUBSUB', 'NUMSUB', '+try-failover')) as [string, number];
      return subscribers === 1 && (await events.call('PUBSUB', 'NUMPAT')) === 1;
    }, 'subscribed');
    expect(await redis.ping()).toBe('PONG');
    const primary = `127.0.0.1 ${data.port}`;

    await events.publish('+try-failover', `master another ${primary}`);
    await sleep(200);
    expect(redis.status).toBe('ready');

    await events.publish('+try-failover', `master burnlink ${primary}`);
    await until(() => redis.status === 'end', 'disconnected');
    await expect(redis.ping()).rejects.toThrow(/Connection is closed/);
    await events.publish('-failover-abort-no-good-slave', `master burnlink ${primary}`);
    await until(() => redis.status === 'ready', 'back on the primary');
    expect(await redis.ping()).toBe('PONG');

    // Named the new primary where it already is: it stays connected.
    await events.publish('+switch-master', `burnlink 127.0.0.1 1 ${primary}`);
    await sleep(200);
    expect(redis.status).toBe('ready');
    expect(log).toEqual([
      expect.stringMatching(/^Redis failover of burnlink: Sentinel 127\.0\.0\.1:\d+ started a failover; answering 503/),
      'Redis failover of burnlink called off (-failover-abort-no-good-slave): back to the primary.',
      expect.stringMatching(/^Redis failover of burnlink: serving again, \d+ ms after it began\.$/),
    ]);
  });
});

interface Failover {
  name: string;
  inject(setup: TestRedisSentinel): Promise<void>;
}

const failovers: Failover[] = [
  { name: 'steps down (SENTINEL FAILOVER)', inject: (setup) => setup.failover() },
  { name: 'is killed (SIGKILL)', inject: async (setup) => (await setup.primary()).kill('SIGKILL') },
];

describe.each(failovers)('when the primary $name during load', (failover) => {
  it('answers 503, never 500, serves again within seconds of the new primary and never serves a secret twice', async () => {
    const setup = await startRedisSentinel();
    onTestFinished(() => setup.stop());
    const server = await startServer({
      redisSentinels: setup.sentinels,
      redisSentinelName: setup.name,
      // On, so their counters in Redis go through the failover too.
      rateLimitCreate: 1_000_000,
      rateLimitReveal: 1_000_000,
    });
    onTestFinished(() => server.close());
    const base = server.url;
    const before = await setup.primary();

    const traffic = startLoad(base, { workers: WORKERS });
    await sleep(700);
    const switched = setup.nextSwitch();
    const faultAt = performance.now();
    await failover.inject(setup);
    const switchAt = await switched;
    // Served again: the first secret created through the same server after the switch.
    let servedAt: number | undefined;
    while (servedAt === undefined) {
      expect(performance.now() - switchAt, 'not serving again').toBeLessThan(RECOVERY_BOUND_MS);
      const { answer } = await send(base);
      if (answer.status === 201) servedAt = answer.at;
      else await sleep(50);
    }
    await sleep(500);
    const finalAnswers = await traffic.finish();
    expect(await setup.primary()).not.toBe(before);

    const all = [...traffic.answers, ...finalAnswers];
    const unexpected = all.filter((answer) => ![200, 201, 404, 503].includes(answer.status));
    expect(unexpected).toEqual([]);
    const unavailable = all.filter((answer) => answer.status === 503);
    expect(unavailable.length, 'the failover was felt').toBeGreaterThan(0);
    expect(unavailable.every(expectStoreUnavailable)).toBe(true);
    expect(finalAnswers.every((answer) => answer.status === 200 || answer.status === 404)).toBe(true);
    expect((await call(base, 'GET', '/readyz')).status).toBe(200);

    const { ledger } = traffic;
    expect(ledger.twice()).toEqual([]);
    // Every acknowledged secret is served exactly once, but for those whose reveal was cut
    // off (503): that may have burned it unseen.
    expect(ledger.lost()).toEqual([]);
    const first503 = Math.min(...unavailable.map((answer) => answer.at - answer.ms));
    const last503 = Math.max(...unavailable.map((answer) => answer.at));
    console.log(
      `Sentinel failover (the primary ${failover.name}): ${all.length} requests, ${unavailable.length} answered 503, ` +
        `none 500; new primary named ${Math.round(switchAt - faultAt)} ms after the fault, ` +
        `served again ${Math.round(servedAt - switchAt)} ms after that; 503s for ${Math.round(last503 - first503)} ms; ` +
        `${ledger.sent.length} secrets, ${ledger.twice().length} served twice, ` +
        `${ledger.burnedUnseen()} burned by a cut-off reveal`,
    );
  }, 60_000);
});
