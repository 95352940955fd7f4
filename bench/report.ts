/**
 * Turns a BenchReport into the one table `npm run bench` prints and writes to
 * docs/BENCHMARKS.md, with the targets of issue 11 beside the figures. Targets are
 * reported (met / missed), never asserted.
 */
import type { BenchReport, StoreKind } from './harness.js';
import type { LoadResult } from './load.js';
import { PAGES, type PageName } from './page-size.js';

export interface Row {
  measure: string;
  result: string;
  p50?: string;
  p99?: string;
  non2xx?: string;
  /** What an HTTP row was paired with, and its share of that (or multiple, for WORKERS). */
  compared?: string;
  /** An HTTP row's server CPU per answer and the machine's busy cores, beside those of what it was paired with. */
  cpu?: string;
  target?: string;
  verdict?: 'met' | 'missed';
  /** The measured numbers behind the row, all of which must be positive in a sane run. */
  values: number[];
}

/** The targets. */
export const TARGETS = {
  /** Shares of the bare Fastify route taking the same requests, one process on Redis. */
  createOfBare: 0.65,
  revealOfBare: 0.6,
  /** WORKERS=2 against one process, on Redis, create and reveal. */
  workersSpeedup: 1.3,
  p99Ms: 10,
  redisOverheadBytes: 300,
  /** "30 KB gzip", read strictly as 30,000 bytes. */
  pageJsGzipBytes: 30_000,
  startupMs: 300,
} as const;

const STORE_LABEL: Record<StoreKind, string> = { redis: 'Redis', memory: 'memory store' };

