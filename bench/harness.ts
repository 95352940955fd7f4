/**
 * `runBench` measures everything issues 5 and 11 ask for and returns it as data; run.ts
 * prints and writes it, the smoke test runs it tiny. It needs `npm run build` first
 * (the servers under test are the built dist/server/main.js), redis-server and wrk.
 */
import { cpus, platform, arch } from 'node:os';
import { startRedis } from '../test/helpers/redis-server.js';
import { envelopeFixture, measureEnvelope, median, type EnvelopeFixture, type EnvelopeResult } from './envelope.js';
import { assertWrk, measurePaired, sameRequestsTo, type LoadSettings } from './load.js';
import { measurePage, type PageSizeResult } from './page-size.js';
import { assertBuilt, startBare, startBurnlink, WEB_ROOT, type ChildServer } from './processes.js';
import { measureRedisMemory, type RedisMemoryResult } from './redis-memory.js';
import { measureRoutes, routeTargets, VIEWS_PER_SECRET, type RouteResult, type RouteResults } from './routes.js';

export type StoreKind = 'redis' | 'memory';

export interface BenchOptions {
  /** Keep-alive connections of every HTTP run. */
  connections: number;
  /** Timed seconds per route (and as many again for what it is paired with). */
  durationSeconds: number;
  /** Untimed seconds before each route's first slice. */
  warmupSeconds: number;
  /** A route and what it is paired with alternate in slices about this long. */
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
  /** Server processes of the WORKERS row, compared with one process on Redis. */
  workers: number;
  /**
   * Views each created secret allows. Reveal walks the created ids round-robin, so it runs
   * dry (404s) once it has made this many reveals per secret that create made.
   */
  viewsPerSecret: number;
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
  workers: 2,
  viewsPerSecret: VIEWS_PER_SECRET,
};

export interface BenchReport {
  machine: { cpus: number; cpuModel: string; node: string; os: string; date: string };
  options: Omit<BenchOptions, 'log' | 'cpuProfileDir'>;
  /** Bytes of the envelope every create sends (a sealed short text). */
  envelopeBytes: number;
  /** Each route of one server process, paired with its bare twin. */
  routes: Record<StoreKind, RouteResults>;
  /** `WORKERS=options.workers` on Redis, paired with one process on the same Redis. */
  workers: { create: RouteResult; reveal: RouteResult };
  /** Median milliseconds from spawn to a 200 from /readyz (the bare app: from its route). */
  startup: Record<StoreKind | 'bare', { medianMs: number; runsMs: number[] }>;
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
  assertWrk();
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
 * The bare twin runs for the whole HTTP part: every route of each store is measured in
 * slices alternating with the same requests to it; then WORKERS server processes are
 * measured against one, on the same Redis.
 */
async function measureHttp(
  stores: Record<StoreKind, string | undefined>,
  fixture: EnvelopeFixture,
  options: BenchOptions,
  log: (line: string) => void,
): Promise<Pick<BenchReport, 'routes' | 'workers'>> {
  const load: LoadSettings = {
    connections: options.connections,
    durationSeconds: options.durationSeconds,
    warmupSeconds: options.warmupSeconds,
    sliceSeconds: options.sliceSeconds,
  };
  const nodeFlags = options.cpuProfileDir ? ['--cpu-prof', `--cpu-prof-dir=${options.cpuProfileDir}`] : [];
  const bare = await startBare();
  try {
    const routes = {} as Record<StoreKind, RouteResults>;
    for (const store of ['memory', 'redis'] as const) {
      log(`Routes, ${store} store…`);
      const server = await startBurnlink({ redisUrl: stores[store], nodeFlags });
      try {
        routes[store] = await measureRoutes(server, bare, fixture, load, options.viewsPerSecret);
      } finally {
        await server.stop();
      }
    }
    log(`WORKERS=${options.workers} against one process, Redis…`);
    const one = await startBurnlink({ redisUrl: stores.redis, nodeFlags });
    const many = await startBurnlink({ redisUrl: stores.redis, nodeFlags, env: { WORKERS: String(options.workers) } });
    try {
      const ids: string[] = [];
      const manyRoutes = routeTargets(many, fixture, ids, options.viewsPerSecret);
      const create = manyRoutes.create();
      const oneCreate = sameRequestsTo(create, one);
      const createResult = await measurePaired(create, oneCreate, load);
      // Each side reveals the secrets it created, so no secret runs out of views.
      const reveal = manyRoutes.reveal();
      const oneReveal = routeTargets(one, fixture, oneCreate.ids!, options.viewsPerSecret).reveal();
      return { routes, workers: { create: createResult, reveal: await measurePaired(reveal, oneReveal, load) } };
    } finally {
      await Promise.all([one.stop(), many.stop()]);
    }
  } finally {
    await bare.stop();
  }
}

/** Spawn-to-ready times of the built server (one process) on each store, and of the bare Fastify app. */
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
    bare: await times(startBare),
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
