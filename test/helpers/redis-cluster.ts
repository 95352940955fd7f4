/**
 * A throwaway Redis Cluster: three masters (no replicas) from `startRedis`, each on its own
 * free ports, the 16,384 slots split between them, ready once every node says
 * cluster_state:ok. Enough to prove that every script stays in one slot and that ioredis
 * follows the slots to the right node.
 */
import { Redis } from 'ioredis';
import { setTimeout as sleep } from 'node:timers/promises';
import { freePort, startRedis, type TestRedis } from './redis-server.js';

const NODES = 3;
const SLOTS = 16_384;
const READY_TIMEOUT_MS = 15_000;

export interface TestRedisCluster {
  nodes: TestRedis[];
  /** `host:port,…`, as REDIS_CLUSTER_NODES takes it. */
  seeds: string;
  stop(): Promise<void>;
}

/** `args` go to every node (e.g. persistence, for a node that is restarted). */
export async function startRedisCluster(options: { args?: string[] } = {}): Promise<TestRedisCluster> {
  const nodes: TestRedis[] = [];
  const busPorts: number[] = [];
  try {
    for (let i = 0; i < NODES; i++) {
      // The bus port is set too: port + 10000, the default, may be taken or above 65535.
      // Another test may take a probed port before the node binds it: probe again then.
      for (let attempt = 1; nodes.length === i; attempt++) {
        const bus = await freePort();
        const args = ['--cluster-enabled', 'yes', '--cluster-port', String(bus), ...(options.args ?? [])];
        try {
          nodes.push(await startRedis({ args }));
          busPorts.push(bus);
        } catch (error) {
          if (attempt === 3) throw error;
        }
      }
    }
    const clients = nodes.map((node) => new Redis(node.port, '127.0.0.1'));
    try {
      await Promise.all(
        clients.map((client, i) => {
          const first = Math.floor((SLOTS * i) / NODES);
          const last = Math.floor((SLOTS * (i + 1)) / NODES) - 1;
          return client.call('CLUSTER', 'ADDSLOTSRANGE', first, last);
        }),
      );
      for (let i = 1; i < NODES; i++) {
        await clients[0]!.call('CLUSTER', 'MEET', '127.0.0.1', nodes[i]!.port, busPorts[i]!);
      }
      await waitUntilOk(clients);
    } finally {
      clients.forEach((client) => client.disconnect());
    }
  } catch (error) {
    await Promise.all(nodes.map((node) => node.stop()));
    throw error;
  }
  return {
    nodes,
    seeds: nodes.map((node) => `127.0.0.1:${node.port}`).join(','),
    stop: async () => {
      await Promise.all(nodes.map((node) => node.stop()));
    },
  };
}

async function waitUntilOk(clients: Redis[]): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  for (;;) {
    const infos = await Promise.all(clients.map((client) => client.call('CLUSTER', 'INFO') as Promise<string>));
    if (infos.every((info) => /cluster_state:ok/.test(info) && /cluster_known_nodes:3\b/.test(info))) return;
    if (Date.now() > deadline) throw new Error(`the cluster did not come up:\n${infos.join('\n')}`);
    await sleep(50);
  }
}
