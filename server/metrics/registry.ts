/**
 * Where the Prometheus registry is made and read, in one place. With node:cluster
 * workers (WORKERS), each worker's app keeps its own registry and hands it to
 * prom-client's cluster aggregation; the primary answers scrapes from an
 * AggregatorRegistry, which asks every worker for its figures and sums them.
 */
import { AggregatorRegistry, collectDefaultMetrics, Registry } from 'prom-client';

/** The text a scrape gets, and its content type (the Prometheus text format 0.0.4). */
export interface Exposition {
  text: string;
  contentType: string;
}

/**
 * A registry of its own per app (tests build many), with the process's default figures.
 * In a cluster worker, it is also what the worker answers the primary's scrapes with.
 */
export function createRegistry(options: { clusterWorker?: boolean } = {}): Registry {
  const registry = new Registry();
  // Event-loop lag, GC, heap, CPU, memory and file descriptors, under prom-client's usual
  // names (process_*, nodejs_*), which ready-made Node.js dashboards and alerts expect.
  collectDefaultMetrics({ register: registry });
  if (options.clusterWorker) {
    // prom-client starts answering the primary when an AggregatorRegistry is constructed.
    new AggregatorRegistry();
    AggregatorRegistry.setRegistries([registry]);
  }
  return registry;
}

export async function exposition(registry: Registry): Promise<Exposition> {
  return { text: await registry.metrics(), contentType: registry.contentType };
}

/** In the cluster's primary: a scrape of every worker's registry, summed (prom-client's aggregators). */
export function clusterExposition(): () => Promise<Exposition> {
  const aggregator = new AggregatorRegistry();
  return async () => ({ text: await aggregator.clusterMetrics(), contentType: aggregator.contentType });
}
