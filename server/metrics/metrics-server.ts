/**
 * The bare server answering `GET /metrics` on METRICS_PORT, apart from the public port:
 * one app's figures (plugins/metrics.ts), or with WORKERS the cluster's, summed by the
 * primary (workers.ts).
 */
import Fastify, { type FastifyInstance } from 'fastify';
import type { Exposition } from './registry.js';

/** A server for `scrape`; the caller listens and closes it. */
export function createMetricsServer(scrape: () => Promise<Exposition>): FastifyInstance {
  // Short bounds, and open connections cut at close: a scraper must not hold up a shutdown.
  const server = Fastify({
    logger: false,
    connectionTimeout: 10_000,
    requestTimeout: 10_000,
    forceCloseConnections: true,
  });
  server.get('/metrics', async (_request, reply) => {
    const { text, contentType } = await scrape();
    return reply.header('cache-control', 'no-store').type(contentType).send(text);
  });
  return server;
}
