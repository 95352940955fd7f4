/**
 * HTTP load with wrk (bench/wrk.lua) over loopback at a fixed number of keep-alive
 * connections. wrk, in C on one thread, takes a fraction of the CPU autocannon did,
 * which matters on a 2-core machine where client, server and Redis share the cores
 * (docs/BENCHMARKS.md, "The load generator").
 *
 * The machine is shared and noisy: back-to-back runs of the same bare route differ by
 * half. So a route is measured against what it is compared with in alternating slices
 * (twin, route, twin, route, …), and its ratio compares like with like.
 */
import { execFile, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cpuSpent, readCpu, type CpuReading } from './cpu.js';

const WRK_SCRIPT = readFileSync(fileURLToPath(new URL('wrk.lua', import.meta.url)), 'utf8');
/** One client thread: wrk serves 100k+ requests a second on one, and the server needs the other core. */
const WRK_THREADS = 1;
const WRK_TIMEOUT = '10s';

/** What a measurement found. Latencies cover every response, 2xx or not. */
export interface LoadResult {
  /** Responses per second over the timed slices. */
  reqPerSec: number;
  p50Ms: number;
  p99Ms: number;
  /** Responses in the timed slices. */
  responses: number;
  /** Responses of status 400 or more, plus connection errors and timeouts. */
  non2xx: number;
  durationSeconds: number;
  /** Cores busy on the whole machine, on average over the timed slices (of as many as it has). */
  busyCores: number;
  /** CPU microseconds the server's processes spent per response, when the target names them. */
  serverCpuMicros?: number;
}

/** A server under load: where it answers, and its process (whose tree's CPU is read). */
export interface Server {
  /** e.g. http://127.0.0.1:4321 */
  origin: string;
  pid?: number;
}

export interface LoadTarget extends Server {
  method: 'GET' | 'POST';
  /**
   * The paths requested, round-robin; each run of the same target goes on where the last
   * one stopped, so ids with a few views each are not walked from the start every slice.
   */
  paths: readonly string[];
  /** JSON body sent with every request. */
  body?: string;
  /** When set, the `id` of every 201 answer (warm-up included) is added here. */
  ids?: string[];
}

export interface LoadSettings {
  connections: number;
  /** Timed seconds per route (what it is paired with gets as many again). */
  durationSeconds: number;
  /** Untimed seconds before a route's first slice. */
  warmupSeconds: number;
  /** Length of one slice; the duration is cut into slices about this long. */
  sliceSeconds: number;
}

/** A route, and what it is compared with measured in the slices between the route's. */
export interface PairedResult {
  route: LoadResult;
  other: LoadResult;
}

/** The same requests, sent to another server (the bare twin of a route). */
export function sameRequestsTo(target: LoadTarget, server: Server): LoadTarget {
  // The same id collection too, so the client does the same work for both.
  return { ...target, origin: server.origin, pid: server.pid, ...(target.ids && { ids: [] }) };
}

/** A route and another target measured in alternating slices of equal length. */
export async function measurePaired(
  route: LoadTarget,
  other: LoadTarget,
  settings: LoadSettings,
): Promise<PairedResult> {
  if (settings.warmupSeconds > 0) {
    // A cold server on a busy machine may not finish one request within a warm-up slice.
    await runSlice(other, settings.connections, settings.warmupSeconds / 2, { mayBeEmpty: true });
    await runSlice(route, settings.connections, settings.warmupSeconds, { mayBeEmpty: true });
  }
  const slices = Math.max(1, Math.round(settings.durationSeconds / settings.sliceSeconds));
  const seconds = settings.durationSeconds / slices;
  const routeSlices: Slice[] = [];
  const otherSlices: Slice[] = [];
  for (let i = 0; i < slices; i++) {
    // Both orders, so neither side always runs on the warmer machine.
    const order = i % 2 === 0 ? [other, route] : [route, other];
    for (const target of order) {
      (target === route ? routeSlices : otherSlices).push(await runSlice(target, settings.connections, seconds));
    }
  }
  return { route: aggregate(routeSlices), other: aggregate(otherSlices) };
}

/** One wrk run's figures. */
export interface Slice {
  /** [microseconds, responses] for every latency seen. */
  latency: [number, number][];
  responses: number;
  durationSeconds: number;
  non2xx: number;
  /** CPU spent while wrk ran (its start and exit included). */
  cpu: CpuReading;
}

/** Fails early with the command to run when wrk is missing. */
export function assertWrk(): void {
  if (spawnSync('wrk', ['--version']).error) {
    throw new Error('wrk is not installed: the benchmark loads the servers with it (apt-get install wrk).');
  }
}

const workDir = mkdtempSync(join(tmpdir(), 'burnlink-bench-'));
process.once('exit', () => rmSync(workDir, { recursive: true, force: true }));
let files = 0;
/** Per target: its script, body and paths files, and where its next run starts. */
const prepared = new WeakMap<LoadTarget, { script: string; body: string; paths: string; next: number }>();

