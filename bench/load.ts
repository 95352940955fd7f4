/**
 * One HTTP load measurement with autocannon: a warm-up run that is thrown away, then a
 * timed run at a fixed number of keep-alive connections over loopback.
 */
import autocannon from 'autocannon';

/** What one timed run measured. Latencies cover every response, 2xx or not. */
export interface LoadResult {
  /** Responses per second over the timed run. */
  reqPerSec: number;
  p50Ms: number;
  p99Ms: number;
  /** Responses in the timed run. */
  responses: number;
  /** Responses that were not 2xx, plus connection errors and timeouts. */
  non2xx: number;
  /** Count per status code, e.g. { "200": 51234 }. */
  statusCodes: Record<string, number>;
  durationSeconds: number;
}

export interface LoadSpec {
  /** Origin of the server, e.g. http://127.0.0.1:4321. */
  origin: string;
  method: 'GET' | 'POST';
  /** The path of each request in turn; called once per request, so it can rotate ids. */
  path: () => string;
  /** JSON body sent with every request. */
  body?: string;
  /** Sees every response of the warm-up and the timed run (e.g. to collect created ids). */
  onResponse?: (status: number, body: string) => void;
  connections: number;
  durationSeconds: number;
  warmupSeconds: number;
}

/** Warms up, then measures; throws when the server could not be reached at all. */
export async function measureLoad(spec: LoadSpec): Promise<LoadResult> {
  if (spec.warmupSeconds > 0) await run(spec, spec.warmupSeconds);
  return run(spec, spec.durationSeconds);
}

async function run(spec: LoadSpec, durationSeconds: number): Promise<LoadResult> {
  const latencies: number[] = [];
  const { onResponse } = spec;
  const instance = autocannon({
    url: spec.origin,
    connections: spec.connections,
    duration: durationSeconds,
    timeout: 10,
    requests: [
      {
        method: spec.method,
        headers: spec.body === undefined ? {} : { 'content-type': 'application/json' },
        ...(spec.body !== undefined && { body: spec.body }),
        // Every run, the ceiling included, builds each request through this hook, so
        // the client does the same work per request whatever the route.
        setupRequest: (request) => ({ ...request, path: spec.path() }),
        ...(onResponse && { onResponse: (status: number, body: string) => onResponse(status, body) }),
      },
    ],
  });
  // autocannon's own histogram has 1 ms resolution; keep the exact times for percentiles.
  instance.on('response', (_client: unknown, _status: number, _bytes: number, responseTime: number) => {
    latencies.push(responseTime);
  });
  const result = await instance;
  if (latencies.length === 0) {
    throw new Error(`no response from ${spec.origin} (errors: ${result.errors}, timeouts: ${result.timeouts})`);
  }
  latencies.sort((a, b) => a - b);
  const statusCodes = Object.fromEntries(
    Object.entries(result.statusCodeStats).map(([code, { count }]) => [code, count]),
  );
  return {
    reqPerSec: latencies.length / result.duration,
    p50Ms: percentile(latencies, 0.5),
    p99Ms: percentile(latencies, 0.99),
    responses: latencies.length,
    non2xx: result.non2xx + result.errors + result.timeouts,
    statusCodes,
    durationSeconds: result.duration,
  };
}

/** Nearest-rank percentile of sorted values. */
export function percentile(sorted: readonly number[], fraction: number): number {
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil(fraction * sorted.length) - 1));
  return sorted[index]!;
}
