/**
 * HTTP load with autocannon over loopback at a fixed number of keep-alive connections.
 *
 * The machine is shared and noisy: back-to-back runs of the same bare route differ by
 * half. So a route is measured against the ceiling in alternating slices (ceiling,
 * route, ceiling, route, …), and its ratio compares like with like.
 */
import autocannon from 'autocannon';

/** What a measurement found. Latencies cover every response, 2xx or not. */
export interface LoadResult {
  /** Responses per second over the timed slices. */
  reqPerSec: number;
  p50Ms: number;
  p99Ms: number;
  /** Responses in the timed slices. */
  responses: number;
  /** Responses that were not 2xx, plus connection errors and timeouts. */
  non2xx: number;
  /** Count per status code, e.g. { "200": 51234 }. */
  statusCodes: Record<string, number>;
  durationSeconds: number;
}

export interface LoadTarget {
  /** Origin of the server, e.g. http://127.0.0.1:4321. */
  origin: string;
  method: 'GET' | 'POST';
  /** The path of each request in turn; called once per request, so it can rotate ids. */
  path: () => string;
  /** JSON body sent with every request. */
  body?: string;
  /** Sees every response, warm-up included (e.g. to collect created ids). */
  onResponse?: (status: number, body: string) => void;
}

export interface LoadSettings {
  connections: number;
  /** Timed seconds per route (the paired ceiling gets as many again). */
  durationSeconds: number;
  /** Untimed seconds before a route's first slice. */
  warmupSeconds: number;
  /** Length of one slice; the duration is cut into slices about this long. */
  sliceSeconds: number;
}

/** A route, and the ceiling measured in the slices between the route's. */
export interface PairedResult {
  route: LoadResult;
  ceiling: LoadResult;
  /** The ceiling's raw slices, to pool with other pairs' into one ceiling figure. */
  ceilingSlices: Slice[];
}

/** A route and the ceiling measured in alternating slices of equal length. */
export async function measurePaired(
  route: LoadTarget,
  ceiling: LoadTarget,
  settings: LoadSettings,
): Promise<PairedResult> {
  if (settings.warmupSeconds > 0) await runSlice(route, settings.connections, settings.warmupSeconds);
  const slices = Math.max(1, Math.round(settings.durationSeconds / settings.sliceSeconds));
  const seconds = settings.durationSeconds / slices;
  const routeSlices: Slice[] = [];
  const ceilingSlices: Slice[] = [];
  for (let i = 0; i < slices; i++) {
    ceilingSlices.push(await runSlice(ceiling, settings.connections, seconds));
    routeSlices.push(await runSlice(route, settings.connections, seconds));
  }
  return { route: aggregate(routeSlices), ceiling: aggregate(ceilingSlices), ceilingSlices };
}

/** Warms up, then measures one target on its own. */
export async function measureLoad(target: LoadTarget, settings: LoadSettings): Promise<LoadResult> {
  if (settings.warmupSeconds > 0) await runSlice(target, settings.connections, settings.warmupSeconds);
  return aggregate([await runSlice(target, settings.connections, settings.durationSeconds)]);
}

/** One autocannon run's raw figures. */
export interface Slice {
  latencies: number[];
  durationSeconds: number;
  non2xx: number;
  statusCodes: Record<string, number>;
}

async function runSlice(target: LoadTarget, connections: number, durationSeconds: number): Promise<Slice> {
  const latencies: number[] = [];
  const { onResponse } = target;
  const instance = autocannon({
    url: target.origin,
    connections,
    duration: durationSeconds,
    // autocannon stops at its first sample tick after the duration: tick often, so a
    // short slice is not stretched to the next whole second.
    sampleInt: 100,
    timeout: 10,
    requests: [
      {
        method: target.method,
        headers: target.body === undefined ? {} : { 'content-type': 'application/json' },
        ...(target.body !== undefined && { body: target.body }),
        // Every run, the ceiling's included, builds each request through this hook, so
        // the client does the same work per request whatever the route.
        setupRequest: (request) => ({ ...request, path: target.path() }),
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
    throw new Error(`no response from ${target.origin} (errors: ${result.errors}, timeouts: ${result.timeouts})`);
  }
  return {
    latencies,
    durationSeconds: result.duration,
    non2xx: result.non2xx + result.errors + result.timeouts,
    statusCodes: Object.fromEntries(Object.entries(result.statusCodeStats).map(([code, { count }]) => [code, count])),
  };
}

/** Pools slices into one result: exact percentiles over all their responses. */
export function aggregate(slices: Slice[]): LoadResult {
  const latencies = slices.flatMap((slice) => slice.latencies).sort((a, b) => a - b);
  const durationSeconds = slices.reduce((sum, slice) => sum + slice.durationSeconds, 0);
  const statusCodes: Record<string, number> = {};
  for (const slice of slices) {
    for (const [code, count] of Object.entries(slice.statusCodes)) statusCodes[code] = (statusCodes[code] ?? 0) + count;
  }
  return {
    reqPerSec: latencies.length / durationSeconds,
    p50Ms: percentile(latencies, 0.5),
    p99Ms: percentile(latencies, 0.99),
    responses: latencies.length,
    non2xx: slices.reduce((sum, slice) => sum + slice.non2xx, 0),
    statusCodes,
    durationSeconds,
  };
}

/** Nearest-rank percentile of sorted values. */
export function percentile(sorted: readonly number[], fraction: number): number {
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil(fraction * sorted.length) - 1));
  return sorted[index]!;
}
