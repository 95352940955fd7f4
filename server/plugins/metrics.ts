/**
 * Prometheus metrics (`METRICS_PORT`): every answer the app routes counted by method,
 * route pattern and status, and timed by route (not what is answered on the bare socket:
 * header and body timeouts, unparsable requests); the domain events routes record with
 * `app.metrics.count` (metrics/events.ts); every store call timed, its failures counted;
 * the process's defaults. They are served by a second, bare server on their own port,
 * so the public port never answers `/metrics` and operators can keep the metrics port
 * off the internet.
 *
 * Without METRICS_PORT, `app.metrics` is a no-op, no hook is added, and prom-client is
 * not even loaded: nothing is spent.
 *
 * In a cluster worker (WORKERS > 1) the app counts as always but serves nothing: the
 * primary serves `/metrics` once, summing every worker's figures (server/workers.ts).
 */
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { Config } from '../config.js';
import { NO_METRICS, type AppMetrics } from '../metrics/events.js';
import { createMetricsServer } from '../metrics/metrics-server.js';
import { routePattern } from '../route-pattern.js';
import { MemoryStore } from '../store/memory.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** Records domain events; the same calls whether metrics are on or off. */
    metrics: AppMetrics;
    /** Where `/metrics` is served, e.g. http://127.0.0.1:9100/metrics, once the app is ready; else null. */
    metricsUrl: string | null;
  }
}

async function metricsPlugin(
  app: FastifyInstance,
  { config, clusterWorker }: { config: Config; clusterWorker: boolean },
) {
  app.decorate<string | null>('metricsUrl', null);
  if (config.metricsPort === undefined) {
    app.decorate('metrics', NO_METRICS);
    return;
  }
  const { createPrometheusMetrics } = await import('../metrics/prometheus.js');
  const { store } = app;
  const metrics = createPrometheusMetrics({
    memoryStoreBytes: store instanceof MemoryStore ? () => store.usedBytes : undefined,
    clusterWorker,
  });
  app.decorate('metrics', metrics.events);
  // The routes, registered after this plugin, reach the store through app.store: they get
  // the timed one, while the store plugin still closes the one it made.
  app.store = metrics.instrument(store, 'secrets', ['create', 'status', 'reveal', 'burn', 'receipt', 'ping']);
  app.requests = metrics.instrument(app.requests, 'requests', [
    'createRequest',
    'requestStatus',
    'answer',
    'inbox',
    'readAnswer',
  ]);

  app.addHook('onResponse', (request, reply, done) => {
    metrics.answered(request.method, routePattern(request), reply.statusCode, reply.elapsedTime / 1000);
    done();
  });

  if (clusterWorker) return;
  const metricsServer = createMetricsServer(() => metrics.scrape());
  // On ready rather than on listen: a port already taken then fails the start-up.
  app.addHook('onReady', async () => {
    const address = await metricsServer.listen({ port: config.metricsPort!, host: config.host });
    app.metricsUrl = `${address}/metrics`;
    app.log.info(`Metrics at ${app.metricsUrl}`);
  });
  app.addHook('onClose', async () => {
    await metricsServer.close();
  });
}

export default fp(metricsPlugin, { name: 'metrics', fastify: '5.x', dependencies: ['secret-store'] });