function prepare(target: LoadTarget) {
  let setup = prepared.get(target);
  if (!setup) {
    const base = join(workDir, String(files++));
    setup = { script: `${base}.lua`, body: '-', paths: `${base}.paths`, next: 0 };
    writeFileSync(setup.script, `${target.ids ? 'collect_ids = true\n' : ''}${WRK_SCRIPT}`);
    if (target.body !== undefined) writeFileSync((setup.body = `${base}.json`), target.body);
    writeFileSync(setup.paths, `${target.paths.join('\n')}\n`);
    prepared.set(target, setup);
  }
  return setup;
}

/** Runs wrk against one target for `seconds` (whole seconds: wrk takes no less). */
export async function runSlice(
  target: LoadTarget,
  connections: number,
  seconds: number,
  { mayBeEmpty = false } = {},
): Promise<Slice> {
  const setup = prepare(target);
  const idsFile = target.ids ? join(workDir, `ids-${files++}`) : '-';
  const duration = Math.max(1, Math.round(seconds));
  const cpuBefore = readCpu(target.pid);
  const stdout = await new Promise<string>((resolve, reject) => {
    execFile(
      'wrk',
      [
        `-t${WRK_THREADS}`,
        `-c${connections}`,
        `-d${duration}s`,
        `--timeout`,
        WRK_TIMEOUT,
        '-s',
        setup.script,
        target.origin,
        '--',
        target.method,
        setup.body,
        setup.paths,
        String(setup.next),
        String(WRK_THREADS),
        idsFile,
      ],
      { maxBuffer: 64 * 1024 * 1024 },
      (error, out, err) => (error ? reject(new Error(`wrk failed: ${error.message}\n${err}`)) : resolve(out)),
    );
  });
  const cpu = cpuSpent(cpuBefore, readCpu(target.pid));
  const line = stdout.split('\n').find((text) => text.startsWith('{"responses"'));
  if (!line) throw new Error(`wrk printed no result for ${target.origin}:\n${stdout}`);
  const result = JSON.parse(line) as {
    responses: number;
    durationMicros: number;
    errors: Record<'connect' | 'read' | 'write' | 'status' | 'timeout', number>;
    latency: [number, number][];
  };
  // Requests still in flight when wrk stopped reached the server too: skip past them.
  setup.next = (setup.next + result.responses + connections) % target.paths.length;
  if (target.ids) {
    for (let thread = 0; thread < WRK_THREADS; thread++) {
      const text = await readFile(`${idsFile}.${thread}`, 'utf8').catch(() => '');
      for (const id of text.split('\n')) if (id) target.ids.push(id);
    }
  }
  if (result.responses === 0 && !mayBeEmpty) {
    throw new Error(`no response from ${target.origin} (wrk errors: ${JSON.stringify(result.errors)})`);
  }
  const { connect, read, write, status, timeout } = result.errors;
  return {
    latency: result.latency,
    responses: result.responses,
    durationSeconds: result.durationMicros / 1e6,
    non2xx: connect + read + write + status + timeout,
    cpu,
  };
}

/** Pools slices into one result: exact percentiles over all their responses. */
export function aggregate(slices: Slice[]): LoadResult {
  const histogram = new Map<number, number>();
  for (const slice of slices) {
    for (const [micros, hits] of slice.latency) histogram.set(micros, (histogram.get(micros) ?? 0) + hits);
  }
  const sorted = [...histogram].sort((a, b) => a[0] - b[0]);
  const responses = slices.reduce((sum, slice) => sum + slice.responses, 0);
  const durationSeconds = slices.reduce((sum, slice) => sum + slice.durationSeconds, 0);
  const cpu = (part: keyof CpuReading) => slices.reduce((sum, slice) => sum + (slice.cpu[part] ?? NaN), 0);
  const serverSeconds = cpu('serverSeconds');
  return {
    reqPerSec: responses / durationSeconds,
    p50Ms: percentile(sorted, 0.5) / 1000,
    p99Ms: percentile(sorted, 0.99) / 1000,
    responses,
    non2xx: slices.reduce((sum, slice) => sum + slice.non2xx, 0),
    durationSeconds,
    busyCores: (cpu('machineBusySeconds') / cpu('machineSeconds')) * cpus().length,
    ...(Number.isFinite(serverSeconds) && responses > 0 && { serverCpuMicros: (serverSeconds / responses) * 1e6 }),
  };
}

/** Nearest-rank percentile of a sorted histogram of [value, count]. */
export function percentile(sorted: readonly [number, number][], fraction: number): number {
  const total = sorted.reduce((sum, [, hits]) => sum + hits, 0);
  const rank = Math.max(1, Math.ceil(fraction * total));
  let seen = 0;
  for (const [value, hits] of sorted) {
    seen += hits;
    if (seen >= rank) return value;
  }
  return sorted.at(-1)?.[0] ?? 0;
}
