/**
 * Redis fails under load — killed (connection refused) or frozen (connections open,
 * nothing answers, like a network partition) — and comes back. Throughout: every
 * request is answered, within a short bound, with a result or a 503 JSON error;
 * /readyz says 503 during the fault; the server recovers by itself; and no secret is
 * ever served twice, before, during or after (every acknowledged secret is revealed
 * once more at the end to count).
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { startRedis, type TestRedis } from '../helpers/redis-server.js';
import { startServer, type RunningServer } from '../helpers/server.js';
import { call, expectStoreUnavailable, reveal, send, startLoad, waitUntilReady } from './client.js';

const WORKERS = 6;
const PAUSE_MS = 20;
/** "Fails fast": the longest any answer may take, fault or not. */
const BOUND_MS = 3000;

interface Fault {
  name: string;
  /** Long enough for requests to fail: a frozen Redis costs a request two command timeouts (rate limit, store). */
  lastsMs: number;
  inject(redis: TestRedis): Promise<void>;
  heal(redis: TestRedis): Promise<void>;
}

const faults: Fault[] = [
  {
    name: 'killed (SIGKILL), then restarted',
    lastsMs: 800,
    inject: (redis) => redis.kill('SIGKILL'),
    heal: (redis) => redis.restart(),
  },
  {
    name: 'frozen (SIGSTOP), then resumed',
    lastsMs: 2500,
    inject: async (redis) => redis.freeze(),
    heal: async (redis) => redis.thaw(),
  },
];

describe.each(faults)('Redis $name during load', (fault) => {
  let redis: TestRedis | undefined;
  let server: RunningServer | undefined;
  afterEach(async () => {
    await server?.close();
    await redis?.stop();
  });

  it('answers 503 fast, says so on /readyz, recovers by itself and never serves a secret twice', async () => {
    // AOF fsynced on every write, so secrets and burns survive the kill and the count below is exact.
    redis = await startRedis({ args: ['--appendonly', 'yes', '--appendfsync', 'always'] });
    // Rate limits on, so their Redis counters are under the fault too.
    server = await startServer({ redisUrl: redis.url, rateLimitCreate: 1_000_000, rateLimitReveal: 1_000_000 });
    const base = server.url;

    const traffic = startLoad(base, { workers: WORKERS, pauseMs: PAUSE_MS });
    await sleep(700);
    await fault.inject(redis);
    const faultStarted = performance.now();
    await sleep(300);
    const readyDuringFault = await call(base, 'GET', '/readyz');
    await sleep(Math.max(0, fault.lastsMs - (performance.now() - faultStarted)));
    await fault.heal(redis);
    const faultMs = performance.now() - faultStarted;
    const recoveredMs = await waitUntilReady(base);
    await sleep(500);
    // After: every acknowledged secret is tried once more, and a fresh one works end to end.
    const finalAnswers = await traffic.finish();
    const { sent: fresh } = await send(base);
    expect(fresh).toBeDefined();
    expect((await reveal(base, fresh!)).status).toBe(200);

    const all = [...traffic.answers, ...finalAnswers];
    const unavailable = all.filter((answer) => answer.status === 503);
    const unexpected = all.filter((answer) => ![200, 201, 404, 503].includes(answer.status));
    expect(unexpected).toEqual([]);
    expect(unavailable.length, 'the fault was felt').toBeGreaterThan(0);
    expect(unavailable.every(expectStoreUnavailable)).toBe(true);
    const slowest = Math.max(...all.map((answer) => answer.ms));
    expect(slowest).toBeLessThan(BOUND_MS);
    expect(readyDuringFault.status).toBe(503);
    expect(readyDuringFault.body).toMatchObject({ error: 'store_unavailable' });
    expect(finalAnswers.every((answer) => answer.status === 200 || answer.status === 404)).toBe(true);

    const twice = traffic.ledger.twice();
    expect(twice).toEqual([]);
    // A reveal cut off by the fault may have burned its secret without delivering it,
    // at most one per worker; every other acknowledged secret is served exactly once.
    const neverServed = traffic.ledger.burnedUnseen();
    expect(neverServed).toBeLessThanOrEqual(WORKERS);
    console.log(
      `outage (Redis ${fault.name}): ${all.length} requests, fault ${Math.round(faultMs)} ms, ${unavailable.length} answered 503, ` +
        `slowest ${Math.round(slowest)} ms, /readyz 503 then 200 after ${Math.round(recoveredMs)} ms; ` +
        `${traffic.ledger.sent.length} secrets, ${twice.length} served twice, ${neverServed} burned by a cut-off reveal`,
    );
  }, 30_000);
});
