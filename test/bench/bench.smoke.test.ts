/**
 * The benchmark harness in a tiny mode, so it cannot rot: every row is produced and
 * every figure is a positive number. It checks that the harness works, never how fast
 * anything is. Needs `npm run build` (npm test runs it) and redis-server.
 */
import { describe, expect, it } from 'vitest';
import { runBench } from '../../bench/harness.js';
import { renderReport, reportRows } from '../../bench/report.js';

describe('npm run bench, tiny', () => {
  it('measures every row with positive figures', { timeout: 90_000 }, async () => {
    const report = await runBench({
      durationSeconds: 0.5,
      warmupSeconds: 0,
      connections: 4,
      secrets: 200,
      sizes: [1024],
      startupRuns: 1,
      pbkdf2Runs: 1,
      envelopeMinTimeMs: 1,
    });

    const rows = reportRows(report);
    const measures = rows.map((row) => row.measure).join('\n');
    for (const expected of [
      'ceiling: bare Fastify',
      'Redis: create',
      'Redis: status',
      'Redis: reveal',
      'Redis: reveal page',
      'memory store: create',
      'memory store: status',
      'memory store: reveal',
      'memory store: reveal page',
      'Redis memory per secret',
      'secret key (string)',
      'start-up to a ready `/readyz`, memory store',
      'start-up to a ready `/readyz`, Redis',
      'envelope seal, 1 KiB',
      'envelope open, 1 KiB',
      'PBKDF2',
      'page JavaScript, create + reveal',
      'page JavaScript, create path',
      'page JavaScript, reveal path',
      'page CSS',
    ]) {
      expect(measures).toContain(expected);
    }
    for (const row of rows) {
      expect(row.values.length, row.measure).toBeGreaterThan(0);
      for (const value of row.values) expect(value, row.measure).toBeGreaterThan(0);
    }

    // The measured reveals and statuses were real 200s, not 404s of exhausted secrets.
    for (const store of ['redis', 'memory'] as const) {
      const { create, status, reveal } = report.routes[store];
      expect(create.route.statusCodes['201'], `${store} create`).toBeGreaterThan(0);
      expect(status.route.statusCodes['200'], `${store} status`).toBe(status.route.responses);
      expect(reveal.route.statusCodes['200'], `${store} reveal`).toBe(reveal.route.responses);
    }
    expect(report.redisMemory.secrets).toBe(200);

    const printed = renderReport(report);
    for (const row of rows) expect(printed).toContain(row.result);
  });
});