/** Every row of the table, in print order. */
export function reportRows(report: BenchReport): Row[] {
  const rows: Row[] = [];
  for (const store of ['redis', 'memory'] as const) {
    const routes = report.routes[store];
    const label = STORE_LABEL[store];
    // The throughput targets are about one process on Redis; the memory store's shares are for reference.
    const share = (target: number) => (store === 'redis' ? { ofBare: target } : {});
    rows.push(
      httpRow(`${label}: create (${bytes(report.envelopeBytes)} envelope)`, routes.create, {
        ...share(TARGETS.createOfBare),
        p99: true,
      }),
    );
    rows.push(httpRow(`${label}: status (peek)`, routes.status, { p99: true }));
    rows.push(httpRow(`${label}: reveal`, routes.reveal, { ...share(TARGETS.revealOfBare), p99: true }));
    rows.push(httpRow(`${label}: reveal page \`GET /s/ID\``, routes.page, { p99: true }));
  }
  const { workers } = report.options;
  for (const route of ['create', 'reveal'] as const) {
    rows.push(
      httpRow(`Redis, WORKERS=${workers}: ${route}`, report.workers[route], {
        speedup: TARGETS.workersSpeedup,
        p99: true,
      }),
    );
  }
  // Server, Redis and wrk share the machine's cores: with one process already keeping
  // part of the other core busy, more processes can only add what is left idle.
  const { cpus } = report.machine;
  const ceilings = (['create', 'reveal'] as const).map((route) =>
    Math.min(workers, cpus / report.workers[route].other.busyCores),
  );
  rows.push({
    measure: `Redis, WORKERS=${workers}: the most ${cpus} cores allow, create / reveal (${cpus} ÷ cores busy with one process)`,
    result: ceilings.map((ceiling) => `${formatNumber(ceiling, 2)}×`).join(' / '),
    values: ceilings,
  });

  const memory = report.redisMemory;
  rows.push({
    measure: `Redis memory per secret beyond the envelope (INFO used_memory, ${count(memory.secrets)} secrets)`,
    result: `${bytes(memory.overheadPerSecret)} (${bytes(memory.usedMemoryPerSecret)} per secret, ${formatNumber(memory.keysPerSecret, 1)} keys)`,
    target: `≤ ${TARGETS.redisOverheadBytes} B`,
    verdict: memory.overheadPerSecret <= TARGETS.redisOverheadBytes ? 'met' : 'missed',
    values: [memory.usedMemoryPerSecret, memory.keysPerSecret],
  });
  const secretKey = memory.byRole.secret;
  rows.push({
    measure: 'Redis `MEMORY USAGE`, secret key (string), sample mean',
    result: secretKey
      ? `${bytes(secretKey.meanBytes)} = ciphertext + ${bytes(secretKey.meanBytes - memory.envelopeBytes)}`
      : 'none sampled',
    values: [secretKey?.meanBytes ?? 0],
  });
  const receiptKey = memory.byRole.receipt;
  if (receiptKey) {
    rows.push({
      measure: 'Redis `MEMORY USAGE`, receipt key (string) of an unread secret, sample mean',
      result: bytes(receiptKey.meanBytes),
      values: [receiptKey.meanBytes],
    });
  }
  if (memory.viewedReceipt.sampled > 0) {
    rows.push({
      measure: `Redis \`MEMORY USAGE\`, receipt key after its secret's one view (${memory.viewedReceipt.sampled} revealed)`,
      result: bytes(memory.viewedReceipt.meanBytes),
      values: [memory.viewedReceipt.meanBytes],
    });
  }

  for (const store of ['memory', 'redis'] as const) {
    const { medianMs } = report.startup[store];
    rows.push({
      measure: `start-up to a ready \`/readyz\`, one process, ${STORE_LABEL[store]} (median of ${report.startup[store].runsMs.length})`,
      result: ms(medianMs, 0),
      target: `≤ ${TARGETS.startupMs} ms`,
      verdict: medianMs <= TARGETS.startupMs ? 'met' : 'missed',
      values: [medianMs],
    });
  }
  rows.push({
    measure: 'reference: start-up of the bare Fastify app',
    result: ms(report.startup.bare.medianMs, 0),
    values: [report.startup.bare.medianMs],
  });

  for (const size of report.envelope.sizes) {
    for (const [operation, time] of [
      ['seal', size.sealMs],
      ['open', size.openMs],
    ] as const) {
      rows.push({
        measure: `envelope ${operation}, ${binarySize(size.payloadBytes)} file (${bytes(size.envelopeBytes)} envelope)`,
        result: `${ms(time, time < 1 ? 3 : 1)} (${formatNumber(size.payloadBytes / 1e6 / (time / 1000), 1)} MB/s)`,
        values: [time],
      });
    }
  }
  rows.push({
    measure: 'envelope `deriveKeys`, link key only (HKDF)',
    result: ms(report.envelope.deriveKeysMs, 3),
    values: [report.envelope.deriveKeysMs],
  });
  rows.push({
    measure: 'envelope `deriveKeys` with a passphrase (PBKDF2-SHA256, 600,000 iterations)',
    result: ms(report.envelope.pbkdf2Ms, 0),
    values: [report.envelope.pbkdf2Ms],
  });

  const { page } = report;
  for (const [name, address] of Object.entries(PAGES) as [PageName, string][]) {
    const js = page.paths[name];
    rows.push({
      measure: `page JavaScript, ${name} path (\`${address}\`), raw / gzip`,
      result: size(js),
      target: `≤ ${kB(TARGETS.pageJsGzipBytes)} gzip`,
      verdict: js.gzip <= TARGETS.pageJsGzipBytes ? 'met' : 'missed',
      values: [js.raw, js.gzip],
    });
  }
  for (const [measure, js] of [
    ['page JavaScript every path loads alike (the frame’s words), raw / gzip', page.commonJs],
    [
      `page JavaScript loaded again on a second kind of page, most (${page.nextPathJs.from} then ${page.nextPathJs.to}), raw / gzip`,
      page.nextPathJs.size,
    ],
    [
      'page JavaScript fetched only on an action (result views, sealing code, QR code; every page’s), raw / gzip',
      page.onRequestJs,
    ],
    [
      `page JavaScript, German catalogs instead of English (${page.germanJs.page} path), raw / gzip`,
      page.germanJs.size,
    ],
    [`page JavaScript, all ${page.jsFiles} files built (every page and catalog), raw / gzip`, page.allJs],
  ] as const) {
    rows.push({ measure, result: size(js), values: [js.raw, js.gzip] });
  }
  rows.push({
    measure: 'page CSS, raw / gzip',
    result: size(page.css),
    values: [page.css.raw, page.css.gzip],
  });
  return rows;
}

/**
 * What an HTTP row is held to: a share of its bare twin (`ofBare`), or a multiple of one
 * server process (`speedup`, the WORKERS rows), and the p99 bound.
 */
interface HttpTargets {
  ofBare?: number;
  speedup?: number;
  p99?: boolean;
}

