/**
 * `runBench` measures everything issue 5 asks for and returns it as data; run.ts
 * prints and writes it, the smoke test runs it tiny. It needs `npm run build` first
 * (the servers under test are the built dist/server/main.js) and redis-server.
 */
import { cpus, platform, arch } from 'node:os';
import { startRedis } from '../test/helpers/redis-server.js';
import { envelopeFixture, measureEnvelope, median, type EnvelopeFixture, type EnvelopeResult } from './envelope.js';
import { aggregate, measureLoad, measurePaired, type LoadResult, type LoadSettings, type LoadTarget } from './load.js';
import { measurePage, type PageSizeResult } from './page-size.js';
import { assertBuilt, startBurnlink, startCeiling, WEB_ROOT, type ChildServer } from './processes.js';
import { measureRedisMemory, type RedisMemoryResult } from './redis-memory.js';
import { measureRoutes, VIEWS_PER_SECRET, type RouteResult, type RouteResults } from './routes.js';

export type StoreKind = 'redis' | 'memory';

export interface BenchOptions {
  /** Keep-alive connections of every HTTP run. */
  connections: number;
  /** Timed seconds per route (and as many again for its paired ceiling). */
  durationSeconds: number;
  /** Untimed seconds before each route's first slice. */
  warmupSeconds: number;
  /** Routes and the ceiling alternate in slices about this long. */
  sliceSeconds: number;
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
  durationSeconds: 8,
  warmupSeconds: 2,
  sliceSeconds: 2,
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
  /** The bare route, pooled over every slice it ran in. */
  ceiling: LoadResult;
  /** The slowest and fastest of the ceiling's slices, req/s: how noisy the machine was. */
  ceilingRange: [min: number, max: number];
  /** A bare POST with a create-sized body, paired with the ceiling like a route. */
  reference: RouteResult;
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
  const redis = await startRedis();
  try {
    log(`Redis memory: ${options.secrets} secrets…`);
    const redisMemory = await measureRedisMemory({
      redisUrl: redis.url,
      secrets: options.secrets,
      envelope: fixture.envelope,
    });
    const stores: Record<StoreKind, string | undefined> = { redis: redis.url, memory: undefined };
    const http = await measureHttp(stores, fixture, options, log);
    log('Start-up times…');
    const startup = await measureStartups(stores, options.startupRuns);
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
      ...http,
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

/**
 * The ceiling server runs for the whole HTTP part: the reference POST and every route
 * of each store are measured in slices alternating with slices of the ceiling.
 */
async function measureHttp(
  stores: Record<StoreKind, string | undefined>,
  fixture: EnvelopeFixture,
  options: BenchOptions,
  log: (line: string) => void,
): Promise<Pick<BenchReport, 'ceiling' | 'ceilingRange' | 'reference' | 'routes'>> {
  const load: LoadSettings = {
    connections: options.connections,
    durationSeconds: options.durationSeconds,
    warmupSeconds: options.warmupSeconds,
    sliceSeconds: options.sliceSeconds,
  };
  const nodeFlags = options.cpuProfileDir ? ['--cpu-prof', `--cpu-prof-dir=${options.cpuProfileDir}`] : [];
  const ceilingServer = await startCeiling();
  try {
    const ceiling: LoadTarget = { origin: ceilingServer.origin, method: 'GET', path: () => '/' };
    log('Ceiling: warm-up, and a bare POST for reference…');
    if (load.warmupSeconds > 0) {
      await measureLoad(ceiling, { ...load, durationSeconds: load.warmupSeconds, warmupSeconds: 0 });
    }
    const post: LoadTarget = {
      origin: ceilingServer.origin,
      method: 'POST',
      path: () => '/echo',
      // The body of a create, so the two differ only in what burnlink does with it.
      body: JSON.stringify({
        ciphertext: Buffer.from(fixture.envelope).toString('base64url'),
        accessHash: fixture.accessHash,
      }),
    };
    const { ceilingSlices, ...reference } = await measurePaired(post, ceiling, load);

    const routes = {} as Record<StoreKind, RouteResults>;
    for (const [store, redisUrl] of Object.entries(stores) as [StoreKind, string | undefined][]) {
      log(`Routes, ${store} store…`);
      const server = await startBurnlink({ redisUrl, nodeFlags });
      try {
        const measured = await measureRoutes(server.origin, fixture, ceiling, load);
        routes[store] = measured.results;
        ceilingSlices.push(...measured.ceilingSlices);
      } finally {
        await server.stop();
      }
    }
    const rates = ceilingSlices.map((slice) => slice.latencies.length / slice.durationSeconds);
    return {
      ceiling: aggregate(ceilingSlices),
      ceilingRange: [Math.min(...rates), Math.max(...rates)],
      reference,
      routes,
    };
  } finally {
    await ceilingServer.stop();
  }
}

/** Spawn-to-ready times of the built server on each store, and of the bare Fastify app. */
async function measureStartups(
  stores: Record<StoreKind, string | undefined>,
  runs: number,
): Promise<BenchReport['startup']> {
  const times = async (start: () => Promise<ChildServer>) => {
    const runsMs: number[] = [];
    for (let run = 0; run < runs; run++) {
      const server = await start();
      runsMs.push(server.readyMs);
      await server.stop();
    }
    return { medianMs: median(runsMs), runsMs };
  };
  return {
    memory: await times(() => startBurnlink({ redisUrl: stores.memory })),
    redis: await times(() => startBurnlink({ redisUrl: stores.redis })),
    ceiling: await times(startCeiling),
  };
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
