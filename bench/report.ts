/**
 * Turns a BenchReport into the one table `npm run bench` prints and writes to
 * docs/BENCHMARKS.md, with the targets of issue 5 beside the figures. Targets are
 * reported (met / missed), never asserted.
 */
import type { BenchReport, StoreKind } from './harness.js';
import type { LoadResult } from './load.js';

export interface Row {
  measure: string;
  result: string;
  p50?: string;
  p99?: string;
  non2xx?: string;
  ofCeiling?: string;
  target?: string;
  verdict?: 'met' | 'missed';
  /** The measured numbers behind the row, all of which must be positive in a sane run. */
  values: number[];
}

/** The targets. */
export const TARGETS = {
  createOfCeiling: 0.7,
  revealOfCeiling: 0.8,
  p99Ms: 15,
  redisOverheadBytes: 120,
  /** "30 KB gzip", read strictly as 30,000 bytes. */
  pageJsGzipBytes: 30_000,
  startupMs: 500,
} as const;

const STORE_LABEL: Record<StoreKind, string> = { redis: 'Redis', memory: 'memory store' };

/** Every row of the table, in print order. */
export function reportRows(report: BenchReport): Row[] {
  const rows: Row[] = [];
  rows.push(httpRow('ceiling: bare Fastify `GET /`, small JSON (all its slices)', { route: report.ceiling }));
  rows.push(
    httpRow(`reference: bare Fastify \`POST\`, ${bytes(report.envelopeBytes)} envelope as JSON`, report.reference),
  );
  for (const store of ['redis', 'memory'] as const) {
    const routes = report.routes[store];
    const label = STORE_LABEL[store];
    rows.push(
      httpRow(`${label}: create (${bytes(report.envelopeBytes)} envelope)`, routes.create, {
        ofCeiling: TARGETS.createOfCeiling,
        p99: true,
      }),
    );
    rows.push(httpRow(`${label}: status (peek)`, routes.status, { p99: true }));
    rows.push(httpRow(`${label}: reveal`, routes.reveal, { ofCeiling: TARGETS.revealOfCeiling, p99: true }));
    rows.push(httpRow(`${label}: reveal page \`GET /s/ID\``, routes.page, { p99: true }));
  }

  const memory = report.redisMemory;
  rows.push({
    measure: `Redis memory per secret beyond the ciphertext (INFO used_memory, ${count(memory.secrets)} secrets)`,
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
      measure: `start-up to a ready \`/readyz\`, ${STORE_LABEL[store]} (median of ${report.startup[store].runsMs.length})`,
      result: ms(medianMs, 0),
      target: `≤ ${TARGETS.startupMs} ms`,
      verdict: medianMs <= TARGETS.startupMs ? 'met' : 'missed',
      values: [medianMs],
    });
  }
  rows.push({
    measure: 'reference: start-up of the bare Fastify app',
    result: ms(report.startup.ceiling.medianMs, 0),
    values: [report.startup.ceiling.medianMs],
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
  rows.push({
    measure: 'page JavaScript, create + reveal (`/` and `/s/ID`, shared chunks once), raw / gzip',
    result: size(page.createAndRevealJs),
    target: `≤ ${kB(TARGETS.pageJsGzipBytes)} gzip`,
    verdict: page.createAndRevealJs.gzip <= TARGETS.pageJsGzipBytes ? 'met' : 'missed',
    values: [page.createAndRevealJs.raw, page.createAndRevealJs.gzip],
  });
  for (const [measure, js] of [
    ['page JavaScript, create path (`/`), raw / gzip', page.createJs],
    ['page JavaScript, reveal path (`/s/ID`), raw / gzip', page.revealJs],
    ['page JavaScript every view loads (what index.html names), raw / gzip', page.entryJs],
    ['page JavaScript fetched only when asked for (the QR code), raw / gzip', page.onRequestJs],
    [`page JavaScript, all ${page.jsFiles} files built (other pages, languages), raw / gzip`, page.allJs],
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

/** What an HTTP row is held to: a share of its paired ceiling, and the p99 bound. */
interface HttpTargets {
  ofCeiling?: number;
  p99?: boolean;
}

/** A row for an HTTP measurement; `ceiling` is the one measured between its slices. */
function httpRow(measure: string, measured: { route: LoadResult; ceiling?: LoadResult }, held: HttpTargets = {}): Row {
  const { route, ceiling } = measured;
  const ratio = ceiling && route.reqPerSec / ceiling.reqPerSec;
  const targets = [
    ...(held.ofCeiling !== undefined ? [`≥ ${Math.round(held.ofCeiling * 100)} %`] : []),
    ...(held.p99 ? [`p99 < ${TARGETS.p99Ms} ms`] : []),
  ];
  const met =
    (held.ofCeiling === undefined || (ratio ?? 0) >= held.ofCeiling) && (!held.p99 || route.p99Ms < TARGETS.p99Ms);
  return {
    measure,
    result: `${count(route.reqPerSec)} req/s`,
    p50: ms(route.p50Ms, 1),
    p99: ms(route.p99Ms, 1),
    non2xx: count(route.non2xx),
    ...(ceiling && ratio !== undefined && { ofCeiling: `${Math.round(ratio * 100)} % of ${count(ceiling.reqPerSec)}` }),
    ...(targets.length > 0 && { target: targets.join(', '), verdict: met ? ('met' as const) : ('missed' as const) }),
    values: [route.reqPerSec, route.p50Ms, route.p99Ms, route.responses, ...(ceiling ? [ceiling.reqPerSec] : [])],
  };
}

/** The block printed to the terminal and placed in docs/BENCHMARKS.md. */
export function renderReport(report: BenchReport): string {
  const { machine, options } = report;
  const header =
    `Measured ${machine.date.slice(0, 16).replace('T', ' ')} UTC on ${machine.cpus} × ${machine.cpuModel}, ` +
    `Node ${machine.node}, ${machine.os}. HTTP: ${options.connections} connections over loopback, ` +
    `${options.durationSeconds} s per route after ${options.warmupSeconds} s of warm-up, in ~${options.sliceSeconds} s slices ` +
    `alternating with slices of the ceiling ("of ceiling" compares a route with those; the ceiling's slices ranged ` +
    `from ${count(report.ceilingRange[0])} to ${count(report.ceilingRange[1])} req/s, a measure of the machine's noise ` +
    `during the run); servers are child processes ` +
    `(\`node dist/server/main.js\`, LOG_LEVEL=silent, rate limits off); each created secret allows ` +
    `${report.viewsPerSecret} views. Whole run: ${Math.round(report.elapsedSeconds)} s.`;
  return `${header}\n\n${renderTable(reportRows(report))}\n`;
}

export function renderTable(rows: Row[]): string {
  const head = ['Measure', 'Result', 'p50', 'p99', 'non-2xx', 'of ceiling', 'Target', 'Verdict'];
  const cells = rows.map((row) => [
    row.measure,
    row.result,
    row.p50 ?? '',
    row.p99 ?? '',
    row.non2xx ?? '',
    row.ofCeiling ?? '',
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
const bytes = (value: number) => `${count(value)} B`;
const kB = (value: number) => `${formatNumber(value / 1000, 1)} kB`;
const size = ({ raw, gzip }: { raw: number; gzip: number }) => `${kB(raw)} / ${kB(gzip)}`;

function binarySize(value: number): string {
  if (value >= 1024 * 1024) return `${formatNumber(value / (1024 * 1024), 0)} MiB`;
  if (value >= 1024) return `${formatNumber(value / 1024, 0)} KiB`;
  return bytes(value);
}
