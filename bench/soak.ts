/**
 * `npm run soak`: the built server on Redis under a steady mix of create, status,
 * reveal, burn and receipt calls, with the per-client limits at their defaults and the
 * clients spread over 400 addresses (X-Forwarded-For, IPv4 and IPv6). It prints the
 * server's resident memory (and V8 heap, from its /metrics) and Redis's used_memory over
 * time and their slopes after the warm-up, and checks every answer: no 5xx, and every
 * secret created ends the way its life planned — revealed, burned or expired — as its
 * receipt confirms. Exits 1 when not.
 * Secrets live one to two minutes and receipts 30 s after, so the store reaches its
 * steady size within the warm-up; memory that still grows after it is a leak.
 *
 *   npm run soak                           10 minutes, 20 secrets a second
 *   npm run soak -- --minutes 2 --rate 10  shorter, slower
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import { Redis } from 'ioredis';
import { b64, fakeEnvelope, newProofs } from '../test/helpers/proofs.js';
import { rssOf } from '../test/helpers/process-memory.js';
import { freePort, startRedis } from '../test/helpers/redis-server.js';
import { assertBuilt, startBurnlink } from './processes.js';

const MiB = 1024 * 1024;
const SAMPLE_MS = 5000;
const PRINT_EVERY = 6;

interface Options {
  minutes: number;
  /** Secrets started a second. */
  rate: number;
}

function options(): Options {
  const { values } = parseArgs({
    options: { minutes: { type: 'string', default: '10' }, rate: { type: 'string', default: '20' } },
  });
  const positive = (flag: string, raw: string) => {
    const value = Number(raw);
    if (!(value > 0)) throw new Error(`--${flag} takes a positive number (got ${JSON.stringify(raw)})`);
    return value;
  };
  return { minutes: positive('minutes', values.minutes), rate: positive('rate', values.rate) };
}

/** 300 IPv4 clients and 100 IPv6 ones, each IPv6 client a /64 that varies its host part. */
const CLIENTS = [
  ...Array.from({ length: 300 }, (_, i) => () => `198.18.${i >> 8}.${i & 0xff}`),
  ...Array.from({ length: 100 }, (_, i) => () => `2001:db8:${i.toString(16)}:1::${random(1, 0xffff).toString(16)}`),
];

/** Envelopes as clients make them: mostly a short text, some small files, a few larger ones. */
const SIZES = [
  { weight: 90, bytes: 1024 },
  { weight: 9, bytes: 16 * 1024 },
  { weight: 1, bytes: 256 * 1024 },
].map((size) => ({
  ...size,
  plain: b64(fakeEnvelope({ bytes: size.bytes })),
  guarded: b64(fakeEnvelope({ bytes: size.bytes, passphrase: true })),
}));

type Fate = 'revealed' | 'burned' | 'expired';

/** How a secret's life goes: its fate, its views, and whether a wrong passphrase is tried first. */
const LIVES = [
  { weight: 50, fate: 'revealed', views: 1, passphrase: false },
  { weight: 10, fate: 'revealed', views: 3, passphrase: false },
  { weight: 5, fate: 'revealed', views: 1, passphrase: true },
  { weight: 20, fate: 'burned', views: 2, passphrase: false },
  { weight: 15, fate: 'expired', views: 1, passphrase: false },
] as const;

function random(min: number, max: number): number {
  return min + Math.floor(Math.random() * (max - min + 1));
}

function pick<T extends { weight: number }>(items: readonly T[]): T {
  let left = Math.random() * items.reduce((sum, item) => sum + item.weight, 0);
  for (const item of items) if ((left -= item.weight) < 0) return item;
  return items.at(-1)!;
}

interface Answer {
  status: number;
  body: Record<string, unknown>;
}

/** Every answer, by route and status, and what went other than planned. */
class Ledger {
  readonly statuses = new Map<string, number>();
  readonly outcomes: Record<Fate, number> = { revealed: 0, burned: 0, expired: 0 };
  readonly problems: string[] = [];
  requests = 0;
  serverErrors = 0;
  created = 0;
  notCreated = 0;

  answered(route: string, status: number): void {
    this.requests++;
    if (status >= 500 || status === 0) this.serverErrors++;
    const key = `${route} ${status}`;
    this.statuses.set(key, (this.statuses.get(key) ?? 0) + 1);
  }

  problem(what: string): void {
    this.problems.push(what);
  }
}

class Client {
  constructor(
    private readonly origin: string,
    private readonly ledger: Ledger,
  ) {}

