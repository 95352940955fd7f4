/**
 * Reads the configuration from the environment, then serves: in this process, or with
 * WORKERS > 1 in that many processes sharing the port (workers.ts), each of which runs
 * this file again as a cluster worker.
 */
import cluster from 'node:cluster';
import { buildApp } from './app.js';
import { openAuditSink } from './audit/audit-log.js';
import { loadBrand } from './brand.js';
import { ConfigError, loadConfig, workerCount, type Config } from './config.js';
import { onShutdownSignal, SHUTDOWN_GRACE_MS } from './shutdown.js';
import { runPrimary } from './workers.js';

function readConfig(): Config {
  try {
    return loadConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(2);
    }
    throw error;
  }
}

async function main() {
  const config = readConfig();
  const workers = workerCount(config);
  if (cluster.isPrimary && workers > 1) {
    // Checked here too: a worker that cannot start would only be replaced, again and again.
    loadBrand(config);
    await openAuditSink(config.auditLog, process.stdout, () => {})?.close();
    return runPrimary(config, workers);
  }

  const app = await buildApp(config, { clusterWorker: cluster.isWorker });
  onShutdownSignal((signal) => {
    app.log.info({ signal }, 'shutting down');
    setTimeout(() => {
      app.log.error('in-flight requests did not finish in time; exiting');
      process.exit(1);
    }, SHUTDOWN_GRACE_MS).unref();
    app.close().then(
      () => process.exit(0),
      (error: unknown) => {
        app.log.error({ err: error }, 'error while shutting down');
        process.exit(1);
      },
    );
  });
  await app.listen({ port: config.port, host: config.host });
}

/**
 * For the build, which records V8's code cache of the bundle on the memory store
 * (bundle-server.mjs): evaluates what a Redis configuration loads besides, so that a start
 * with Redis finds that code compiled too.
 */
export async function loadRedisModules() {
  const [{ Redis }] = await Promise.all([
    import('ioredis'),
    import('./store/redis.js'),
    import('./store/redis-requests.js'),
  ]);
  new Redis({ lazyConnect: true }).disconnect();
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  // A configuration that cannot work (an unreadable logo or audit file) exits as readConfig's do.
  process.exit(error instanceof ConfigError ? 2 : 1);
});
