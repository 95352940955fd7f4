/**
 * A throwaway Redis Sentinel setup: a primary, a replica and three Sentinels, each a
 * `startRedis` process on its own free port and directory. Ready once the replica is in
 * sync and every Sentinel knows the replica and the two other Sentinels, so both a
 * `SENTINEL FAILOVER` and a failover after the primary dies (quorum 2) can happen.
 */
import { Redis } from 'ioredis';
import { setTimeout as sleep } from 'node:timers/promises';
import { startRedis, type TestRedis } from './redis-server.js';

const NAME = 'burnlink';
const SENTINELS = 3;
const READY_TIMEOUT_MS = 20_000;
/** Sentinel's own defaults (30 s, 3 min) are for production; quicker, yet not fooled by a busy machine. */
const DOWN_AFTER_MS = 1500;
const FAILOVER_TIMEOUT_MS = 5000;

export interface TestRedisSentinel {
  /** The name the Sentinels monitor the primary under (REDIS_SENTINEL_NAME). */
  name: string;
  /** `host:port,…` of the Sentinels, as REDIS_SENTINELS takes it. */
  sentinels: string;
  /** The first primary and its replica; which is primary now, `primary()` says. */
  nodes: [TestRedis, TestRedis];
  /** The node the Sentinels name primary now. */
  primary(): Promise<TestRedis>;
  /** `SENTINEL FAILOVER`: the primary steps down for its replica. */
  failover(): Promise<void>;
  /** Resolves with `performance.now()` when a Sentinel next names a new primary (+switch-master). */
  nextSwitch(timeoutMs?: number): Promise<number>;
  stop(): Promise<void>;
}

/** `args` go to both data nodes. */
export async function startRedisSentinel(options: { args?: string[] } = {}): Promise<TestRedisSentinel> {
  const started: TestRedis[] = [];
  const clients: Redis[] = [];
  const stop = async () => {
    clients.forEach((client) => client.disconnect());
    await Promise.all(started.map((node) => node.stop()));
  };
  try {
    const primary = await startRedis({ args: options.args });
    started.push(primary);
    const replicaArgs = ['--replicaof', '127.0.0.1', String(primary.port), ...(options.args ?? [])];
    const replica = await startRedis({ args: replicaArgs });
    started.push(replica);
    const config = [
      `sentinel monitor ${NAME} 127.0.0.1 ${primary.port} 2`,
      `sentinel down-after-milliseconds ${NAME} ${DOWN_AFTER_MS}`,
      `sentinel failover-timeout ${NAME} ${FAILOVER_TIMEOUT_MS}`,
      '',
    ].join('\n');
    const sentinels: TestRedis[] = [];
    for (let i = 0; i < SENTINELS; i++) sentinels.push(await startRedis({ config, args: ['--sentinel'] }));
    started.push(...sentinels);

    const ask = sentinels.map((sentinel) => new Redis(sentinel.port, '127.0.0.1'));
    // Connected first: ioredis sends a SUBSCRIBE made while it connects at once, and its
    // own ready check then fails on the subscribed connection.
    const watch = sentinels.map((sentinel) => new Redis(sentinel.port, '127.0.0.1', { lazyConnect: true }));
    clients.push(...ask, ...watch);
    const waiting = new Set<(at: number) => void>();
    for (const watcher of watch) {
      await watcher.connect();
      await watcher.subscribe('+switch-master');
      watcher.on('message', () => {
        const at = performance.now();
        waiting.forEach((resolve) => resolve(at));
        waiting.clear();
      });
    }
    await waitUntilReady(replica, ask);

    return {
      name: NAME,
      sentinels: sentinels.map((sentinel) => `127.0.0.1:${sentinel.port}`).join(','),
      nodes: [primary, replica],
      primary: async () => {
        const [, port] = (await ask[0]!.call('SENTINEL', 'GET-MASTER-ADDR-BY-NAME', NAME)) as [string, string];
        return [primary, replica].find((node) => node.port === Number(port))!;
      },
      failover: async () => {
        await ask[0]!.call('SENTINEL', 'FAILOVER', NAME);
      },
      nextSwitch: (timeoutMs = 30_000) =>
        new Promise((resolve, reject) => {
          const timer = setTimeout(() => reject(new Error('no Sentinel named a new primary')), timeoutMs);
          waiting.add((at) => {
            clearTimeout(timer);
            resolve(at);
          });
        }),
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

async function waitUntilReady(replica: TestRedis, sentinels: Redis[]): Promise<void> {
  const inspect = new Redis(replica.port, '127.0.0.1');
  const deadline = Date.now() + READY_TIMEOUT_MS;
  try {
    for (;;) {
      const inSync = /master_link_status:up/.test(await inspect.info('replication'));
      const views = await Promise.all(
        sentinels.map(async (sentinel) => {
          const fields = (await sentinel.call('SENTINEL', 'MASTER', NAME)) as string[];
          return Object.fromEntries(fields.flatMap((field, i) => (i % 2 === 0 ? [[field, fields[i + 1]]] : [])));
        }),
      );
      const known = views.every(
        (view) => view['num-slaves'] === '1' && view['num-other-sentinels'] === String(SENTINELS - 1),
      );
      if (inSync && known) return;
      if (Date.now() > deadline) throw new Error(`the Sentinels did not come up: ${JSON.stringify(views)}`);
      await sleep(100);
    }
  } finally {
    inspect.disconnect();
  }
}
