/**
 * The benchmark harness in a tiny mode, so it cannot rot: every row is produced and
 * every figure is a positive number. It checks that the harness works, never how fast
 * anything is. Needs `npm run build` (npm test runs it), redis-server and wrk.
 */
import { describe, expect, it } from 'vitest';
import { runBench } from '../../bench/harness.js';
import { renderReport, reportRows } from '../../bench/report.js';

describe('npm run bench, tiny', () => {
  it('measures every row with positive figures', { timeout: 90_000 }, async () => {
    const report = await runBench({
      durationSeconds: 0.5,
      // A fresh server compiles its schemas on first use: on a busy machine that took a
      // whole half-second slice without one answer.
      warmupSeconds: 0.5,
      connections: 4,
      secrets: 200,
      sizes: [1024],
      startupRuns: 1,
      pbkdf2Runs: 1,
      envelopeMinTimeMs: 1,
      // Slices this short let a busy moment starve one create slice; with the server's
      // default most views, reveal cannot outrun the secrets create made.
      viewsPerSecret: 100,
    });

    const rows = reportRows(report);
    const measures = rows.map((row) => row.measure).join('\n');
    for (const expected of [
      'Redis: create',
      'Redis: status',
      'Redis: reveal',
      'Redis: reveal page',
      'memory store: create',
      'memory store: status',
      'memory store: reveal',
      'memory store: reveal page',
      'Redis, WORKERS=2: create',
      'Redis, WORKERS=2: reveal',
      'Redis memory per secret',
      'secret key (string)',
      'start-up to a ready `/readyz`, one process, memory store',
      'start-up to a ready `/readyz`, one process, Redis',
      'envelope seal, 1 KiB',
      'envelope open, 1 KiB',
      'PBKDF2',
      'page JavaScript, create path',
      'page JavaScript, reveal path',
      'page JavaScript, receipt path',
      'page JavaScript, request path',
      'page JavaScript, answer path',
      'page JavaScript, inbox path',
      'page JavaScript, German catalogs',
      'page CSS',
    ]) {
      expect(measures).toContain(expected);
    }
    for (const row of rows) {
      expect(row.values.length, row.measure).toBeGreaterThan(0);
      for (const value of row.values) expect(value, row.measure).toBeGreaterThan(0);
    }

    // Every measured answer was a success: reveals and statuses were real 200s, not 404s
    // of exhausted secrets (wrk counts every answer of 400 or more).
    for (const store of ['redis', 'memory'] as const) {
      const { create, status, reveal, secrets } = report.routes[store];
      expect(secrets, `${store} secrets created`).toBeGreaterThan(0);
      for (const [route, { responses, non2xx }] of Object.entries({ create, status, reveal }).map(
        ([name, result]) => [name, result.route] as const,
      )) {
        expect(responses, `${store} ${route}`).toBeGreaterThan(0);
        expect(non2xx, `${store} ${route}`).toBe(0);
      }
    }
    for (const { route, other } of Object.values(report.workers)) {
      expect(route.non2xx + other.non2xx, 'WORKERS rows').toBe(0);
    }
    expect(report.redisMemory.secrets).toBe(200);

    const printed = renderReport(report);
    for (const row of rows) expect(printed).toContain(row.result);
  });
});
