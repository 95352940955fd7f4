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

/** The issue's targets. */
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
  const ceiling = report.ceiling.get.reqPerSec;
  rows.push(httpRow('ceiling: bare Fastify `GET /`, small JSON', report.ceiling.get, ceiling));
  rows.push(
    httpRow(
      `reference: bare Fastify \`POST\`, ${bytes(report.envelopeBytes)} envelope as JSON, parsed`,
      report.ceiling.post,
      ceiling,
    ),
  );
  for (const store of ['redis', 'memory'] as const) {
    const routes = report.routes[store];
    const label = STORE_LABEL[store];
    rows.push(
      httpRow(`${label}: create (${bytes(report.envelopeBytes)} envelope)`, routes.create, ceiling, TARGETS.createOfCeiling),
    );
    rows.push(httpRow(`${label}: status (peek)`, routes.status, ceiling));
    rows.push(httpRow(`${label}: reveal`, routes.reveal, ceiling, TARGETS.revealOfCeiling));
    rows.push(httpRow(`${label}: reveal page \`GET /s/ID\``, routes.page, ceiling));
  }

  const memory = report.redisMemory;
  rows.push({
    measure: `Redis memory per secret beyond the ciphertext (INFO used_memory, ${count(memory.secrets)} secrets)`,
    result: `${bytes(memory.overheadPerSecret)} (${bytes(memory.usedMemoryPerSecret)} per secret, ${formatNumber(memory.keysPerSecret, 1)} keys)`,
    target: `≤ ${TARGETS.redisOverheadBytes} B`,
    verdict: memory.overheadPerSecret <= TARGETS.redisOverheadBytes ? 'met' : 'missed',
    values: [memory.usedMemoryPerSecret, memory.keysPerSecret],
  });
  const secretKey = memory.byType.string;
  rows.push({
    measure: 'Redis `MEMORY USAGE`, secret key (string), sample mean',
    result: secretKey
      ? `${bytes(secretKey.meanBytes)} = ciphertext + ${bytes(secretKey.meanBytes - memory.envelopeBytes)}`
      : 'none sampled',
    values: [secretKey?.meanBytes ?? 0],
  });
  const receiptKey = memory.byType.hash;
  if (receiptKey) {
    rows.push({
      measure: 'Redis `MEMORY USAGE`, receipt key (hash), sample mean',
      result: bytes(receiptKey.meanBytes),
      values: [receiptKey.meanBytes],
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
  const jsFiles = page.assets.filter((asset) => asset.kind === 'js');
  const lazy = jsFiles.filter((asset) => !asset.entry).length;
  rows.push({
    measure: `page JavaScript, create + reveal (${jsFiles.length} file${jsFiles.length === 1 ? '' : 's'}${lazy ? `, ${lazy} lazy` : ''}), raw / gzip`,
    result: `${kB(page.js.raw)} / ${kB(page.js.gzip)}`,
    target: `≤ ${kB(TARGETS.pageJsGzipBytes)} gzip`,
    verdict: page.js.gzip <= TARGETS.pageJsGzipBytes ? 'met' : 'missed',
    values: [page.js.raw, page.js.gzip],
  });
  rows.push({
    measure: 'page CSS, raw / gzip',
    result: `${kB(page.css.raw)} / ${kB(page.css.gzip)}`,
    values: [page.css.raw, page.css.gzip],
  });
  return rows;
}

function httpRow(measure: string, result: LoadResult, ceiling: number, ratioTarget?: number): Row {
  const ratio = result.reqPerSec / ceiling;
  const isOurs = !measure.startsWith('ceiling') && !measure.startsWith('reference');
  const problems: string[] = [];
  if (ratioTarget !== undefined && ratio < ratioTarget) problems.push('ratio');
  if (isOurs && result.p99Ms >= TARGETS.p99Ms) problems.push('p99');
  const targets = [
    ...(ratioTarget !== undefined ? [`≥ ${Math.round(ratioTarget * 100)} %`] : []),
    ...(isOurs ? [`p99 < ${TARGETS.p99Ms} ms`] : []),
  ];
  return {
    measure,
    result: `${count(result.reqPerSec)} req/s`,
    p50: ms(result.p50Ms, 1),
    p99: ms(result.p99Ms, 1),
    non2xx: count(result.non2xx),
    ofCeiling: `${Math.round(ratio * 100)} %`,
    ...(targets.length > 0 && {
      target: targets.join(', '),
      verdict: problems.length === 0 ? ('met' as const) : ('missed' as const),
    }),
    values: [result.reqPerSec, result.p50Ms, result.p99Ms, result.responses],
  };
}

/** The block printed to the terminal and placed in docs/BENCHMARKS.md. */
export function renderReport(report: BenchReport): string {
  const { machine, options } = report;
  const header =
    `Measured ${machine.date.slice(0, 16).replace('T', ' ')} UTC on ${machine.cpus} × ${machine.cpuModel}, ` +
    `Node ${machine.node}, ${machine.os}. HTTP: ${options.connections} connections over loopback, ` +
    `${options.durationSeconds} s per route after ${options.warmupSeconds} s of warm-up; servers are child processes ` +
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

function binarySize(value: number): string {
  if (value >= 1024 * 1024) return `${formatNumber(value / (1024 * 1024), 0)} MiB`;
  if (value >= 1024) return `${formatNumber(value / 1024, 0)} KiB`;
  return bytes(value);
}
