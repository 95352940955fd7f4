/**
 * WORKERS > 1: this process, the cluster's primary, builds no app. It forks WORKERS
 * processes that each run main.ts and listen on the same port (node:cluster accepts the
 * connections here and hands them to the workers in turn), replaces a worker that dies,
 * drains them all on SIGTERM or SIGINT, and serves the metrics of all of them, summed,
 * on METRICS_PORT. Redis stores only: config.ts refuses the memory store, which lives
 * inside one process.
 *
 * Per-client counts a worker keeps in its own memory are per process: the upload caps,
 * and the rate limits and byte budgets while Redis cannot count (docs/OPERATIONS.md).
 */
import cluster, { type Worker } from 'node:cluster';
import { pino, type Logger } from 'pino';
import type { Config } from './config.js';
import { onShutdownSignal, SHUTDOWN_GRACE_MS } from './shutdown.js';

/** Crashes within this window count towards the delay before the next replacement. */
const CRASH_WINDOW_MS = 60_000;
/** The longest a dead worker waits to be replaced, however often workers die. */
const MAX_RESTART_DELAY_MS = 30_000;

/**
 * How long to wait before replacing a worker, given the crashes of the last minute (this
 * one included): at once for a lone crash, then 1 s, 2 s, 4 s … up to 30 s, so a worker
 * that dies on every start cannot keep the machine busy starting it again.
 */
export function restartDelayMs(recentCrashes: number): number {
  return recentCrashes <= 1 ? 0 : Math.min(MAX_RESTART_DELAY_MS, 1000 * 2 ** (recentCrashes - 2));
}

/** Runs the primary: forks `count` workers and looks after them until they are all drained. */
export async function runPrimary(config: Config, count: number): Promise<void> {
  const log = pino({ level: config.logLevel });
  const metricsServer = await serveClusterMetrics(config, log);
  // Ours rather than cluster.workers, which may still list a worker that has exited.
  const live = new Set<Worker>();
  const crashes: number[] = [];
  let served = false;
  let stopping = false;
  let failed = false;

  const fork = () => live.add(cluster.fork());
  const exitOnceDrained = () => {
    if (live.size > 0) return;
    log.info('every worker has stopped');
    void (metricsServer?.close() ?? Promise.resolve()).finally(() => process.exit(failed ? 1 : 0));
  };
  const drain = () => {
    stopping = true;
    // Each worker drains as one process does on SIGTERM (main.ts), then exits.
    for (const worker of live) worker.process.kill('SIGTERM');
    setTimeout(() => {
      log.error('workers did not finish in time; killing them');
      for (const worker of live) worker.process.kill('SIGKILL');
      process.exit(1);
    }, SHUTDOWN_GRACE_MS + 2000).unref();
    exitOnceDrained();
  };

  cluster.on('listening', (worker) => {
    served = true;
    log.info({ worker: worker.process.pid }, 'worker listening');
  });
  cluster.on('exit', (worker, code, signal) => {
    live.delete(worker);
    if (stopping) {
      if (code !== 0) failed = true;
      return exitOnceDrained();
    }
    if (!served) {
      // No worker ever listened (a port taken, say): starting more would fail alike.
      log.error({ worker: worker.process.pid, code, signal }, 'a worker failed to start; stopping');
      failed = true;
      return drain();
    }
    const now = Date.now();
    crashes.push(now);
    while (crashes[0]! < now - CRASH_WINDOW_MS) crashes.shift();
    const delay = restartDelayMs(crashes.length);
    log.error({ worker: worker.process.pid, code, signal, restartInMs: delay }, 'worker died; starting another');
    setTimeout(() => {
      if (!stopping) fork();
    }, delay);
  });

  onShutdownSignal((signal) => {
    log.info({ signal }, 'shutting down: every worker finishes its requests');
    drain();
  });

  log.info({ workers: count }, `starting ${count} server processes`);
  for (let i = 0; i < count; i++) fork();
}

/** The summed metrics of every worker on METRICS_PORT, when set; a port that is taken fails the start. */
async function serveClusterMetrics(config: Config, log: Logger) {
  if (config.metricsPort === undefined) return undefined;
  // Loaded only with metrics on, as in one process (plugins/metrics.ts).
  const [{ clusterExposition }, { createMetricsServer }] = await Promise.all([
    import('./metrics/registry.js'),
    import('./metrics/metrics-server.js'),
  ]);
  const server = createMetricsServer(clusterExposition());
  const address = await server.listen({ port: config.metricsPort, host: config.host });
  log.info(`Metrics at ${address}/metrics`);
  return server;
}