  async call(
    address: string,
    route: string,
    method: string,
    path: string,
    options: { body?: unknown; token?: string } = {},
  ): Promise<Answer> {
    const headers: Record<string, string> = { 'x-forwarded-for': address };
    if (options.body !== undefined) headers['content-type'] = 'application/json';
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    let answer: Answer;
    try {
      const res = await fetch(`${this.origin}${path}`, {
        method,
        headers,
        body: options.body === undefined ? undefined : JSON.stringify(options.body),
        signal: AbortSignal.timeout(10_000),
      });
      const text = await res.text();
      answer = { status: res.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
    } catch (error) {
      answer = { status: 0, body: { error: String(error) } };
    }
    this.ledger.answered(route, answer.status);
    return answer;
  }
}

/** One secret from creation to its planned end, every answer checked on the way. */
async function live(client: Client, ledger: Ledger): Promise<void> {
  const plan = pick(LIVES);
  const size = pick(SIZES);
  const address = CLIENTS[random(0, CLIENTS.length - 1)]!();
  const proofs = newProofs(plan.passphrase);
  const ciphertext = plan.passphrase ? size.guarded : size.plain;
  const expiresIn = plan.fate === 'expired' ? random(30, 60) : random(60, 120);
  const created = await client.call(address, 'create', 'POST', '/api/secrets', {
    body: { ciphertext, accessHash: proofs.accessHash, unlockHash: proofs.unlockHash, views: plan.views, expiresIn },
  });
  if (created.status !== 201) {
    ledger.notCreated++;
    ledger.problem(`create answered ${created.status} ${JSON.stringify(created.body.error)}`);
    return;
  }
  ledger.created++;
  const { id, manageToken, expiresAt } = created.body as { id: string; manageToken: string; expiresAt: number };
  const expect = (what: string, answer: Answer, status: number) => {
    if (answer.status !== status) ledger.problem(`${plan.fate}: ${what} answered ${answer.status}, not ${status}`);
    return answer.status === status;
  };
  const reveal = (unlock = proofs.unlock) =>
    client.call(address, 'reveal', 'POST', `/api/secrets/${id}/reveal`, { body: { access: proofs.access, unlock } });
  const receipt = () => client.call(address, 'receipt', 'GET', `/api/secrets/${id}/receipt`, { token: manageToken });

  await sleep(random(0, 3000));
  const status = await client.call(address, 'status', 'POST', `/api/secrets/${id}/status`, {
    body: { access: proofs.access },
  });
  if (!expect('status', status, 200)) return;

  let ok = true;
  let state: string;
  switch (plan.fate) {
    case 'revealed': {
      if (plan.passphrase) ok &&= expect('a wrong passphrase', await reveal(newProofs(true).unlock), 403);
      for (let view = 0; view < plan.views; view++) {
        const shown = await reveal();
        ok &&= expect(`view ${view + 1}`, shown, 200) && shown.body.ciphertext === ciphertext;
        await sleep(random(0, 1000));
      }
      state = 'viewed';
      break;
    }
    case 'burned':
      ok &&= expect(
        'burn',
        await client.call(address, 'burn', 'DELETE', `/api/secrets/${id}`, { token: manageToken }),
        204,
      );
      state = 'burned';
      break;
    case 'expired':
      await sleep(Math.max(0, expiresAt - Date.now()) + 1500);
      state = 'expired';
      break;
  }
  ok &&= expect('a reveal after the end', await reveal(), 404);
  const end = await receipt();
  ok &&= expect('the receipt', end, 200);
  if (ok && end.body.state !== state) {
    ledger.problem(`${plan.fate}: the receipt says ${String(end.body.state)}`);
    ok = false;
  }
  if (ok) ledger.outcomes[plan.fate]++;
}

interface Sample {
  seconds: number;
  rssBytes: number;
  /** V8 heap in use, garbage not yet collected included, from the server's /metrics. */
  heapBytes: number;
  redisBytes: number;
  keys: number;
  requests: number;
}

/** Least-squares slope of y over x. */
function slope(points: [x: number, y: number][]): number {
  const n = points.length;
  const mx = points.reduce((sum, [x]) => sum + x, 0) / n;
  const my = points.reduce((sum, [, y]) => sum + y, 0) / n;
  const sxy = points.reduce((sum, [x, y]) => sum + (x - mx) * (y - my), 0);
  const sxx = points.reduce((sum, [x]) => sum + (x - mx) ** 2, 0);
  return sxx === 0 ? 0 : sxy / sxx;
}

const mib = (bytes: number) => (bytes / MiB).toFixed(1);

async function heapOf(metricsUrl: string): Promise<number> {
  const text = await (await fetch(metricsUrl)).text();
  return Number(/^nodejs_heap_size_used_bytes (\S+)$/m.exec(text)?.[1] ?? 0);
}

async function main() {
  const { minutes, rate } = options();
  assertBuilt();
  const durationMs = minutes * 60_000;
  // The store fills for the longest life plus its receipt's retention (~2.5 min); the
  // heap settles a little later.
  const warmupMs = Math.min(4 * 60_000, durationMs * 0.4);
  const redis = await startRedis({ args: ['--maxmemory', '256mb'] });
  const metricsPort = await freePort();
  const server = await startBurnlink({
    redisUrl: redis.url,
    env: {
      METRICS_PORT: String(metricsPort),
      TRUST_PROXY: 'loopback',
      MIN_EXPIRES_IN: '30',
      RECEIPT_RETENTION_SECONDS: '30',
      // Empty is unset: the documented defaults, since the limits are part of what is soaked.
      RATE_LIMIT_CREATE: '',
      RATE_LIMIT_REVEAL: '',
      RATE_LIMIT_MANAGE: '',
      BYTE_BUDGET_MIB_DAYS: '',
      MAX_UPLOADS_PER_CLIENT: '',
    },
  });
  const inspect = new Redis(redis.url);
  const ledger = new Ledger();
  const client = new Client(server.origin, ledger);
  const samples: Sample[] = [];
  console.log(
    `soak: ${minutes} min, ${rate} secrets/s over ${CLIENTS.length} client addresses, Redis maxmemory 256 MB; ` +
      `warm-up ${Math.round(warmupMs / 1000)} s\n` +
      ' time    RSS MiB   heap MiB   Redis MiB    keys   requests',
  );
  try {
    const started = performance.now();
    const lives = new Set<Promise<void>>();
    const sampler = (async () => {
      while (performance.now() - started < durationMs) {
        const info = await inspect.info('memory');
        const sample = {
          seconds: (performance.now() - started) / 1000,
          rssBytes: rssOf(server.pid),
          heapBytes: await heapOf(`http://127.0.0.1:${metricsPort}/metrics`),
          redisBytes: Number(/^used_memory:(\d+)/m.exec(info)?.[1] ?? 0),
          keys: await inspect.dbsize(),
          requests: ledger.requests,
        };
        samples.push(sample);
        if ((samples.length - 1) % PRINT_EVERY === 0) {
          console.log(
            `${String(Math.round(sample.seconds)).padStart(4)} s  ${mib(sample.rssBytes).padStart(8)}  ` +
              `${mib(sample.heapBytes).padStart(9)}  ` +
              `${mib(sample.redisBytes).padStart(10)}  ${String(sample.keys).padStart(6)}  ${String(sample.requests).padStart(9)}`,
          );
        }
        await sleep(SAMPLE_MS);
      }
    })();
    // A steady rate: each life starts on its own tick, however long the others take.
    for (let n = 0; performance.now() - started < durationMs; n++) {
      const life = live(client, ledger).catch((error: unknown) => ledger.problem(`a life failed: ${String(error)}`));
      lives.add(life);
      void life.finally(() => lives.delete(life));
      await sleep(Math.max(0, started + ((n + 1) * 1000) / rate - performance.now()));
    }
    await sampler;
    await Promise.all(lives);
    report(ledger, samples, warmupMs / 1000);
  } finally {
    await inspect.quit();
    await server.stop();
    await redis.stop();
  }
  if (ledger.serverErrors > 0 || ledger.problems.length > 0) process.exitCode = 1;
}

function report(ledger: Ledger, samples: Sample[], warmupSeconds: number): void {
  const steady = samples.filter((sample) => sample.seconds >= warmupSeconds);
  const perMinute = (pick: (sample: Sample) => number) =>
    slope(steady.map((sample) => [sample.seconds / 60, pick(sample) / MiB]));
  // A slope over a few minutes also catches a one-off step (the heap growing once); the
  // first and the last minute after the warm-up tell a step from a climb.
  const range = (pick: (sample: Sample) => number) => {
    const minute = Math.round(60_000 / SAMPLE_MS);
    const mean = (some: Sample[]) => mib(some.reduce((sum, sample) => sum + pick(sample), 0) / some.length);
    return (
      `${mib(Math.min(...steady.map(pick)))}–${mib(Math.max(...steady.map(pick)))} MiB ` +
      `(mean ${mean(steady.slice(0, minute))} in the first minute, ${mean(steady.slice(-minute))} in the last)`
    );
  };
  const accounted = ledger.outcomes.revealed + ledger.outcomes.burned + ledger.outcomes.expired;
  console.log(
    [
      '',
      `after the warm-up (${steady.length} samples from ${Math.round(warmupSeconds)} s):`,
      `  server RSS ${range((s) => s.rssBytes)}, slope ${perMinute((s) => s.rssBytes).toFixed(3)} MiB/min`,
      `  server V8 heap in use ${range((s) => s.heapBytes)}, slope ${perMinute((s) => s.heapBytes).toFixed(3)} MiB/min`,
      `  Redis used_memory ${range((s) => s.redisBytes)}, slope ${perMinute((s) => s.redisBytes).toFixed(3)} MiB/min`,
      `requests ${ledger.requests}, 5xx or no answer ${ledger.serverErrors}`,
      `secrets created ${ledger.created} (refused ${ledger.notCreated}): revealed ${ledger.outcomes.revealed}, ` +
        `burned ${ledger.outcomes.burned}, expired ${ledger.outcomes.expired}; accounted for ${accounted} of ${ledger.created}`,
      `answers: ${[...ledger.statuses]
        .sort()
        .map(([key, count]) => `${key}: ${count}`)
        .join(', ')}`,
      ...(ledger.problems.length > 0
        ? [`problems (${ledger.problems.length}):`, ...ledger.problems.slice(0, 20).map((problem) => `  ${problem}`)]
        : ['problems: none']),
    ].join('\n'),
  );
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
