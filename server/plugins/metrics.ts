/**
 * Prometheus metrics (`METRICS_PORT`): every answer the app routes counted by method,
 * route pattern and status, and timed by route (not what is answered on the bare socket:
 * header and body timeouts, unparsable requests); the process's memory; the memory
 * store's fill. They are served by a second, bare server on their own port, so the
 * public port never answers `/metrics` and operators can keep the metrics port off the
 * internet.
 *
 * Labels are route patterns (`/api/secrets/:id/reveal`), never URLs: a URL holds a
 * secret's id. Registered only when METRICS_PORT is set, so nothing is spent otherwise.
 */
import Fastify, { type FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { Config } from '../config.js';
import { Counter, EXPOSITION_CONTENT_TYPE, Gauge, Histogram, Registry } from '../metrics/registry.js';
import { routePattern } from '../route-pattern.js';
import { MemoryStore } from '../store/memory.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** Where `/metrics` is served, e.g. http://127.0.0.1:9100/metrics, once the app is ready; else null. */
    metricsUrl: string | null;
  }
}

/** Seconds; the API answers in milliseconds, an 8 MiB create in a few hundred. */
const DURATION_BOUNDS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5];

async function metricsPlugin(app: FastifyInstance, { config }: { config: Config }) {
  const registry = new Registry();
  const requests = registry.add(
    new Counter('burnlink_http_requests_total', 'Requests answered, by method, route pattern and status code.', [
      'method',
      'route',
      'status',
    ]),
  );
  const duration = registry.add(
    new Histogram(
      'burnlink_http_request_duration_seconds',
      'Time to answer a request, by route pattern.',
      DURATION_BOUNDS,
      ['route'],
    ),
  );
  registry.add(
    new Gauge('process_resident_memory_bytes', 'Resident memory of the server process.', () =>
      process.memoryUsage.rss(),
    ),
  );
  registry.add(new Gauge('nodejs_heap_used_bytes', 'V8 heap in use.', () => process.memoryUsage().heapUsed));
  registry.add(new Gauge('process_uptime_seconds', 'Seconds since the process started.', () => process.uptime()));
  const { store } = app;
  if (store instanceof MemoryStore) {
    registry.add(
      new Gauge(
        'burnlink_memory_store_bytes',
        'Bytes the in-memory store counts against MEMORY_STORE_BYTES.',
        () => store.usedBytes,
      ),
    );
  }

  app.addHook('onResponse', (request, reply, done) => {
    const route = routePattern(request);
    requests.inc([request.method, route, String(reply.statusCode)]);
    duration.observe([route], reply.elapsedTime / 1000);
    done();
  });

  // Short bounds, and open connections cut at close: a scraper must not hold up a shutdown.
  const metricsServer = Fastify({
    logger: false,
    connectionTimeout: 10_000,
    requestTimeout: 10_000,
    forceCloseConnections: true,
  });
  metricsServer.get('/metrics', (_request, reply) => {
    reply.header('cache-control', 'no-store').type(EXPOSITION_CONTENT_TYPE).send(registry.render());
  });
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
