/**
 * `runBench` measures everything issue 5 asks for and returns it as data; run.ts
 * prints and writes it, the smoke test runs it tiny. It needs `npm run build` first
 * (the servers under test are the built dist/server/main.js) and redis-server.
 */
import { cpus, platform, arch } from 'node:os';
import { startRedis } from '../test/helpers/redis-server.js';
import { envelopeFixture, measureEnvelope, median, type EnvelopeResult } from './envelope.js';
import type { LoadResult } from './load.js';
import { measureLoad } from './load.js';
import { measurePage, type PageSizeResult } from './page-size.js';
import { assertBuilt, startBurnlink, startCeiling, WEB_ROOT } from './processes.js';
import { measureRedisMemory, type RedisMemoryResult } from './redis-memory.js';
import { measureRoutes, VIEWS_PER_SECRET, type RouteResults } from './routes.js';

export type StoreKind = 'redis' | 'memory';

export interface BenchOptions {
  /** Keep-alive connections of every HTTP run. */
  connections: number;
  /** Timed seconds per HTTP run. */
  durationSeconds: number;
  /** Untimed seconds before each HTTP run. */
  warmupSeconds: number;
  /** Secrets stored for the Redis memory measurement. */
  secrets: number;
  /** Payload sizes for envelope seal/open, bytes. */
  sizes: number[];
  /** Server start-ups measured per store. */
  startupRuns: number;
  pbkdf2Runs: number;
  /** Minimum milliseconds each envelope timing runs for. */
  envelopeMinTimeMs: number;
  /** When set, the burnlink servers under load write V8 CPU profiles here. */
  cpuProfileDir?: string;
  /** Progress lines (run.ts prints them to stderr); silent by default. */
  log?: (line: string) => void;
}

export const DEFAULT_OPTIONS: BenchOptions = {
  connections: 64,
  durationSeconds: 10,
  warmupSeconds: 2,
  secrets: 100_000,
  sizes: [1024, 1024 * 1024, 10 * 1024 * 1024],
  startupRuns: 5,
  pbkdf2Runs: 3,
  envelopeMinTimeMs: 500,
};

export interface BenchReport {
  machine: { cpus: number; cpuModel: string; node: string; os: string; date: string };
  options: Omit<BenchOptions, 'log' | 'cpuProfileDir'>;
  /** Bytes of the envelope every create sends (a sealed short text). */
  envelopeBytes: number;
  viewsPerSecret: number;
  ceiling: { get: LoadResult; post: LoadResult };
  routes: Record<StoreKind, RouteResults>;
  /** Median milliseconds from spawn to a 200 from /readyz (the ceiling: from its route). */
  startup: Record<StoreKind | 'ceiling', { medianMs: number; runsMs: number[] }>;
  redisMemory: RedisMemoryResult;
  envelope: EnvelopeResult;
  page: PageSizeResult;
  /** Wall-clock seconds the whole run took. */
  elapsedSeconds: number;
}

/** Runs the whole benchmark; every server and redis-server it starts is stopped again. */
export async function runBench(overrides: Partial<BenchOptions> = {}): Promise<BenchReport> {
  const options = { ...DEFAULT_OPTIONS, ...overrides };
  const log = options.log ?? (() => undefined);
  const started = performance.now();
  assertBuilt();
  const fixture = await envelopeFixture();
  const load = {
    connections: options.connections,
    durationSeconds: options.durationSeconds,
    warmupSeconds: options.warmupSeconds,
  };
  const nodeFlags = options.cpuProfileDir ? ['--cpu-prof', `--cpu-prof-dir=${options.cpuProfileDir}`] : [];

  const redis = await startRedis();
  try {
    log(`Redis memory: ${options.secrets} secrets…`);
    const redisMemory = await measureRedisMemory({
      redisUrl: redis.url,
      secrets: options.secrets,
      envelope: fixture.envelope,
    });

    log('Ceiling: bare Fastify…');
    const ceilingServer = await startCeiling();
    const ceilingStartups = [ceilingServer.readyMs];
    let ceiling: BenchReport['ceiling'];
    try {
      const get = await measureLoad({ ...load, origin: ceilingServer.origin, method: 'GET', path: () => '/' });
      const post = await measureLoad({
        ...load,
        origin: ceilingServer.origin,
        method: 'POST',
        path: () => '/echo',
        // The same body size as a create, so the two differ only in what burnlink does.
        body: JSON.stringify({ ciphertext: Buffer.from(fixture.envelope).toString('base64url'), accessHash: fixture.accessHash }),
      });
      ceiling = { get, post };
    } finally {
      await ceilingServer.stop();
    }

    const routes = {} as Record<StoreKind, RouteResults>;
    const stores: [StoreKind, string | undefined][] = [
      ['redis', redis.url],
      ['memory', undefined],
    ];
    for (const [store, redisUrl] of stores) {
      log(`Routes, ${store} store…`);
      const server = await startBurnlink({ redisUrl, nodeFlags });
      try {
        routes[store] = await measureRoutes(server.origin, fixture, load);
      } finally {
        await server.stop();
      }
    }

    log('Start-up times…');
    const startup = {} as BenchReport['startup'];
    for (const [store, redisUrl] of stores) {
      const runsMs: number[] = [];
      for (let run = 0; run < options.startupRuns; run++) {
        const server = await startBurnlink({ redisUrl });
        runsMs.push(server.readyMs);
        await server.stop();
      }
      startup[store] = { medianMs: median(runsMs), runsMs };
    }
    for (let run = 1; run < options.startupRuns; run++) {
      const server = await startCeiling();
      ceilingStartups.push(server.readyMs);
      await server.stop();
    }
    startup.ceiling = { medianMs: median(ceilingStartups), runsMs: ceilingStartups };

    log('Envelope throughput…');
    const envelope = await measureEnvelope({
      sizes: options.sizes,
      minTimeMs: options.envelopeMinTimeMs,
      pbkdf2Runs: options.pbkdf2Runs,
    });
    const page = await measurePage(WEB_ROOT);

    const { log: _log, cpuProfileDir: _dir, ...recorded } = options;
    return {
      machine: machine(),
      options: recorded,
      envelopeBytes: fixture.envelope.length,
      viewsPerSecret: VIEWS_PER_SECRET,
      ceiling,
      routes,
      startup,
      redisMemory,
      envelope,
      page,
      elapsedSeconds: (performance.now() - started) / 1000,
    };
  } finally {
    await redis.stop();
  }
}

function machine(): BenchReport['machine'] {
  const cores = cpus();
  return {
    cpus: cores.length,
    cpuModel: cores[0]?.model.trim() || 'unknown',
    node: process.version,
    os: `${platform()} ${arch()}`,
    date: new Date().toISOString(),
  };
}
