/**
 * `npm run bench`: builds (via the npm script), runs the whole benchmark, prints the
 * table and puts the very same block into docs/BENCHMARKS.md between its markers,
 * leaving the hand-written analysis around them alone.
 *
 *   npm run bench                       full run (about 3 minutes on 2 cores)
 *   npm run bench -- --quick            1 s per route, 10k secrets: a quick look, nothing written
 *   npm run bench -- --duration 4 --connections 16    other settings: a look, nothing written
 *   npm run bench -- --cpu-prof DIR     also write V8 CPU profiles of the servers under load
 *   npm run bench -- --no-write         print only
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { runBench, type BenchOptions } from './harness.js';
import { REPO_ROOT } from './processes.js';
import { renderReport } from './report.js';

const RESULTS_START = '<!-- bench:results:start — written by `npm run bench`; do not edit by hand -->';
const RESULTS_END = '<!-- bench:results:end -->';

const QUICK: Partial<BenchOptions> = {
  durationSeconds: 1,
  warmupSeconds: 0.5,
  secrets: 10_000,
  startupRuns: 2,
  pbkdf2Runs: 1,
  envelopeMinTimeMs: 100,
};

async function main() {
  const { values } = parseArgs({
    options: {
      quick: { type: 'boolean', default: false },
      'no-write': { type: 'boolean', default: false },
      out: { type: 'string', default: resolve(REPO_ROOT, 'docs/BENCHMARKS.md') },
      'cpu-prof': { type: 'string' },
      connections: { type: 'string' },
      duration: { type: 'string' },
    },
  });
  const cpuProfileDir = values['cpu-prof'] && resolve(values['cpu-prof']);
  if (cpuProfileDir) await mkdir(cpuProfileDir, { recursive: true });
  const options: Partial<BenchOptions> = {
    ...(values.quick && QUICK),
    ...(values.connections && { connections: positive('--connections', values.connections) }),
    ...(values.duration && { durationSeconds: positive('--duration', values.duration) }),
    ...(cpuProfileDir && { cpuProfileDir }),
    log: (line) => console.error(`[${Math.round(process.uptime())} s] ${line}`),
  };
  const report = await runBench(options);
  const block = renderReport(report);
  console.log(`\n${block}`);
  // A quick or customised run is a look, not the record.
  const custom = values.quick || values.connections !== undefined || values.duration !== undefined;
  if (values['no-write'] || custom) {
    console.error('(docs/BENCHMARKS.md not written: --no-write, --quick, --connections or --duration given)');
  } else {
    await writeResults(values.out, block);
    console.error(`Written to ${values.out}`);
  }
  if (cpuProfileDir) console.error(`CPU profiles of the servers under load: ${cpuProfileDir}`);
}

/** Replaces the results between the markers, or starts the file when it has none. */
async function writeResults(file: string, block: string): Promise<void> {
  const results = `${RESULTS_START}\n\n${block}\n${RESULTS_END}`;
  const current = existsSync(file) ? await readFile(file, 'utf8') : '';
  const start = current.indexOf(RESULTS_START);
  const end = current.indexOf(RESULTS_END);
  const next =
    start >= 0 && end > start
      ? current.slice(0, start) + results + current.slice(end + RESULTS_END.length)
      : `${current || '# Benchmarks\n\nProduced by `npm run bench` (bench/).\n'}\n${results}\n`;
  await writeFile(file, next);
}

function positive(flag: string, raw: string): number {
  const value = Number(raw);
  if (!(value > 0)) throw new Error(`${flag} takes a positive number (got ${JSON.stringify(raw)})`);
  return value;
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
