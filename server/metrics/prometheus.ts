/**
 * Every figure burnlink reports, on prom-client: answers by route pattern, domain events
 * (events.ts), the store's latency and failures, the memory store's fill, and the
 * process's defaults (registry.ts). Loaded only when METRICS_PORT is set: prom-client
 * costs start-up time that a server without metrics should not pay.
 *
 * Label values come from fixed sets (route patterns, methods, status codes, store
 * operations, error codes), never from a URL or anything else a client chose.
 */
import { Counter, Gauge, Histogram } from 'prom-client';
import { StoreUnavailableError } from '../store/secret-store.js';
import { EVENTS, type AppMetrics, type EventName } from './events.js';
import { createRegistry, exposition } from './registry.js';

/** Seconds; the API answers in milliseconds, an 8 MiB create in a few hundred. */
const HTTP_DURATION_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5];
/** Seconds; a Redis round trip is well under a millisecond, and REDIS_COMMAND_TIMEOUT_MS defaults to 1 s. */
const STORE_DURATION_BUCKETS = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5];

/** Why a store call failed: StoreUnavailableError's reasons, or anything else thrown. */
const STORE_FAILURES = ['unreachable', 'full', 'other'] as const;

/** Makes a counter's series exist before its first event. */
function startAtZero<S extends Counter.Internal>(series: S): S {
  series.inc(0);
  return series;
}

export interface PrometheusMetrics {
  /** Domain events, for `app.metrics`. */
  events: AppMetrics;
  /** Counts and times one answer of a route (or of none: route `(unmatched)`). */
  answered(method: string, route: string, status: number, seconds: number): void;
  /**
   * The same store with the calls of `operations` timed and their failures counted,
   * labelled `store` (e.g. "secrets") and the method's name.
   */
  instrument<S extends object>(store: S, name: string, operations: readonly (keyof S & string)[]): S;
  /** The text of a scrape. */
  scrape(): Promise<{ text: string; contentType: string }>;
}

/**
 * Creates the figures; `memoryStoreBytes` reads the memory store's fill (absent for Redis);
 * in a cluster worker (`clusterWorker`), the primary scrapes them (registry.ts).
 */
export function createPrometheusMetrics(
  options: { memoryStoreBytes?: () => number; clusterWorker?: boolean } = {},
): PrometheusMetrics {
  const registry = createRegistry({ clusterWorker: options.clusterWorker });
  const registers = [registry];

  const requests = new Counter({
    name: 'burnlink_http_requests_total',
    help: 'Requests answered, by method, route pattern and status code.',
    labelNames: ['method', 'route', 'status'],
    registers,
  });
  const duration = new Histogram({
    name: 'burnlink_http_request_duration_seconds',
    help: 'Time to answer a request, by route pattern.',
    labelNames: ['route'],
    buckets: HTTP_DURATION_BUCKETS,
    registers,
  });
  // Each series' child kept, not looked up from its label values on every answer; they are few.
  const requestSeries = new Map<string, Counter.Internal>();
  const durationSeries = new Map<string, Histogram.Internal<'route'>>();

  const events = Object.fromEntries(
    Object.entries(EVENTS).map(
      ([event, spec]: [string, { help: string; label?: { name: string; values: readonly string[] } }]) => {
        const counter = new Counter({
          name: `burnlink_${event}_total`,
          help: spec.help,
          labelNames: spec.label ? [spec.label.name] : [],
          registers,
        });
        // Every series from the start, at 0: rate() then sees the first event too.
        const series = spec.label
          ? Object.fromEntries(spec.label.values.map((value) => [value, startAtZero(counter.labels(value))]))
          : { '': counter };
        return [event, series];
      },
    ),
  ) as Record<EventName, Record<string, { inc(): void }>>;

  const storeDuration = new Histogram({
    name: 'burnlink_store_duration_seconds',
    help: 'Time the store took to answer (failures included), by store and operation.',
    labelNames: ['store', 'operation'],
    buckets: STORE_DURATION_BUCKETS,
    registers,
  });
  const storeErrors = new Counter({
    name: 'burnlink_store_errors_total',
    help: 'Store calls that failed, by store, operation and reason (unreachable, full, other).',
    labelNames: ['store', 'operation', 'reason'],
    registers,
  });

  const { memoryStoreBytes } = options;
  if (memoryStoreBytes) {
    new Gauge({
      name: 'burnlink_memory_store_bytes',
      help: 'Bytes the in-memory store counts against MEMORY_STORE_BYTES.',
      registers,
      collect() {
        this.set(memoryStoreBytes());
      },
    });
  }

  /** One method of a store, timed; its series exist from the start. */
  function timedMethod(store: string, operation: string, method: (...args: unknown[]) => Promise<unknown>) {
    storeDuration.zero({ store, operation });
    const time = storeDuration.labels(store, operation);
    const failures = Object.fromEntries(
      STORE_FAILURES.map((reason) => [reason, startAtZero(storeErrors.labels(store, operation, reason))]),
    ) as Partial<Record<string, Counter.Internal>>;
    const failed = (start: number, error: unknown) => {
      time.observe((performance.now() - start) / 1000);
      (failures[error instanceof StoreUnavailableError ? error.reason : 'other'] ?? failures.other)?.inc();
      throw error;
    };
    // One then() rather than an async wrapper: this sits on every request's path.
    return (...args: unknown[]) => {
      const start = performance.now();
      let pending: Promise<unknown>;
      try {
        pending = method(...args);
      } catch (error) {
        return failed(start, error);
      }
      return pending.then(
        (value) => {
          time.observe((performance.now() - start) / 1000);
          return value;
        },
        (error: unknown) => failed(start, error),
      );
    };
  }

  return {
    events: { count: (event: EventName, value?: string) => events[event][value ?? '']?.inc() },
    answered(method, route, status, seconds) {
      const key = `${method} ${route} ${status}`;
      let counter = requestSeries.get(key);
      if (!counter) {
        counter = requests.labels(method, route, String(status));
        requestSeries.set(key, counter);
      }
      counter.inc();
      let histogram = durationSeries.get(route);
      if (!histogram) {
        histogram = duration.labels(route);
        durationSeries.set(route, histogram);
      }
      histogram.observe(seconds);
    },
    instrument(store, name, operations) {
      const methods = new Map<PropertyKey, unknown>();
      for (const operation of operations) {
        const method = (store[operation] as (...args: unknown[]) => Promise<unknown>).bind(store);
        methods.set(operation, timedMethod(name, operation, method));
      }
      // A proxy rather than a copy: `instanceof`, getters and the other methods still reach
      // the store itself (bound to it, for its private fields).
      return new Proxy(store, {
        get(target, key) {
          if (methods.has(key)) return methods.get(key);
          const value = Reflect.get(target, key, target) as unknown;
          if (typeof value !== 'function') return value;
          const bound = (value as (...args: unknown[]) => unknown).bind(target);
          methods.set(key, bound);
          return bound;
        },
      });
    },
    scrape: () => exposition(registry),
  };
}