/** A row for an HTTP measurement; `other` is what was measured between its slices. */
function httpRow(measure: string, measured: { route: LoadResult; other: LoadResult }, held: HttpTargets = {}): Row {
  const { route, other } = measured;
  const ratio = route.reqPerSec / other.reqPerSec;
  const bound = held.ofBare ?? held.speedup;
  const targets = [
    ...(held.ofBare !== undefined ? [`≥ ${Math.round(held.ofBare * 100)} %`] : []),
    ...(held.speedup !== undefined ? [`≥ ${formatNumber(held.speedup, 1)}×`] : []),
    ...(held.p99 ? [`p99 ≤ ${TARGETS.p99Ms} ms`] : []),
  ];
  const met = (bound === undefined || ratio >= bound) && (!held.p99 || route.p99Ms <= TARGETS.p99Ms);
  const otherName = held.speedup !== undefined ? 'one process' : 'bare';
  return {
    measure,
    result: `${count(route.reqPerSec)} req/s`,
    p50: ms(route.p50Ms, 1),
    p99: ms(route.p99Ms, 1),
    non2xx: count(route.non2xx),
    compared:
      held.speedup !== undefined
        ? `${formatNumber(ratio, 2)}× one process (${count(other.reqPerSec)})`
        : `${Math.round(ratio * 100)} % of bare (${count(other.reqPerSec)})`,
    cpu:
      `${micros(route.serverCpuMicros)} (${otherName} ${micros(other.serverCpuMicros)}); ` +
      `${formatNumber(route.busyCores, 2)} cores (${otherName} ${formatNumber(other.busyCores, 2)})`,
    ...(targets.length > 0 && { target: targets.join(', '), verdict: met ? ('met' as const) : ('missed' as const) }),
    values: [
      route.reqPerSec,
      route.p50Ms,
      route.p99Ms,
      route.responses,
      other.reqPerSec,
      route.busyCores,
      other.busyCores,
      route.serverCpuMicros ?? 0,
      other.serverCpuMicros ?? 0,
    ],
  };
}

/** The block printed to the terminal and placed in docs/BENCHMARKS.md. */
export function renderReport(report: BenchReport): string {
  const { machine, options } = report;
  const header =
    `Measured ${machine.date.slice(0, 16).replace('T', ' ')} UTC on ${machine.cpus} × ${machine.cpuModel}, ` +
    `Node ${machine.node}, ${machine.os}. HTTP: ${options.connections} connections over loopback, ` +
    `${options.durationSeconds} s per route after ${options.warmupSeconds} s of warm-up, load from wrk (one thread), ` +
    `in ~${options.sliceSeconds} s slices alternating with slices of what the route is compared with: its bare twin ` +
    `(the same requests to a bare Fastify route parsing the same body), or for the WORKERS rows one server process ` +
    `on the same Redis. Servers are child processes (\`node dist/server/main.js\`, LOG_LEVEL=silent, metrics off, ` +
    `rate limits, byte budgets and per-client upload caps off: \`0\`); each created secret allows ` +
    `${report.options.viewsPerSecret} views. CPU, read from /proc over the same slices: the server's processes ` +
    `(a WORKERS primary with its workers) per answer, and the cores the whole machine kept busy on average, ` +
    `of ${machine.cpus}: server, Redis, wrk and anything else running. Whole run: ${Math.round(report.elapsedSeconds)} s.`;
  return `${header}\n\n${renderTable(reportRows(report))}\n`;
}

export function renderTable(rows: Row[]): string {
  const head = [
    'Measure',
    'Result',
    'p50',
    'p99',
    'non-2xx',
    'compared with',
    'server CPU per answer; cores busy',
    'Target',
    'Verdict',
  ];
  const cells = rows.map((row) => [
    row.measure,
    row.result,
    row.p50 ?? '',
    row.p99 ?? '',
    row.non2xx ?? '',
    row.compared ?? '',
    row.cpu ?? '',
    row.target ?? '',
    row.verdict ?? '',
  ]);
  const widths = head.map((title, column) => Math.max(title.length, ...cells.map((cell) => cell[column]!.length)));
  const line = (values: string[]) => `| ${values.map((value, column) => value.padEnd(widths[column]!)).join(' | ')} |`;
  return [line(head), line(widths.map((width) => '-'.repeat(width))), ...cells.map(line)].join('\n');
}

const formatNumber = (value: number, digits: number) =>
  value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const count = (value: number) => formatNumber(value, 0);
const ms = (value: number, digits: number) => `${formatNumber(value, digits)} ms`;
const micros = (value: number | undefined) => (value === undefined ? '?' : `${count(value)} µs`);
const bytes = (value: number) => `${count(value)} B`;
const kB = (value: number) => `${formatNumber(value / 1000, 1)} kB`;
const size = ({ raw, gzip }: { raw: number; gzip: number }) => `${kB(raw)} / ${kB(gzip)}`;

function binarySize(value: number): string {
  if (value >= 1024 * 1024) return `${formatNumber(value / (1024 * 1024), 0)} MiB`;
  if (value >= 1024) return `${formatNumber(value / 1024, 0)} KiB`;
  return bytes(value);
}
